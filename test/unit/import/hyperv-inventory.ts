/**
 * A hand-made Hyper-V inventory (no customer data), as scripts/inventory/hyperv-inventory.ps1
 * writes it with ConvertTo-Json: failover cluster HVC01 with three Windows Server 2022 nodes
 * (HV-03 Down), a Switch Embedded Teaming switch over two dual-port cards on each node, two
 * cluster networks on host vNICs (Management: cluster and client; Cluster: cluster only,
 * the only one live migration may use), a disk witness, two CSVs, six clustered VMs with
 * priorities 3000, 2000, 1000 and 0, two domain controllers in one anti-affinity class that
 * prefer HV-01 and HV-02, and one VM that is not clustered, on HV-03's local D: drive.
 * Tests edit a copy.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

const GB = 1024 ** 3;
const NET_MANAGEMENT = '7c3a1f0e-1b2c-4d5e-8f90-0a1b2c3d4e01';
const NET_CLUSTER = '7c3a1f0e-1b2c-4d5e-8f90-0a1b2c3d4e02';

function node(name: string, state: string): JsonMap {
  return {
    Name: name,
    State: state,
    NodeWeight: 1,
    DynamicWeight: state === 'Up' ? 1 : 0,
    DrainStatus: 'NotInitiated',
    Manufacturer: 'Dell Inc.',
    Model: 'PowerEdge R750',
    OperatingSystem: { Caption: 'Microsoft Windows Server 2022 Datacenter', Version: '10.0.20348', BuildNumber: '20348' },
    ComputerSystem: { Manufacturer: 'Dell Inc.', Model: 'PowerEdge R750', TotalPhysicalMemory: 549_419_761_664, NumberOfProcessors: 2 },
    PhysicalMemoryCapacity: 512 * GB,
    Processors: [
      { Name: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', Manufacturer: 'GenuineIntel', NumberOfCores: 32, NumberOfLogicalProcessors: 64, MaxClockSpeed: 2000, SocketDesignation: 'CPU1' },
      { Name: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', Manufacturer: 'GenuineIntel', NumberOfCores: 32, NumberOfLogicalProcessors: 64, MaxClockSpeed: 2000, SocketDesignation: 'CPU2' },
    ],
  };
}

/** Two dual-port cards (E810 on bus 49, ConnectX-5 on bus 75), and the host vNICs' adapters. */
function netAdapters(nodeName: string, n: number): JsonMap[] {
  const mac = (last: number) => `B4-96-91-0${n}-00-${last.toString(16).padStart(2, '0').toUpperCase()}`;
  const physical = (name: string, description: string, bus: number, fn: number, last: number, up = true): JsonMap => ({
    Node: nodeName,
    Name: name,
    InterfaceDescription: description,
    MacAddress: mac(last),
    Status: up ? 'Up' : 'Disconnected',
    LinkSpeed: up ? '25 Gbps' : '0 bps',
    Speed: up ? 25_000_000_000 : 0,
    Physical: true,
    Segment: 0,
    Bus: bus,
    Device: 0,
    Function: fn,
    Slot: bus === 75 ? 3 : null,
  });
  return [
    physical('NIC1', 'Intel(R) Ethernet Controller E810-XXV for SFP', 49, 0, 1),
    physical('NIC2', 'Intel(R) Ethernet Controller E810-XXV for SFP #2', 49, 1, 2),
    physical('SLOT 3 Port 1', 'Mellanox ConnectX-5 Adapter', 75, 0, 3),
    physical('SLOT 3 Port 2', 'Mellanox ConnectX-5 Adapter #2', 75, 1, 4, false),
    { Node: nodeName, Name: 'vEthernet (Management)', InterfaceDescription: 'Hyper-V Virtual Ethernet Adapter', MacAddress: `00-15-5D-0A-0${n}-01`, Status: 'Up', LinkSpeed: '50 Gbps', Speed: 50_000_000_000, Physical: false, Segment: null, Bus: null, Device: null, Function: null, Slot: null },
    { Node: nodeName, Name: 'vEthernet (Cluster)', InterfaceDescription: 'Hyper-V Virtual Ethernet Adapter #2', MacAddress: `00-15-5D-0A-0${n}-02`, Status: 'Up', LinkSpeed: '50 Gbps', Speed: 50_000_000_000, Physical: false, Segment: null, Bus: null, Device: null, Function: null, Slot: null },
  ];
}

function hostSide(nodeName: string, n: number): { switch: JsonMap; vnics: JsonMap[]; interfaces: JsonMap[] } {
  return {
    switch: {
      Node: nodeName,
      Name: 'SETswitch',
      Id: `5a1c0000-0000-4000-8000-00000000000${n}`,
      SwitchType: 'External',
      EmbeddedTeamingEnabled: true,
      AllowManagementOS: true,
      NetAdapterInterfaceDescription: 'Teamed-Interface',
      NetAdapterInterfaceDescriptions: ['Intel(R) Ethernet Controller E810-XXV for SFP', 'Mellanox ConnectX-5 Adapter'],
      TeamMembers: ['Intel(R) Ethernet Controller E810-XXV for SFP', 'Mellanox ConnectX-5 Adapter'],
      TeamingMode: 'SwitchIndependent',
      LoadBalancingAlgorithm: 'HyperVPort',
    },
    vnics: [
      { Node: nodeName, Name: 'Management', SwitchName: 'SETswitch', MacAddress: `00155D0A0${n}01`, VlanMode: 'Access', AccessVlanId: 10 },
      { Node: nodeName, Name: 'Cluster', SwitchName: 'SETswitch', MacAddress: `00155D0A0${n}02`, VlanMode: 'Access', AccessVlanId: 11 },
    ],
    interfaces: [
      { Name: `${nodeName} - vEthernet (Management)`, Node: nodeName, Network: 'Management', Adapter: 'vEthernet (Management)', Address: `10.0.10.1${n}`, State: n === 3 ? 'Unavailable' : 'Up' },
      { Name: `${nodeName} - vEthernet (Cluster)`, Node: nodeName, Network: 'Cluster', Adapter: 'vEthernet (Cluster)', Address: `10.0.11.1${n}`, State: n === 3 ? 'Unavailable' : 'Up' },
    ],
  };
}

interface VmSpec {
  readonly node: string;
  readonly name: string;
  readonly id: string;
  readonly state: string;
  readonly cpus: number;
  readonly memoryGB: number;
  readonly folder: string;
  readonly disks: readonly string[];
  readonly clustered: boolean;
  readonly dynamic?: boolean;
}

function vm(spec: VmSpec): JsonMap {
  return {
    Node: spec.node,
    Name: spec.name,
    Id: spec.id,
    State: spec.state,
    ProcessorCount: spec.cpus,
    MemoryStartup: spec.memoryGB * GB,
    DynamicMemoryEnabled: spec.dynamic === true,
    MemoryMinimum: spec.dynamic === true ? 512 * 1024 * 1024 : spec.memoryGB * GB,
    MemoryMaximum: spec.dynamic === true ? 16 * GB : spec.memoryGB * GB,
    Path: spec.folder,
    ConfigurationLocation: spec.folder,
    IsClustered: spec.clustered,
    Generation: 2,
    HardDisks: spec.disks.map((path, index) => ({ Path: path, ControllerType: 'SCSI', ControllerNumber: 0, ControllerLocation: index, DiskNumber: null })),
    NetworkAdapters: [{ Name: 'Network Adapter', SwitchName: 'SETswitch' }],
  };
}

function group(name: string, owner: string, priority: number, vmId: string, extra: Partial<Record<'AntiAffinityClassNames' | 'PreferredOwners' | 'PossibleOwners', Json>> = {}, state = 'Online'): JsonMap {
  return {
    Name: name,
    GroupType: 'VirtualMachine',
    OwnerNode: owner,
    State: state,
    Priority: priority,
    AntiAffinityClassNames: [],
    PreferredOwners: [],
    PossibleOwners: [],
    VmId: vmId,
    ...extra,
  };
}

const CSV1 = 'C:\\ClusterStorage\\Volume1';
const CSV2 = 'C:\\ClusterStorage\\Volume2';

export function inventory(): JsonMap {
  const sides = [hostSide('HV-01', 1), hostSide('HV-02', 2), hostSide('HV-03', 3)];
  return {
    vtopoInventory: 'hyperv',
    version: 1,
    script: 'hyperv-inventory.ps1',
    exported: '2026-11-30T09:12:00Z',
    collectedOn: 'HV-01',
    cluster: {
      Name: 'HVC01',
      Domain: 'corp.example.test',
      SameSubnetDelay: 1000,
      SameSubnetThreshold: 10,
      CrossSubnetDelay: 1000,
      CrossSubnetThreshold: 20,
      ResiliencyDefaultPeriod: 240,
      ResiliencyLevel: 'IsolateOnSpecificConditions',
      QuarantineThreshold: 3,
      QuarantineDuration: 7200,
      ClusterEnforcedAntiAffinity: 0,
      ClusterFunctionalLevel: 11,
    },
    quorum: { QuorumType: 'Majority', QuorumResource: 'Cluster Disk 1', QuorumResourceType: 'Physical Disk' },
    nodes: [node('HV-01', 'Up'), node('HV-02', 'Up'), node('HV-03', 'Down')],
    netAdapters: [...netAdapters('HV-01', 1), ...netAdapters('HV-02', 2), ...netAdapters('HV-03', 3)],
    lbfoTeams: [],
    vmSwitches: sides.map((side) => side.switch),
    hostVnics: sides.flatMap((side) => side.vnics),
    volumes: [
      { Node: 'HV-03', DriveLetter: 'C', FileSystemLabel: '', FileSystem: 'NTFS', DriveType: 'Fixed', Size: 479 * GB, SizeRemaining: 300 * GB },
      { Node: 'HV-03', DriveLetter: 'D', FileSystemLabel: 'VMs', FileSystem: 'ReFS', DriveType: 'Fixed', Size: 960 * GB, SizeRemaining: 700 * GB },
    ],
    sharedVolumes: [
      { Name: 'Cluster Disk 2', OwnerNode: 'HV-01', State: 'Online', Path: CSV1, Paths: [CSV1], Size: 4096 * GB, FreeSpace: 2048 * GB },
      { Name: 'Cluster Disk 3', OwnerNode: 'HV-02', State: 'Online', Path: CSV2, Paths: [CSV2], Size: 2048 * GB, FreeSpace: 1024 * GB },
    ],
    networks: [
      { Name: 'Management', Id: NET_MANAGEMENT, Role: 3, Address: '10.0.10.0', AddressMask: '255.255.255.0', Metric: 70240, AutoMetric: true, State: 'Up' },
      { Name: 'Cluster', Id: NET_CLUSTER, Role: 1, Address: '10.0.11.0', AddressMask: '255.255.255.0', Metric: 30240, AutoMetric: true, State: 'Up' },
    ],
    networkInterfaces: sides.flatMap((side) => side.interfaces),
    liveMigration: { MigrationExcludeNetworks: NET_MANAGEMENT, MigrationNetworkOrder: NET_CLUSTER },
    groups: [
      group('DC01', 'HV-01', 3000, 'a0000000-0000-4000-8000-000000000001', { AntiAffinityClassNames: ['DomainControllers'], PreferredOwners: ['HV-01', 'HV-02'] }),
      group('DC02', 'HV-02', 3000, 'a0000000-0000-4000-8000-000000000002', { AntiAffinityClassNames: ['DomainControllers'], PreferredOwners: ['HV-02', 'HV-01'] }),
      group('SQL01', 'HV-01', 2000, 'a0000000-0000-4000-8000-000000000003'),
      group('File server FILE01', 'HV-01', 2000, 'a0000000-0000-4000-8000-000000000004'),
      group('APP01', 'HV-02', 1000, 'a0000000-0000-4000-8000-000000000005'),
      group('TEST01', 'HV-02', 0, 'a0000000-0000-4000-8000-000000000006', {}, 'Offline'),
    ],
    vms: [
      vm({ node: 'HV-01', name: 'DC01', id: 'A0000000-0000-4000-8000-000000000001', state: 'Running', cpus: 2, memoryGB: 4, folder: `${CSV1}\\DC01`, disks: [`${CSV1}\\DC01\\Virtual Hard Disks\\DC01.vhdx`], clustered: true }),
      vm({ node: 'HV-01', name: 'SQL01', id: 'A0000000-0000-4000-8000-000000000003', state: 'Running', cpus: 8, memoryGB: 64, folder: `${CSV1}\\SQL01`, disks: [`${CSV1}\\SQL01\\SQL01-os.vhdx`, `${CSV2}\\SQL01\\SQL01-data.vhdx`], clustered: true }),
      vm({ node: 'HV-01', name: 'FILE01', id: 'A0000000-0000-4000-8000-000000000004', state: 'Running', cpus: 4, memoryGB: 4, folder: `${CSV2}\\FILE01`, disks: [`${CSV2}\\FILE01\\FILE01.vhdx`], clustered: true, dynamic: true }),
      vm({ node: 'HV-02', name: 'DC02', id: 'A0000000-0000-4000-8000-000000000002', state: 'Running', cpus: 2, memoryGB: 4, folder: `${CSV2}\\DC02`, disks: [`${CSV2}\\DC02\\DC02.vhdx`], clustered: true }),
      vm({ node: 'HV-02', name: 'APP01', id: 'A0000000-0000-4000-8000-000000000005', state: 'Running', cpus: 4, memoryGB: 16, folder: `${CSV1}\\APP01`, disks: [`${CSV1}\\APP01\\APP01.vhdx`], clustered: true }),
      vm({ node: 'HV-02', name: 'TEST01', id: 'A0000000-0000-4000-8000-000000000006', state: 'Off', cpus: 2, memoryGB: 8, folder: `${CSV1}\\TEST01`, disks: [`${CSV1}\\TEST01\\TEST01.vhdx`], clustered: true }),
      vm({ node: 'HV-03', name: 'BUILD01', id: 'A0000000-0000-4000-8000-000000000007', state: 'Running', cpus: 8, memoryGB: 32, folder: 'D:\\Hyper-V\\BUILD01', disks: ['D:\\Hyper-V\\BUILD01\\BUILD01.vhdx'], clustered: false }),
    ],
    errors: [],
  };
}

/** The records of a top-level list, to edit. */
export function records(json: JsonMap, key: string): JsonMap[] {
  const list = json[key];
  if (!Array.isArray(list)) throw new Error(`no list ${key}`);
  return list as JsonMap[];
}

/** The one record of a list whose fields match. */
export function find(json: JsonMap, key: string, match: Record<string, Json>): JsonMap {
  const found = records(json, key).filter((record) => Object.entries(match).every(([field, value]) => record[field] === value));
  if (found.length !== 1) throw new Error(`${found.length} records of ${key} match ${JSON.stringify(match)}`);
  return found[0] as JsonMap;
}
