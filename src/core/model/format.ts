/**
 * The `.vtopo` format, version 1: the single declaration from which the reader, the JSON
 * Schema (`schemas/vtopo.schema.json`), completion and hover are derived. Defaults cite
 * their source; see docs/format.md for the guided tour.
 */

import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import {
  boolean,
  collection,
  custom,
  date,
  integer,
  list,
  nodeRange,
  number,
  object,
  oneOf,
  quantity,
  record,
  ref,
  text,
  type Identified,
  type ReadContext,
  type ValueOf,
} from './schema';
import { inheriting, optional, template } from './templates';
import type { SourceRange } from './source';
import { FORMAT_BOUNDS } from './format-bounds';
import { SEVERITY_SETTINGS, type SeveritySetting } from './severity-settings';
import { chassis, mirror, placement, powerFeed, rack, site, siteLink } from './format-domains';
import { PROFILE_REFUSED, VALUE_MESSAGES } from './messages';

export const FORMAT_VERSION = 1;

export { FORMAT_BOUNDS } from './format-bounds';

export const PLATFORMS = ['vsphere', 'hyperv', 'xenserver', 'proxmox'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** vSphere's six restart priorities; other platforms map onto them (docs/format.md). */
export const RESTART_PRIORITIES = ['disabled', 'lowest', 'low', 'medium', 'high', 'highest'] as const;
export type RestartPriority = (typeof RESTART_PRIORITIES)[number];

/**
 * Traffic a port or a host virtual NIC carries. Hyper-V cluster networks map onto these
 * (docs/format.md, "The LAN"): "cluster and client" is management, "cluster only" is
 * heartbeat, the live-migration network is vmotion; a Proxmox corosync link is heartbeat.
 */
export const PORT_ROLES = ['storage', 'iscsi', 'nfs', 'management', 'vmotion', 'vm', 'heartbeat', 'ft', 'replication', 'vsan', 'provisioning'] as const;
export type PortRole = (typeof PORT_ROLES)[number];

/** Virtual switch types: vSphere standard and distributed, Hyper-V SET and LBFO teams, Linux bridge and Open vSwitch (Proxmox, XenServer). */
export const VIRTUAL_SWITCH_TYPES = ['standard', 'distributed', 'set', 'lbfo', 'bridge', 'ovs'] as const;

const severitySetting = oneOf(SEVERITY_SETTINGS, {
  description: 'Severity for this rule in this file, or `off` to disable it.',
});

export interface RuleSettingValue {
  readonly severity?: SeveritySetting;
  /** Rule thresholds by option name; checked against the rule catalog by the analyzer. */
  readonly options: ReadonlyMap<string, { readonly value: number; readonly keyRange: SourceRange; readonly valueRange: SourceRange }>;
}

/** `rule-id: warning`, or `rule-id: { severity: warning, headroomPercent: 20 }`. */
const ruleSetting = custom<RuleSettingValue, { description: string }>(
  {
    description: 'Severity (`off`, `error`, `warning`, `info`, `hint`), or a mapping with `severity` and the rule\'s thresholds.',
    typeName: 'severity or settings',
    jsonSchema: () => ({
      oneOf: [
        { enum: [...SEVERITY_SETTINGS] },
        { type: 'object', properties: { severity: { enum: [...SEVERITY_SETTINGS] } }, additionalProperties: { type: 'number' } },
      ],
    }),
  },
  (node, ctx, fallback) => {
    if (node && isMap(node)) {
      let severity: SeveritySetting | undefined;
      const options = new Map<string, { value: number; keyRange: SourceRange; valueRange: SourceRange }>();
      for (const pair of node.items as Pair<Node, Node>[]) {
        const key = ctx.scalarText(pair.key as Node | null);
        const keyRange = nodeRange(pair.key as Node | null, fallback);
        if (key === undefined) continue;
        if (key === 'severity') {
          severity = severitySetting.read(pair.value as Node | null, ctx, keyRange);
          continue;
        }
        const valueNode = ctx.resolve(pair.value as Node | null);
        const valueRange = nodeRange(valueNode, keyRange);
        const value = valueNode && isScalar(valueNode) ? valueNode.value : undefined;
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          ctx.report('invalid-value', VALUE_MESSAGES.expectedRuleOption({ key }), valueRange);
          continue;
        }
        options.set(key, { value, keyRange, valueRange });
      }
      return severity === undefined ? { options } : { severity, options };
    }
    const severity = severitySetting.read(node, ctx, fallback);
    return severity === undefined ? undefined : { severity, options: new Map() };
  },
);

// ------------------------------------------------------------------------ clusters

const admissionControl = object(
  {
    policy: oneOf(['slots', 'percentage', 'failover-hosts', 'disabled'] as const, {
      description:
        'vSphere HA admission control policy: slots ("host failures cluster tolerates"), percentage of cluster resources reserved, dedicated failover hosts, or disabled.',
      default: 'percentage',
    }),
    hostFailuresToTolerate: integer({
      description: 'Host failures the cluster must tolerate (F). vSphere default 1.',
      min: 0,
      max: 95,
      default: 1,
    }),
    cpuPercent: number({ description: 'Percentage of cluster CPU reserved for failover (percentage policy). When omitted, derived from hostFailuresToTolerate.', min: 0, max: 100 }),
    memoryPercent: number({ description: 'Percentage of cluster memory reserved for failover (percentage policy). When omitted, derived from hostFailuresToTolerate.', min: 0, max: 100 }),
    failoverHosts: list(ref('host', { description: 'A dedicated failover host.' }), { description: 'Dedicated failover hosts (failover-hosts policy): they run no VMs until a failure.' }),
    slotCpuMHz: quantity('frequency', { description: 'Cap on the slot CPU size (das.slotcpuinmhz).', min: 1, max: FORMAT_BOUNDS.cpuMHz }),
    slotMemoryMB: quantity('data', { description: 'Cap on the slot memory size (das.slotmeminmb).', min: 1, max: FORMAT_BOUNDS.memoryMB }),
    minimumVmCpuMHz: quantity('frequency', {
      description: 'CPU a VM without a reservation counts as in slot and percentage calculations (das.vmcpuminmhz; 32 MHz since vSphere 5, 256 MHz before).',
      default: 32,
      min: 0,
      max: FORMAT_BOUNDS.cpuMHz,
    }),
  },
  { description: 'How HA reserves capacity for failover (vSphere Availability guide, admission control).', defaults: true },
);

const detection = object(
  {
    heartbeatIntervalSeconds: quantity('duration', { description: 'Network heartbeat interval between HA agents (vSphere: 1 s).', default: 1, min: 0, max: FORMAT_BOUNDS.seconds }),
    failureTimeoutSeconds: quantity('duration', { description: 'Time without heartbeats (and no ping) before a host is declared failed (vSphere: 15 s).', default: 15, min: 0, max: FORMAT_BOUNDS.seconds }),
    isolationTimeoutSeconds: quantity('duration', { description: 'Time after which a secondary host that lost its network declares itself isolated (vSphere 5.x-8.x: about 30 s).', default: 30, min: 0, max: FORMAT_BOUNDS.seconds }),
    primaryIsolationTimeoutSeconds: quantity('duration', { description: 'Time after which the primary (master) host that lost its network declares itself isolated (vSphere 5.x-8.x: about 5 s).', default: 5, min: 0, max: FORMAT_BOUNDS.seconds }),
    isolationResponseDelaySeconds: quantity('duration', { description: 'Further delay before the isolation response runs (vSphere: 30 s).', default: 30, min: 0, max: FORMAT_BOUNDS.seconds }),
  },
  { description: 'Failure detection timings. Defaults are vSphere HA\'s; make them match your platform.', defaults: true },
);

const orchestration = object(
  {
    readyCondition: oneOf(['none', 'resources-allocated', 'powered-on', 'guest-heartbeat', 'app-heartbeat'] as const, {
      description: 'When a restarted VM counts as ready so the next priority tier may start (vSphere 6.5+ orchestrated restart).',
      default: 'resources-allocated',
    }),
    postReadyDelaySeconds: quantity('duration', { description: 'Extra delay after a tier is ready before the next one starts.', default: 0, min: 0, max: FORMAT_BOUNDS.seconds }),
    tierTimeoutSeconds: quantity('duration', { description: 'A lower tier starts after this time even if the higher tier is not ready (vSphere: 600 s).', default: 600, min: 0, max: FORMAT_BOUNDS.seconds }),
    vmBootSeconds: quantity('duration', { description: 'Boot time of a restarted VM when the VM does not say (assumption; set it from measurements).', default: 60, min: 0, max: FORMAT_BOUNDS.seconds }),
  },
  { description: 'Restart orchestration between priority tiers.', defaults: true },
);

const componentProtection = object(
  {
    pdl: oneOf(['disabled', 'warning', 'restart-aggressive'] as const, { description: 'Response to a permanent device loss (PDL).', default: 'disabled' }),
    apd: oneOf(['disabled', 'warning', 'restart-conservative', 'restart-aggressive'] as const, { description: 'Response to all paths down (APD).', default: 'disabled' }),
    apdTimeoutSeconds: quantity('duration', { description: 'Time from APD to the APD timeout (vSphere: 140 s).', default: 140, min: 0, max: FORMAT_BOUNDS.seconds }),
    apdFailoverDelaySeconds: quantity('duration', { description: 'Delay after the APD timeout before VMs are terminated and restarted (vSphere: 180 s).', default: 180, min: 0, max: FORMAT_BOUNDS.seconds }),
  },
  { description: 'VM Component Protection: what HA does when a host loses its storage.', defaults: true },
);

const ha = object(
  {
    enabled: boolean({ description: 'Whether HA (or the platform\'s equivalent) protects this cluster.', default: true }),
    admissionControl: admissionControl,
    detection: detection,
    isolationResponse: oneOf(['none', 'power-off', 'shutdown'] as const, { description: 'What an isolated host does with its VMs (vSphere default: none, "leave powered on").', default: 'none' }),
    isolationShutdownTimeoutSeconds: quantity('duration', {
      description: 'With isolation response shutdown: how long the host waits for a guest shutdown before it powers the VM off (vSphere das.isolationshutdowntimeout: 300 s). A VM\'s own shutdownSeconds is used when shorter.',
      default: 300,
      min: 0,
      max: FORMAT_BOUNDS.seconds,
    }),
    isolationAddresses: list(text({ description: 'An IP address the host pings to tell isolation from a partition.' }), {
      description: 'Extra isolation addresses (vSphere das.isolationaddress0..9). Each should answer from a different switch than the default gateway.',
    }),
    useDefaultIsolationAddress: boolean({ description: 'Whether the management network\'s default gateway is an isolation address (vSphere das.usedefaultisolationaddress).', default: true }),
    primaryHost: ref('host', { description: 'The host elected HA primary (master). vSphere elects the host that mounts the most datastores; when omitted VTopo assumes that one, then the first in file order.' }),
    fencingDelaySeconds: quantity('duration', {
      description: 'Proxmox VE and XenServer: how long a node that lost quorum runs before its watchdog fences (resets) it; HA recovers its services only after that (Proxmox VE: 60 s).',
      default: 60,
      min: 0,
      max: FORMAT_BOUNDS.seconds,
    }),
    resiliencyPeriodSeconds: quantity('duration', {
      description: 'Hyper-V (Windows Server 2016+): how long VMs of a node that lost the cluster network keep running unmonitored before they are failed over (ResiliencyDefaultPeriod: 240 s; 0 on older releases).',
      default: 240,
      min: 0,
      max: FORMAT_BOUNDS.seconds,
    }),
    respectAntiAffinity: boolean({ description: 'Whether HA must respect VM-VM anti-affinity rules when it restarts VMs.', default: true }),
    heartbeatDatastores: list(ref('datastore', { description: 'A heartbeat datastore.' }), { description: 'Datastores used for datastore heartbeating (vSphere: 2 per host, at most 5).' }),
    defaultRestartPriority: oneOf(RESTART_PRIORITIES, { description: 'Restart priority of VMs that do not set one (vSphere default: medium).', default: 'medium' }),
    orchestration: orchestration,
    componentProtection: componentProtection,
  },
  { description: 'High availability settings.', defaults: true },
);

const drs = object(
  {
    enabled: boolean({ description: 'Whether DRS (or the platform\'s balancer) runs.', default: false }),
    automation: oneOf(['manual', 'partially-automated', 'fully-automated'] as const, { description: 'DRS automation level.', default: 'fully-automated' }),
    migrationThreshold: integer({ description: 'DRS migration threshold, 1 (conservative) to 5 (aggressive); vSphere default 3.', min: 1, max: 5, default: 3 }),
  },
  { description: 'Load balancing settings.', defaults: true },
);

const cluster = object(
  {
    description: text({ description: 'What this cluster is for.' }),
    ha: ha,
    drs: drs,
    cpuCompatibility: text({ description: 'CPU compatibility baseline that makes mixed CPU generations migration-compatible (vSphere EVC mode such as "intel-broadwell", Hyper-V processor compatibility, ...).' }),
    migrationNetworkMbps: quantity('bandwidth', { description: 'Bandwidth of the live-migration (vMotion) network when it is not derived from ports.', min: 0, max: FORMAT_BOUNDS.bandwidthMbps }),
    quorum: object(
      {
        witness: oneOf(['none', 'disk', 'file-share', 'cloud'] as const, { description: 'Hyper-V / Windows failover cluster witness: a disk, a file share or a cloud witness adds one vote to node majority.', default: 'none' }),
        witnessDatastore: ref('datastore', { description: 'The datastore (LUN) holding the disk witness.' }),
        witnessSwitch: ref('switch', { description: 'The Ethernet switch through which the file-share or cloud witness is reached; when omitted it answers from every switch.' }),
      },
      { description: 'Cluster quorum (Hyper-V, Proxmox VE): which partition keeps running after a network split.', defaults: true },
    ),
    migration: object(
      {
        method: oneOf(['auto', 'vmotion', 'xen-classic', 'xen', 'qemu', 'post-copy'] as const, {
          description: 'Live-migration algorithm: auto picks the platform\'s (vSphere: vmotion; XenServer: xen; Hyper-V and Proxmox: qemu-style pre-copy with a downtime target).',
          default: 'auto',
        }),
        bandwidthMbps: quantity('bandwidth', { description: 'Bandwidth one migration may use (QEMU default 128 MiB/s; vMotion: the vMotion network).', min: 1, max: FORMAT_BOUNDS.bandwidthMbps }),
        allowedDowntimeSeconds: quantity('duration', { description: 'Downtime target that ends pre-copy (QEMU default 300 ms).', min: 0, max: FORMAT_BOUNDS.seconds }),
        autoConverge: boolean({
          description: 'QEMU auto-converge: throttle a guest that dirties memory faster than pre-copy sends it (QEMU migration capability "auto-converge", off unless enabled, e.g. `migrate_set_capability auto-converge on`). Without it such a guest never converges. Only the qemu method uses it.',
          default: false,
        }),
        maxConcurrentPerHost: integer({ description: 'Concurrent migrations per host (vSphere: 4 on 1 GbE, 8 on 10 GbE).', min: 1, max: FORMAT_BOUNDS.countPerElement }),
      },
      { description: 'Live-migration settings for simulation (docs/design/algorithms.md#4-live-migration).', defaults: true },
    ),
  },
  { description: 'A cluster of hosts sharing an HA policy.' },
);

// --------------------------------------------------------------------------- hosts

const port = object(
  {
    speedMbps: quantity('bandwidth', { description: 'Port speed.', min: 0, max: FORMAT_BOUNDS.bandwidthMbps }),
    roles: list(oneOf(PORT_ROLES, { description: 'A traffic role.' }), { description: 'Traffic this port carries.' }),
    vlan: integer({ description: 'VLAN id (0 = untagged).', min: 0, max: 4094 }),
    subnet: text({ description: 'IP subnet in CIDR notation, e.g. 10.0.1.0/24.' }),
    mtu: integer({ description: 'MTU in bytes (1500 standard, 9000 jumbo).', min: 576, max: 9216 }),
    address: text({ description: 'WWPN, IQN, MAC or IP address, for the record.' }),
  },
  { description: 'A physical port.' },
);

const adapter = object(
  {
    type: oneOf(['fc', 'iscsi', 'ethernet', 'cna'] as const, { description: 'fc: Fibre Channel HBA; iscsi: hardware iSCSI HBA; ethernet: NIC; cna: converged adapter.', required: true }),
    vendor: text({ description: 'Adapter vendor.' }),
    model: text({ description: 'Adapter model.' }),
    firmware: text({ description: 'Firmware or driver version.' }),
    ports: collection('port', port, { description: 'The adapter\'s ports, by id.', default: [] }),
  },
  { description: 'A physical adapter (one failure domain: a dual-port card fails as one).' },
);

const vmkernelPort = object(
  {
    roles: list(oneOf(PORT_ROLES, { description: 'A traffic role.' }), { description: 'Traffic on this VMkernel port (e.g. iscsi, vmotion).', default: [] }),
    active: list(ref('port', { description: 'An active uplink (host/adapter/port).' }), { description: 'Active uplinks.', default: [] }),
    standby: list(ref('port', { description: 'A standby uplink (host/adapter/port).' }), { description: 'Standby uplinks.', default: [] }),
    subnet: text({ description: 'IP subnet in CIDR notation.' }),
    vlan: integer({ description: 'VLAN id.', min: 0, max: 4094 }),
    mtu: integer({ description: 'MTU in bytes.', min: 576, max: 9216 }),
    portGroup: text({ description: 'Name of the port group (on one of the host\'s virtual switches or a distributed switch it is a member of) this port connects to; its uplinks and teaming apply unless active/standby are given here.' }),
    gateway: text({ description: 'Default gateway of this port\'s network (for the management network: the default HA isolation address).' }),
    speedMbps: quantity('bandwidth', { description: 'Bandwidth of this port when its uplinks do not say (e.g. a shaped vNIC).', min: 0, max: FORMAT_BOUNDS.bandwidthMbps }),
  },
  {
    description:
      'A host virtual network port: a VMkernel port (vmk0, ...) on vSphere, a management-OS vNIC on Hyper-V, a bridge address on Proxmox, with its roles and uplinks.',
  },
);

const teaming = {
  active: list(ref('port', { description: 'An active uplink (host/adapter/port).' }), { description: 'Active uplinks; when neither active nor standby is given, every uplink is active.' }),
  standby: list(ref('port', { description: 'A standby uplink (host/adapter/port).' }), { description: 'Standby uplinks: used only when every active one has failed.' }),
  unused: list(ref('port', { description: 'An unused uplink (host/adapter/port).' }), { description: 'Uplinks this port group never uses.' }),
};

const portGroupName = text({ description: 'The port group\'s label when it is not a valid id (e.g. "VM Network"); VMs may name it either way.' });

const portGroup = object(
  {
    name: portGroupName,
    vlan: integer({ description: 'VLAN id (0 = untagged).', min: 0, max: 4094 }),
    roles: list(oneOf(PORT_ROLES, { description: 'A traffic role.' }), { description: 'Traffic on this port group when it is not a VM network (e.g. heartbeat); VM networks need none.' }),
    ...teaming,
  },
  { description: 'A port group (VM network) with its VLAN and, where it differs from its switch, its teaming.' },
);

const virtualSwitch = object(
  {
    type: oneOf(VIRTUAL_SWITCH_TYPES, { description: 'standard / distributed (vSphere), set / lbfo (Hyper-V teams), bridge / ovs (Proxmox, XenServer).', default: 'standard' }),
    uplinks: list(ref('port', { description: 'A physical port of this host (host/adapter/port).' }), { description: 'Physical ports (uplinks) of this virtual switch.', default: [] }),
    ...teaming,
    mtu: integer({ description: 'MTU in bytes.', min: 576, max: 9216 }),
    portGroups: collection('portGroup', portGroup, { description: 'Port groups (VM networks), by name.', default: [] }),
  },
  { description: 'A host\'s virtual switch (vSwitch, SET or LBFO team, bridge) with its uplinks, teaming and port groups.' },
);

const hostFields = {
  cluster: ref('cluster', { description: 'The cluster this host belongs to. With a single cluster in the file it may be omitted.' }),
  profile: ref('hostProfile', {
    description: 'The host profile (an entry of `hostProfiles`) this host takes its hardware from: every field of the profile the host does not give itself. A field the host gives replaces the profile\'s whole.',
  }),
  model: text({ description: 'Server model.' }),
  edition: text({ description: 'Hypervisor edition or licence (e.g. "free", "standard", "enterprise-plus", "datacenter"). The free ESXi edition has no vMotion or HA.' }),
  state: oneOf(['connected', 'maintenance', 'disconnected', 'standby'] as const, { description: 'Host state; only connected hosts count for HA.', default: 'connected' }),
  cpu: object(
    {
      sockets: integer({ description: 'CPU sockets (at most 64: well above any x86 server).', min: 1, max: 64, default: 1 }),
      cores: integer({ description: 'Physical cores in total (at most 4,096: bounded so that capacities stay finite).', min: 1, max: 4096, required: true }),
      speedMHz: quantity('frequency', { description: 'Clock speed per core (at most 10 GHz).', min: 1, max: 10000, required: true }),
      vendor: oneOf(['intel', 'amd', 'arm'] as const, { description: 'CPU vendor.' }),
      family: text({ description: 'CPU family or generation (e.g. "intel-skylake", "amd-zen3"); live migration needs the same family or a compatibility baseline.' }),
    },
    { description: 'Processors.', required: true },
  ),
  memoryMB: quantity('data', { description: 'Physical memory (at most 1 PB: bounded so that capacities stay finite).', min: 1, max: FORMAT_BOUNDS.memoryMB, required: true }),
  overhead: object(
    {
      cpuMHz: quantity('frequency', { description: 'CPU the hypervisor keeps for itself.', min: 0, max: FORMAT_BOUNDS.cpuMHz, default: 0 }),
      memoryMB: quantity('data', { description: 'Memory the hypervisor keeps for itself (assumed default 4 GB; state yours).', min: 0, max: FORMAT_BOUNDS.memoryMB, default: 4096 }),
    },
    { description: 'Hypervisor overhead: what is subtracted from the physical capacity before VMs.', defaults: true },
  ),
  maxVms: integer({ description: 'Limit on VMs running on this host (for restart placement).', min: 1, max: FORMAT_BOUNDS.countPerElement }),
  ...placement,
  chassis: ref('chassis', { description: 'The blade chassis this host is a blade of: it takes the chassis\'s rack and power.' }),
  adapters: collection('adapter', adapter, { description: 'Physical adapters, by id.', default: [] }),
  vmkernelPorts: collection('vmkernelPort', vmkernelPort, { description: 'Host virtual network ports (VMkernel ports vmk0, vmk1, ...; Hyper-V host vNICs), by id.', default: [] }),
  virtualSwitches: collection('virtualSwitch', virtualSwitch, { description: 'Virtual switches (vSwitches, SET / LBFO teams, bridges), by id.', default: [] }),
};

/**
 * What a host profile gives: the hardware and platform a set of identical servers share.
 * Fields that name ports by full id (`esx-01/nic1/p1`) differ from host to host and stay
 * on each host, as do its cluster and state.
 */
const hostProfileShape = {
  model: hostFields.model,
  edition: hostFields.edition,
  cpu: optional(hostFields.cpu),
  memoryMB: optional(hostFields.memoryMB),
  overhead: optional(hostFields.overhead),
  maxVms: hostFields.maxVms,
  adapters: optional(hostFields.adapters),
};

/** The host keys a profile may give, as the format declares them. */
export const HOST_PROFILE_KEYS = Object.keys(hostProfileShape) as ReadonlyArray<keyof typeof hostProfileShape>;

const hostProfile = template(object(hostProfileShape, {
  description: 'A host profile: the hardware and platform fields (model, edition, cpu, memory, overhead, maxVms, adapters with their ports) that hosts naming it in `profile:` take when they do not give them.',
  refusedKeys: {
    cluster: () => PROFILE_REFUSED.cluster({}),
    state: () => PROFILE_REFUSED.state({}),
    vmkernelPorts: () => PROFILE_REFUSED.vmkernelPorts({}),
    virtualSwitches: () => PROFILE_REFUSED.virtualSwitches({}),
    site: () => PROFILE_REFUSED.site({}),
    rack: () => PROFILE_REFUSED.rack({}),
    chassis: () => PROFILE_REFUSED.chassis({}),
    power: () => PROFILE_REFUSED.power({}),
    profile: () => PROFILE_REFUSED.profile({}),
  },
}));

const host = inheriting(object(hostFields, { description: 'A hypervisor host.' }), { key: 'profile', section: 'hostProfiles', templateShape: hostProfileShape });

// ------------------------------------------------------------------------ switches

const distributedPortGroup = object(
  {
    name: text({ description: 'The port group\'s label when it is not a valid id (e.g. "VM Network"); VMs may name it either way.' }),
    vlan: integer({ description: 'VLAN id (0 = untagged).', min: 0, max: 4094 }),
    roles: list(oneOf(PORT_ROLES, { description: 'A traffic role.' }), { description: 'Traffic on this port group when it is not a VM network.' }),
    active: list(text({ description: 'An uplink name.' }), { description: 'Active uplinks by name (uplink1, ...); default: the switch\'s.' }),
    standby: list(text({ description: 'An uplink name.' }), { description: 'Standby uplinks by name.' }),
    unused: list(text({ description: 'An uplink name.' }), { description: 'Unused uplinks by name.' }),
  },
  { description: 'A distributed port group: its VLAN and teaming by uplink name.' },
);

const distributedSwitch = object(
  {
    uplinks: list(text({ description: 'An uplink name.' }), { description: 'Uplink names, in order (uplink1, uplink2, ...).', default: [] }),
    members: record(list(ref('port', { description: 'A physical port of the member host.' }), { description: 'The host\'s physical ports, in the order of the uplink names.' }), {
      keyName: 'host id',
      description: 'Member hosts: host id to its physical ports, in uplink order.',
    }),
    active: list(text({ description: 'An uplink name.' }), { description: 'Default active uplinks by name; when neither active nor standby is given, every uplink is active.' }),
    standby: list(text({ description: 'An uplink name.' }), { description: 'Default standby uplinks by name.' }),
    mtu: integer({ description: 'MTU in bytes.', min: 576, max: 9216 }),
    portGroups: collection('portGroup', distributedPortGroup, { description: 'Distributed port groups, by name.', default: [] }),
  },
  { description: 'A vSphere distributed switch: uplink names, the member hosts\' physical ports and port groups with teaming by uplink name.' },
);

const networkSwitch = object(
  {
    type: oneOf(['fc', 'ethernet'] as const, { description: 'fc: Fibre Channel switch; ethernet: LAN / iSCSI switch.', required: true }),
    fabric: text({ description: 'Fabric or side this switch belongs to (A or B). Redundant SANs have two physically separate fabrics.' }),
    vlans: list(integer({ description: 'A VLAN id.', min: 0, max: 4094 }), { description: 'VLANs carried (Ethernet).' }),
    subnet: text({ description: 'IP subnet in CIDR notation (iSCSI side A or B).' }),
    mtu: integer({ description: 'MTU in bytes (Ethernet).', min: 576, max: 9216 }),
    speedMbps: quantity('bandwidth', { description: 'Port speed.', min: 0, max: FORMAT_BOUNDS.bandwidthMbps }),
    ports: integer({ description: 'Number of ports.', min: 1, max: FORMAT_BOUNDS.countPerElement }),
    vendor: text({ description: 'Vendor.' }),
    model: text({ description: 'Model.' }),
    stack: text({ description: 'Ethernet: the stack or MLAG pair this switch is a member of. A stack is one control plane: a stack failure (firmware, split) takes every member.' }),
    addresses: list(text({ description: 'An IP address.' }), { description: 'Ethernet: addresses that answer from this switch (its gateway interface, a router behind it): HA isolation addresses resolve here.' }),
    ...placement,
    chassis: ref('chassis', { description: 'The blade chassis this switch is an interconnect module of: it takes the chassis\'s rack and power.' }),
  },
  { description: 'A switch.' },
);

// -------------------------------------------------------------------------- arrays

const arrayPort = object(
  {
    type: oneOf(['fc', 'iscsi', 'nfs'] as const, { description: 'Protocol of this host port.', required: true }),
    speedMbps: quantity('bandwidth', { description: 'Port speed.', min: 0, max: FORMAT_BOUNDS.bandwidthMbps }),
    subnet: text({ description: 'IP subnet (iSCSI / NFS).' }),
    vlan: integer({ description: 'VLAN id.', min: 0, max: 4094 }),
    mtu: integer({ description: 'MTU in bytes.', min: 576, max: 9216 }),
    address: text({ description: 'WWPN, IQN or IP address.' }),
  },
  { description: 'A host-facing port of an array controller.' },
);

const controller = object(
  {
    ports: collection('port', arrayPort, { description: 'Host ports of this controller, by id.', default: [] }),
  },
  { description: 'A RAID controller (storage processor).' },
);

const storageArray = object(
  {
    vendor: text({ description: 'Vendor.' }),
    model: text({ description: 'Product model, e.g. FQ1616R or AV100-G6 (docs/design/sources.md#seed-000).' }),
    mode: oneOf(['active-active', 'alua', 'single'] as const, { description: 'Controller mode. Derived from the number of controllers when omitted.' }),
    throughputMBps: quantity('throughput', { description: 'Sustained throughput the array delivers.', min: 0, max: FORMAT_BOUNDS.throughputMBps }),
    controllers: collection('controller', controller, { description: 'Controllers, by id (a, b).', default: [] }),
    ...placement,
  },
  { description: 'A SAN or NAS storage array.' },
);

// ---------------------------------------------------------------------- datastores

const datastore = object(
  {
    protocol: oneOf(['vmfs', 'nfs', 'csv', 'smb', 'lvm', 'zfs', 'ceph', 'sr', 'raw'] as const, { description: 'Datastore or volume type: VMFS (vSphere), NFS, CSV (Hyper-V), SMB, LVM/ZFS/Ceph (Proxmox), SR (XenServer), or raw: a LUN the guests attach to directly (RDM, in-guest iSCSI), e.g. a guest cluster\'s shared disk.', default: 'vmfs' }),
    array: ref('array', { description: 'The array presenting this LUN or share. Omit for local storage.' }),
    host: ref('host', { description: 'For local (DAS) storage: the host whose disks hold it.' }),
    shared: boolean({ description: 'Whether every host of the cluster can reach it. Defaults to true on an array, false on a host.' }),
    lun: integer({ description: 'LUN id; must be the same on every host (at most 2^32 - 1).', min: 0, max: 2 ** 32 - 1 }),
    owner: ref('controller', { description: 'Owning controller (ALUA), e.g. fq1616r/a.' }),
    capacityMB: quantity('data', { description: 'Capacity (at most 1 EB).', min: 0, max: FORMAT_BOUNDS.capacityMB }),
    presentedTo: list(ref('host', { description: 'A host the LUN is presented to.' }), { description: 'Hosts the LUN is presented to. Defaults to every host of the cluster.' }),
    paths: record(list(text({ description: 'A path name.' }), { description: 'The working paths of one host, by name.' }), {
      keyName: 'host id',
      description: 'Working storage paths from each host to this LUN as the hypervisor names them: vSphere runtime names (vmhba2:C0:T1:L5) or full path names, as an inventory export lists them. Read by lun-single-path when the cabling is not drawn.',
    }),
    mirror: mirror,
    deadPaths: record(list(text({ description: 'A path name.' }), { description: 'The dead paths of one host, by name.' }), {
      keyName: 'host id',
      description: 'Paths each host reports dead, disabled or off: listed so that nothing of an export is lost, never counted as redundancy.',
    }),
  },
  { description: 'A datastore, LUN or volume where VM files live. Shared without an array: storage whose paths are not drawn (vSAN, or an imported LUN whose array is not known); every host it is presented to reaches it.' },
);

// ---------------------------------------------------------------------------- links

export interface LinkValue {
  readonly from: string;
  readonly to: string;
  readonly speedMbps?: number;
  readonly source: { readonly range: SourceRange; readonly from: SourceRange; readonly to: SourceRange };
}

const endpoint = ref('endpoint', { description: 'A port (host/adapter/port or array/controller/port) or a switch (switch or switch/port).', required: true });
const linkSpeed = quantity('bandwidth', { description: 'Negotiated link speed, when below the ports\'.', min: 0, max: FORMAT_BOUNDS.bandwidthMbps });
const linkFields = { from: endpoint, to: endpoint, speedMbps: linkSpeed, description: text({ description: 'A note on this cable.' }) };
const linkObject = object(
  linkFields,
  { description: 'A cable between two ports or a port and a switch.' },
);

const link = custom<LinkValue, { description: string }>(
  {
    description: 'A cable: `[from, to]` or `{ from, to, speed }`.',
    typeName: 'link',
    children: () => linkFields,
    jsonSchema: () => ({ oneOf: [{ type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 }, linkObject.jsonSchema()] }),
  },
  (node: Node | null | undefined, ctx: ReadContext, fallback: SourceRange): LinkValue | undefined => {
    const range = nodeRange(node, fallback);
    if (node && isSeq(node)) {
      const items = node.items as Node[];
      if (items.length !== 2) {
        ctx.report('invalid-value', VALUE_MESSAGES.linkEnds({ count: items.length }), range);
        return undefined;
      }
      const from = endpoint.read(items[0], ctx, range);
      const to = endpoint.read(items[1], ctx, range);
      if (from === undefined || to === undefined) return undefined;
      return { from, to, source: { range, from: nodeRange(items[0], range), to: nodeRange(items[1], range) } };
    }
    if (node && isMap(node)) {
      const value = linkObject.read(node, ctx, fallback);
      if (!value) return undefined;
      const fromRange = value.source.fields.from?.value;
      const toRange = value.source.fields.to?.value;
      if (!fromRange || !toRange) return undefined;
      return { from: value.from, to: value.to, ...(value.speedMbps !== undefined ? { speedMbps: value.speedMbps } : {}), source: { range, from: fromRange, to: toRange } };
    }
    ctx.report('invalid-value', VALUE_MESSAGES.expectedLink({}), range);
    return undefined;
  },
);

// ------------------------------------------------------------------------------ VMs

const vm = object(
  {
    host: ref('host', { description: 'The host the VM runs (or is registered) on.', required: true }),
    cpus: integer({ description: 'Virtual CPUs (at most 4,096).', min: 1, max: 4096, default: 1 }),
    memoryMB: quantity('data', { description: 'Configured memory (at most 1 PB).', min: 1, max: FORMAT_BOUNDS.memoryMB, required: true }),
    reservation: object(
      {
        cpuMHz: quantity('frequency', { description: 'CPU reservation.', min: 0, max: FORMAT_BOUNDS.cpuMHz }),
        memoryMB: quantity('data', { description: 'Memory reservation.', min: 0, max: FORMAT_BOUNDS.memoryMB }),
      },
      { description: 'Guaranteed resources; HA admission control counts reservations.' },
    ),
    overheadMemoryMB: quantity('data', { description: 'Virtualization memory overhead (counted with the reservation in slot sizes).', min: 0, max: FORMAT_BOUNDS.memoryMB }),
    datastore: ref('datastore', { description: 'Where the VM\'s files (.vmx, .vmdk, .vswp) live.' }),
    sharedDisks: list(ref('datastore', { description: 'A shared disk.' }), { description: 'Shared disks (guest cluster quorum and data disks).' }),
    restartPriority: oneOf(RESTART_PRIORITIES, { description: 'HA restart priority; disabled means HA never restarts it. Defaults to the cluster\'s.' }),
    role: text({ description: 'What the VM does (sql, exchange, web, file, vcenter, ...); used by the role rules.' }),
    power: oneOf(['on', 'off', 'suspended'] as const, { description: 'Power state.', default: 'on' }),
    lastActive: date({ description: 'Last day the VM did useful work (for sprawl).' }),
    protection: oneOf(['none', 'ft', 'replica'] as const, { description: 'Fault tolerance (a running secondary) or a replica that takes over.', default: 'none' }),
    secondaryHost: ref('host', { description: 'Host of the FT secondary or the replica.' }),
    vnics: integer({ description: 'Virtual NICs.', min: 0, max: FORMAT_BOUNDS.countPerElement, default: 1 }),
    networks: list(text({ description: 'A port group name.' }), { description: 'Port groups (VM networks) the VM\'s vNICs are on, by name; a VM network is looked up on whichever host runs the VM.' }),
    shutdownSeconds: quantity('duration', { description: 'Time a guest shutdown takes (isolation response shutdown).', min: 0, max: FORMAT_BOUNDS.seconds }),
    guestCluster: ref('guestCluster', { description: 'Guest cluster (failover or NLB) this VM is a node of.' }),
    dirtyRateMBps: quantity('throughput', { description: 'Rate at which the guest dirties memory (live migration).', min: 0, max: FORMAT_BOUNDS.throughputMBps }),
    workingSetMB: quantity('data', { description: 'Writable working set: memory re-dirtied in every pre-copy round.', min: 0, max: FORMAT_BOUNDS.memoryMB }),
    bootSeconds: quantity('duration', { description: 'Time to boot after a restart.', min: 0, max: FORMAT_BOUNDS.seconds }),
    diskThroughputMBps: quantity('throughput', { description: 'Storage throughput the VM needs at peak (for the SAN throughput rules).', min: 0, max: FORMAT_BOUNDS.throughputMBps }),
  },
  { description: 'A virtual machine.' },
);

const guestCluster = object(
  {
    type: oneOf(['failover', 'nlb'] as const, { description: 'failover: stateful apps on shared disk (SQL, Exchange, file); nlb: network load balancing for stateless apps (web, VPN).', required: true }),
    role: text({ description: 'Application the guest cluster serves.' }),
    sharedDisk: ref('datastore', { description: 'Shared (iSCSI) disk of a failover cluster.' }),
    heartbeatVlan: integer({ description: 'VLAN of the private heartbeat network.', min: 0, max: 4094 }),
    heartbeatNetwork: text({ description: 'Port group of the private heartbeat network.' }),
    clientNetwork: text({ description: 'Port group of the public (client) network.' }),
  },
  { description: 'A cluster of VMs: Windows failover cluster or NLB cluster.' },
);

const rule = object(
  {
    type: oneOf(['affinity', 'anti-affinity', 'vm-host', 'restart-dependency'] as const, { description: 'Kind of rule.', required: true }),
    vms: list(ref('vm', { description: 'A VM.' }), { description: 'VMs the rule applies to.', default: [] }),
    hosts: list(ref('host', { description: 'A host.' }), { description: 'Host group of a vm-host rule.', default: [] }),
    mode: oneOf(['must-run-on', 'should-run-on', 'must-not-run-on', 'should-not-run-on'] as const, { description: 'Strength and sense of a vm-host rule.' }),
    dependsOn: list(ref('vm', { description: 'A VM that must be ready first.' }), { description: 'restart-dependency: VMs that must be ready before these VMs restart.', default: [] }),
    enabled: boolean({ description: 'Whether the rule is on.', default: true }),
  },
  { description: 'A placement or restart rule.' },
);

// -------------------------------------------------------------------- the rest

const management = object(
  {
    product: text({ description: 'vCenter Server, SCVMM, XenCenter / Xen Orchestra, Proxmox (built in), ...' }),
    vm: ref('vm', { description: 'The VM it runs as, when it is virtual.' }),
    physicalServer: text({ description: 'Name of the dedicated physical server, when it is not a VM.' }),
    databaseVm: ref('vm', { description: 'VM holding its database, if separate.' }),
  },
  { description: 'The management server (vCenter, SCVMM, ...): a dedicated physical server or a VM (docs/design/sources.md#seed-000).' },
);

const costs = object(
  {
    currency: text({ description: 'Currency of the amounts.', default: 'USD' }),
    hostCost: number({ description: 'Cost of one host (hardware, licences, support) over its life.', min: 0, max: FORMAT_BOUNDS.cost }),
    consolidationRatio: number({ description: 'VMs per host; derived from the design when omitted (docs/design/sources.md#seed-002: 15:1 on a $30,000 host is $2,000 per VM).', min: 0, max: FORMAT_BOUNDS.countPerElement }),
  },
  { description: 'A simple cost model, used to price VM sprawl.' },
);

export interface Position {
  readonly x: number;
  readonly y: number;
}

const position = custom<Position, { description: string }>(
  {
    description: 'Canvas position `{ x, y }` or `[x, y]`.',
    typeName: 'position',
    jsonSchema: () => ({
      oneOf: [
        { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
        { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } }, required: ['x', 'y'], additionalProperties: false },
      ],
    }),
  },
  (node, ctx, fallback) => {
    const range = nodeRange(node, fallback);
    const numbers: unknown[] = [];
    if (node && isSeq(node)) {
      for (const item of node.items as Node[]) numbers.push(isScalar(item) ? item.value : undefined);
    } else if (node && isMap(node)) {
      const pairs = node.items as Pair<Node, Node>[];
      const get = (key: string) => pairs.find((p) => isScalar(p.key) && p.key.value === key)?.value;
      const x = get('x');
      const y = get('y');
      numbers.push(x && isScalar(x) ? x.value : undefined, y && isScalar(y) ? y.value : undefined);
      if (pairs.length !== 2) numbers.push(undefined);
    }
    const [x, y] = numbers;
    if (numbers.length !== 2 || typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      ctx.report('invalid-value', VALUE_MESSAGES.expectedPosition({}), range);
      return undefined;
    }
    const bound = FORMAT_BOUNDS.coordinate;
    if (Math.abs(x) > bound || Math.abs(y) > bound) {
      ctx.report('invalid-value', VALUE_MESSAGES.positionOutOfRange({ x: String(x), y: String(y), bound: String(bound) }), range);
      return undefined;
    }
    return { x, y };
  },
);

export const vtopoFile = object(
  {
    vtopo: integer({ description: 'Format version of this file. Version 1 is the only one.', min: 1, max: 1000 }),
    name: text({ description: 'Name of the design.' }),
    description: text({ description: 'What the design is.' }),
    platform: oneOf(PLATFORMS, { description: 'Hypervisor platform: vSphere (ESXi), Hyper-V, XenServer / XCP-ng, Proxmox VE.', default: 'vsphere' }),
    platformVersion: text({ description: 'Platform version, e.g. "8.0" or "2022"; selects cluster limits.' }),
    edition: text({ description: 'Default hypervisor edition for hosts that do not say.' }),
    management: management,
    inventory: object(
      {
        tool: text({ description: 'The tool that wrote the inventory, e.g. "RVTools 4.6.1".' }),
        file: text({ description: 'The file the design was imported from.' }),
        exported: date({ description: 'The day the inventory was exported.' }),
        cabling: oneOf(['known', 'unknown'] as const, {
          description: 'Whether the links section draws every cable. Inventories do not say which switch a port is cabled to: with `unknown`, ports without a cable are not reported as single points of failure, and cabling-unknown says once what was not checked.',
          default: 'known',
        }),
      },
      { description: 'Where an imported design came from, and what its source could not say (docs/import.md).' },
    ),
    sites: collection('site', site, { description: 'Sites, by id: failure domains that hold racks and devices.', default: [] }),
    racks: collection('rack', rack, { description: 'Racks, by id.', default: [] }),
    chassis: collection('chassis', chassis, { description: 'Blade chassis and enclosures, by id.', default: [] }),
    powerFeeds: collection('powerFeed', powerFeed, { description: 'Power feeds (PDUs, UPSs, utility feeds), by id.', default: [] }),
    siteLinks: collection('siteLink', siteLink, { description: 'Links between sites, by id: round-trip time and bandwidth.', default: [] }),
    clusters: collection('cluster', cluster, { description: 'Clusters, by id.', default: [] }),
    hostProfiles: collection('hostProfile', hostProfile, { description: 'Host profiles, by id: hardware that hosts share, said once.', default: [] }),
    hosts: collection('host', host, { description: 'Hypervisor hosts, by id.', default: [] }),
    switches: collection('switch', networkSwitch, { description: 'FC and Ethernet switches, by id.', default: [] }),
    distributedSwitches: collection('virtualSwitch', distributedSwitch, { description: 'vSphere distributed switches, by id.', default: [] }),
    arrays: collection('array', storageArray, { description: 'Storage arrays, by id.', default: [] }),
    datastores: collection('datastore', datastore, { description: 'Datastores, LUNs and volumes, by id.', default: [] }),
    links: list(link, { description: 'Cables between ports and switches.', default: [] }),
    vms: collection('vm', vm, { description: 'Virtual machines, by id.', default: [] }),
    guestClusters: collection('guestCluster', guestCluster, { description: 'Guest clusters (failover or NLB), by id.', default: [] }),
    rules: collection('rule', rule, { description: 'Affinity, anti-affinity, VM-host and restart-dependency rules, by id.', default: [] }),
    costs: costs,
    analysis: object(
      {
        rules: record(ruleSetting, { keyName: 'rule id', description: 'Per rule: a severity, `off`, or `{ severity, <threshold>: number }`.' }),
        asOf: date({ description: 'The day the design is judged on (for age-based rules such as sprawl); defaults to today. Set it to make reviews reproducible.' }),
      },
      { description: 'Analyzer settings for this file.' },
    ),
    layout: record(position, { keyName: 'element id', description: 'Canvas positions, written by the designer. Kept last in the file.' }),
  },
  { description: 'A VTopo design: a highly available virtualization cluster.', required: true },
);

export type FileValue = ValueOf<typeof vtopoFile>;
export type ClusterValue = ValueOf<typeof cluster> & Identified;
export type HostValue = ValueOf<typeof host> & Identified;
export type HostProfileValue = ValueOf<typeof hostProfile> & Identified;
export type AdapterValue = ValueOf<typeof adapter> & Identified;
export type PortValue = ValueOf<typeof port> & Identified;
export type VmkernelPortValue = ValueOf<typeof vmkernelPort> & Identified;
export type VirtualSwitchValue = ValueOf<typeof virtualSwitch> & Identified;
export type PortGroupValue = ValueOf<typeof portGroup> & Identified;
export type DistributedSwitchValue = ValueOf<typeof distributedSwitch> & Identified;
export type DistributedPortGroupValue = ValueOf<typeof distributedPortGroup> & Identified;
export type SwitchValue = ValueOf<typeof networkSwitch> & Identified;
export type ArrayValue = ValueOf<typeof storageArray> & Identified;
export type ControllerValue = ValueOf<typeof controller> & Identified;
export type ArrayPortValue = ValueOf<typeof arrayPort> & Identified;
export type DatastoreValue = ValueOf<typeof datastore> & Identified;
export type VmValue = ValueOf<typeof vm> & Identified;
export type GuestClusterValue = ValueOf<typeof guestCluster> & Identified;
export type RuleValue = ValueOf<typeof rule> & Identified;
export type HaValue = ValueOf<typeof ha>;
export type SiteValue = ValueOf<typeof site> & Identified;
export type RackValue = ValueOf<typeof rack> & Identified;
export type ChassisValue = ValueOf<typeof chassis> & Identified;
export type PowerFeedValue = ValueOf<typeof powerFeed> & Identified;
export type SiteLinkValue = ValueOf<typeof siteLink> & Identified;
export type MirrorValue = ValueOf<typeof mirror>;
