/**
 * A three-host vSphere design on a dual-fabric FC SAN whose LAN the tests vary: each host
 * has two dual-port NICs; by default vmk0 (management) and vmk1 (vMotion) run on vSwitch0
 * over nic1/p0 (active) and nic2/p0 (standby), VMs on port group VM-Prod over nic1/p1 and
 * nic2/p1, and nic1 ports go to switch lan-1, nic2 ports to lan-2; an inter-switch link
 * joins lan-1 and lan-2, and the gateway 10.0.10.1 answers from lan-1.
 */

export interface LanDesignOptions {
  /** Replaces the `virtualSwitches:` and `vmkernelPorts:` of every host (indented 4 spaces, `HOST` stands for the host id). */
  readonly hostLan?: string;
  /** Replaces the LAN cables; `HOST` expands to each host. */
  readonly lanLinks?: readonly string[];
  /** Extra switch lines (indented 2 spaces). */
  readonly switches?: string;
  /** Lines under `ha:` (indented 6 spaces). */
  readonly ha?: string;
  readonly platform?: 'vsphere' | 'hyperv' | 'xenserver' | 'proxmox';
  readonly hosts?: readonly string[];
  /** Extra lines under each VM (indented 4 spaces). */
  readonly vm?: string;
  /** Extra top-level text appended at the end. */
  readonly extra?: string;
}

export const DEFAULT_HOST_LAN = `    virtualSwitches:
      vswitch0:
        uplinks: [HOST/nic1/p0, HOST/nic2/p0, HOST/nic1/p1, HOST/nic2/p1]
        portGroups:
          Management: { vlan: 10, active: [HOST/nic1/p0], standby: [HOST/nic2/p0] }
          vMotion: { vlan: 20, active: [HOST/nic2/p0], standby: [HOST/nic1/p0] }
          VM-Prod: { vlan: 30, active: [HOST/nic1/p1, HOST/nic2/p1] }
    vmkernelPorts:
      vmk0: { roles: [management], portGroup: Management, gateway: 10.0.10.1 }
      vmk1: { roles: [vmotion], portGroup: vMotion }
`;

export const DEFAULT_LAN_LINKS = ['[HOST/nic1/p0, lan-1]', '[HOST/nic1/p1, lan-1]', '[HOST/nic2/p0, lan-2]', '[HOST/nic2/p1, lan-2]', '[lan-1, lan-2]'];

export function lanDesign(options: LanDesignOptions = {}): string {
  const hosts = options.hosts ?? ['esx-01', 'esx-02', 'esx-03'];
  const nic = '{ type: ethernet, ports: { p0: { speed: 10 Gbps }, p1: { speed: 10 Gbps } } }';
  const hba = '{ type: fc, ports: { p0: { roles: [storage] } } }';
  const hostText = hosts
    .map((id) =>
      [
        `  ${id}:`,
        '    cpu: { cores: 32, speed: 2 GHz }',
        '    memory: 512 GB',
        '    adapters:',
        `      hba1: ${hba}`,
        `      hba2: ${hba}`,
        `      nic1: ${nic}`,
        `      nic2: ${nic}`,
        (options.hostLan ?? DEFAULT_HOST_LAN).replaceAll('HOST', id).trimEnd(),
      ].join('\n'),
    )
    .join('\n');
  const links = [
    ...hosts.flatMap((id) => [`  - [${id}/hba1/p0, fc-a]`, `  - [${id}/hba2/p0, fc-b]`]),
    '  - [fq/a/fc0, fc-a]',
    '  - [fq/a/fc1, fc-b]',
    '  - [fq/b/fc0, fc-a]',
    '  - [fq/b/fc1, fc-b]',
    ...hosts.flatMap((id) => (options.lanLinks ?? DEFAULT_LAN_LINKS).filter((l) => l.includes('HOST')).map((l) => `  - ${l.replaceAll('HOST', id)}`)),
    ...(options.lanLinks ?? DEFAULT_LAN_LINKS).filter((l) => !l.includes('HOST')).map((l) => `  - ${l}`),
  ];
  const vms = hosts.map((id, index) => `  vm-${index + 1}:\n    host: ${id}\n    memory: 16 GB\n    datastore: ds1\n    networks: [VM-Prod]\n${options.vm ?? ''}`.trimEnd());
  return [
    'vtopo: 1',
    `platform: ${options.platform ?? 'vsphere'}`,
    'clusters:',
    '  prod:',
    '    ha:',
    '      admissionControl: { policy: percentage, cpuPercent: 34, memoryPercent: 34 }',
    '      heartbeatDatastores: [ds1]',
    options.ha ?? '',
    'hosts:',
    hostText,
    'switches:',
    '  fc-a: { type: fc, fabric: A }',
    '  fc-b: { type: fc, fabric: B }',
    '  lan-1: { type: ethernet, addresses: [10.0.10.1] }',
    '  lan-2: { type: ethernet }',
    options.switches ?? '',
    'arrays:',
    '  fq:',
    '    controllers:',
    '      a: { ports: { fc0: { type: fc }, fc1: { type: fc } } }',
    '      b: { ports: { fc0: { type: fc }, fc1: { type: fc } } }',
    'datastores:',
    '  ds1: { array: fq, lun: 1 }',
    'links:',
    ...links,
    'vms:',
    ...vms,
    options.extra ?? '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

/** Every host single-homed: management and VMs on nic1 only, cabled to lan-1 (esx-01, esx-02) or lan-2 (esx-03). */
export const SINGLE_HOMED = `    virtualSwitches:
      vswitch0:
        uplinks: [HOST/nic1/p0, HOST/nic1/p1]
        portGroups:
          Management: { vlan: 10 }
          VM-Prod: { vlan: 30 }
    vmkernelPorts:
      vmk0: { roles: [management], portGroup: Management, gateway: 10.0.10.1 }
`;

/** The cables of SINGLE_HOMED: esx-03 alone on lan-2, behind the inter-switch link (link:16 in the design). */
export const SPLIT_LINKS = ['[esx-01/nic1/p0, lan-1]', '[esx-01/nic1/p1, lan-1]', '[esx-02/nic1/p0, lan-1]', '[esx-02/nic1/p1, lan-1]', '[esx-03/nic1/p0, lan-2]', '[esx-03/nic1/p1, lan-2]', '[lan-1, lan-2]'];

/** The inter-switch link of SPLIT_LINKS. */
export const SPLIT_ISL = { kind: 'link', id: 'link:16' } as const;
