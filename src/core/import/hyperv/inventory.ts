/**
 * The JSON file scripts/inventory/hyperv-inventory.ps1 writes, read into plain records:
 * every value checked for its type (a wrong one is a warning and is left out), enums as
 * names whether ConvertTo-Json wrote names or numbers, lists whether it wrote a list or a
 * lone object. The shape is documented in docs/import.md ("Hyper-V").
 */

import type { SummaryBuilder } from '../summary';
import { isObject, isoDate, JsonRecord, recordsOf } from './json';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.hyperv.inventory', {
  unnamed: '{where}: {what} without {key}; left out',
  interfaceWithoutNetwork: '{where}: a cluster network interface without Network; left out',
  noNode: '{where}: no Node; left out',
});

/** What a record of the inventory is, in a warning about it. */
const WHAT = defineMessages('import.hyperv.inventory.records', {
  node: 'a node',
  networkAdapter: 'a network adapter',
  virtualSwitch: 'a virtual switch',
  hostVnic: 'a host vNIC',
  volume: 'a volume',
  clusterNetwork: 'a cluster network',
  clusterGroup: 'a cluster group',
  lbfoTeam: 'an LBFO team',
  sharedVolume: 'a Cluster Shared Volume',
  vm: 'a VM',
});

export const INVENTORY_MARKER = 'hyperv';
export const INVENTORY_VERSION = 1;

// Enum numbers of the cmdlets' .NET types, for a file written with numbers instead of names.
/** Microsoft.FailoverClusters.PowerShell.ClusterNodeState. */
const NODE_STATES: Record<number, string> = { [-1]: 'Unknown', 0: 'Up', 1: 'Down', 2: 'Paused', 3: 'Joining' };
/** ClusterNetworkRole (Get-ClusterNetwork Role). */
const NETWORK_ROLES: Record<number, string> = { 0: 'None', 1: 'ClusterOnly', 2: 'ClientOnly', 3: 'ClusterAndClient' };
/** ClusterResourceState (Get-ClusterSharedVolume State). */
const RESOURCE_STATES: Record<number, string> = { [-1]: 'Unknown', 0: 'Inherited', 1: 'Initializing', 2: 'Online', 3: 'Offline', 4: 'Failed', 128: 'Pending', 129: 'OnlinePending', 130: 'OfflinePending' };
/** ClusterGroupState (Get-ClusterGroup State). */
const GROUP_STATES: Record<number, string> = { [-1]: 'Unknown', 0: 'Online', 1: 'Offline', 2: 'Failed', 3: 'PartialOnline', 4: 'Pending' };
/** Microsoft.HyperV.PowerShell.VMSwitchType. */
const SWITCH_TYPES: Record<number, string> = { 0: 'Private', 1: 'Internal', 2: 'External' };
/** Microsoft.HyperV.PowerShell.VMState: the states a VM is found in. */
const VM_STATES: Record<number, string> = {
  1: 'Other',
  2: 'Running',
  3: 'Off',
  4: 'Stopping',
  6: 'Saved',
  9: 'Paused',
  10: 'Starting',
  11: 'Reset',
  32773: 'Saving',
  32776: 'Pausing',
  32777: 'Resuming',
  32779: 'FastSaved',
  32780: 'FastSaving',
  32783: 'Hibernated',
  32785: 'RunningCritical',
  32786: 'OffCritical',
  32787: 'StoppingCritical',
  32788: 'SavedCritical',
  32789: 'PausedCritical',
};
/** Microsoft.FailoverClusters.PowerShell.GroupType: VirtualMachine is 111. */
const GROUP_TYPES: Record<number, string> = { 111: 'VirtualMachine' };

export interface ClusterInfo {
  readonly name?: string;
  readonly sameSubnetDelayMs?: number;
  readonly sameSubnetThreshold?: number;
  readonly crossSubnetDelayMs?: number;
  readonly crossSubnetThreshold?: number;
  readonly resiliencyDefaultPeriod?: number;
  readonly quarantineThreshold?: number;
  readonly quarantineDuration?: number;
  readonly enforcedAntiAffinity?: number;
}

export interface QuorumInfo {
  readonly type?: string;
  readonly resource?: string;
  readonly resourceType?: string;
}

export interface ProcessorInfo {
  readonly name?: string;
  readonly manufacturer?: string;
  readonly cores?: number;
  readonly maxClockMHz?: number;
}

export interface NodeInfo {
  readonly where: string;
  readonly name: string;
  readonly state?: string;
  readonly nodeWeight?: number;
  readonly manufacturer?: string;
  readonly model?: string;
  readonly osCaption?: string;
  readonly osBuild?: string;
  readonly processors: readonly ProcessorInfo[];
  readonly sockets?: number;
  readonly totalPhysicalMemory?: number;
  readonly physicalMemoryCapacity?: number;
}

export interface NetAdapterInfo {
  readonly where: string;
  readonly node: string;
  readonly name: string;
  readonly description?: string;
  readonly mac?: string;
  readonly status?: string;
  readonly linkSpeed?: string;
  readonly speedBps?: number;
  readonly physical?: boolean;
  readonly segment?: number;
  readonly bus?: number;
  readonly device?: number;
  readonly function?: number;
}

export interface LbfoTeamInfo {
  readonly node: string;
  readonly name: string;
  readonly members: readonly string[];
  readonly standbyMembers: readonly string[];
  readonly teamNics: readonly string[];
}

export interface VmSwitchInfo {
  readonly where: string;
  readonly node: string;
  readonly name: string;
  readonly type?: string;
  readonly embeddedTeaming?: boolean;
  /** Interface descriptions of the physical adapters (or the LBFO team NIC) it is bound to. */
  readonly adapterDescriptions: readonly string[];
}

export interface HostVnicInfo {
  readonly node: string;
  readonly name: string;
  readonly switchName?: string;
  readonly mac?: string;
  readonly vlanMode?: string;
  readonly accessVlan?: number;
}

export interface VolumeInfo {
  readonly node: string;
  readonly driveLetter: string;
  readonly label?: string;
  readonly sizeBytes?: number;
}

export interface CsvInfo {
  readonly where: string;
  readonly name: string;
  readonly state?: string;
  readonly paths: readonly string[];
  readonly sizeBytes?: number;
}

export interface ClusterNetworkInfo {
  readonly name: string;
  readonly id?: string;
  readonly role?: string;
  readonly address?: string;
  readonly mask?: string;
}

export interface NetworkInterfaceInfo {
  readonly where: string;
  readonly node: string;
  readonly network: string;
  readonly adapter?: string;
}

export interface LiveMigrationInfo {
  /** Network ids excluded from live migration; undefined when the setting could not be read. */
  readonly excluded?: readonly string[];
}

export interface GroupInfo {
  readonly where: string;
  readonly name: string;
  readonly ownerNode?: string;
  readonly state?: string;
  readonly priority?: number;
  readonly antiAffinityClasses: readonly string[];
  readonly preferredOwners: readonly string[];
  readonly possibleOwners: readonly string[];
  readonly vmId?: string;
}

export interface VmInfo {
  readonly where: string;
  readonly node: string;
  readonly name: string;
  readonly id?: string;
  readonly state?: string;
  readonly processorCount?: number;
  readonly memoryStartupBytes?: number;
  readonly dynamicMemory?: boolean;
  readonly memoryMaximumBytes?: number;
  readonly configurationLocation?: string;
  readonly isClustered?: boolean;
  readonly diskPaths: readonly string[];
  readonly switchNames: readonly (string | undefined)[];
}

export interface HypervInventory {
  readonly version?: number;
  readonly exported?: string;
  readonly cluster: ClusterInfo;
  readonly quorum?: QuorumInfo;
  readonly nodes: readonly NodeInfo[];
  readonly netAdapters: readonly NetAdapterInfo[];
  readonly lbfoTeams: readonly LbfoTeamInfo[];
  readonly vmSwitches: readonly VmSwitchInfo[];
  readonly hostVnics: readonly HostVnicInfo[];
  readonly volumes: readonly VolumeInfo[];
  readonly sharedVolumes?: readonly CsvInfo[];
  readonly networks: readonly ClusterNetworkInfo[];
  readonly networkInterfaces: readonly NetworkInterfaceInfo[];
  readonly liveMigration: LiveMigrationInfo;
  /** Undefined when the file has no groups list, or null (not read): which VMs are clustered then comes from IsClustered. */
  readonly groups?: readonly GroupInfo[];
  readonly vms: readonly VmInfo[];
  readonly errors: readonly string[];
}

/** Whether a parsed JSON value is a Hyper-V inventory written by hyperv-inventory.ps1 (any version). */
export function hasInventoryMarker(json: unknown): boolean {
  if (!isObject(json)) return false;
  const marker = Object.prototype.hasOwnProperty.call(json, 'vtopoInventory') ? json.vtopoInventory : undefined;
  return typeof marker === 'string' && marker.trim().toLowerCase() === INVENTORY_MARKER;
}

export function readInventory(json: Readonly<Record<string, unknown>>, summary: SummaryBuilder): HypervInventory {
  const root = new JsonRecord('inventory', json, summary);
  const list = (key: string) => recordsOf(root.raw(key), key, summary);
  const named = (records: JsonRecord[], key: string, what: keyof typeof WHAT) =>
    records.flatMap((record) => {
      const name = record.text(key);
      if (name === undefined) summary.warn(MESSAGES.unnamed({ where: record.where, what: WHAT[what]({}), key }));
      return name === undefined ? [] : [{ record, name }];
    });
  const cluster = root.record('cluster');
  const quorum = root.record('quorum');
  const liveMigration = root.record('liveMigration');
  const excluded = liveMigration?.raw('MigrationExcludeNetworks');
  return {
    version: root.number('version'),
    exported: isoDate(root.text('exported')),
    cluster: {
      name: cluster?.text('Name'),
      sameSubnetDelayMs: cluster?.number('SameSubnetDelay'),
      sameSubnetThreshold: cluster?.number('SameSubnetThreshold'),
      crossSubnetDelayMs: cluster?.number('CrossSubnetDelay'),
      crossSubnetThreshold: cluster?.number('CrossSubnetThreshold'),
      resiliencyDefaultPeriod: cluster?.number('ResiliencyDefaultPeriod'),
      quarantineThreshold: cluster?.number('QuarantineThreshold'),
      quarantineDuration: cluster?.number('QuarantineDuration'),
      enforcedAntiAffinity: cluster?.number('ClusterEnforcedAntiAffinity'),
    },
    quorum: quorum && { type: quorum.text('QuorumType'), resource: quorum.text('QuorumResource'), resourceType: quorum.text('QuorumResourceType') },
    nodes: named(list('nodes'), 'Name', 'node').map(({ record, name }) => {
      const computer = record.record('ComputerSystem');
      const os = record.record('OperatingSystem');
      return {
        where: record.where,
        name,
        state: record.enumName('State', NODE_STATES),
        nodeWeight: record.number('NodeWeight'),
        manufacturer: computer?.text('Manufacturer') ?? record.text('Manufacturer'),
        model: computer?.text('Model') ?? record.text('Model'),
        osCaption: os?.text('Caption'),
        osBuild: os?.text('BuildNumber'),
        processors: record.records('Processors').map((cpu) => ({ name: cpu.text('Name'), manufacturer: cpu.text('Manufacturer'), cores: cpu.number('NumberOfCores'), maxClockMHz: cpu.number('MaxClockSpeed') })),
        sockets: computer?.number('NumberOfProcessors'),
        totalPhysicalMemory: computer?.number('TotalPhysicalMemory'),
        physicalMemoryCapacity: record.number('PhysicalMemoryCapacity'),
      };
    }),
    netAdapters: withNode(named(list('netAdapters'), 'Name', 'networkAdapter'), summary).map(({ record, name, node }) => ({
      where: record.where,
      node,
      name,
      description: record.text('InterfaceDescription'),
      mac: record.text('MacAddress'),
      status: record.text('Status'),
      linkSpeed: record.text('LinkSpeed'),
      speedBps: record.number('Speed'),
      physical: record.boolean('Physical'),
      segment: record.number('Segment'),
      bus: record.number('Bus'),
      device: record.number('Device'),
      function: record.number('Function'),
    })),
    lbfoTeams: withNode(named(list('lbfoTeams'), 'Name', 'lbfoTeam'), summary).map(({ record, name, node }) => ({
      node,
      name,
      members: record.texts('Members'),
      standbyMembers: record.texts('StandbyMembers'),
      teamNics: record.texts('TeamNics'),
    })),
    vmSwitches: withNode(named(list('vmSwitches'), 'Name', 'virtualSwitch'), summary).map(({ record, name, node }) => ({
      where: record.where,
      node,
      name,
      type: record.enumName('SwitchType', SWITCH_TYPES),
      embeddedTeaming: record.boolean('EmbeddedTeamingEnabled'),
      adapterDescriptions: switchAdapters(record),
    })),
    hostVnics: withNode(named(list('hostVnics'), 'Name', 'hostVnic'), summary).map(({ record, name, node }) => ({
      node,
      name,
      switchName: record.text('SwitchName'),
      mac: record.text('MacAddress'),
      vlanMode: record.text('VlanMode'),
      accessVlan: record.number('AccessVlanId'),
    })),
    volumes: withNode(named(list('volumes'), 'DriveLetter', 'volume'), summary).map(({ record, name, node }) => ({
      node,
      driveLetter: name.replace(/:$/, '').toUpperCase(),
      label: record.text('FileSystemLabel'),
      sizeBytes: record.number('Size'),
    })),
    sharedVolumes:
      root.raw('sharedVolumes') === undefined || root.raw('sharedVolumes') === null
        ? undefined
        : named(list('sharedVolumes'), 'Name', 'sharedVolume').map(({ record, name }) => ({
            where: record.where,
            name,
            state: record.enumName('State', RESOURCE_STATES),
            paths: [...new Set([...record.texts('Path'), ...record.texts('Paths')])],
            sizeBytes: record.number('Size'),
          })),
    networks: named(list('networks'), 'Name', 'clusterNetwork').map(({ record, name }) => ({
      name,
      id: record.text('Id')?.toLowerCase(),
      role: record.enumName('Role', NETWORK_ROLES),
      address: record.text('Address'),
      mask: record.text('AddressMask'),
    })),
    networkInterfaces: withNode(list('networkInterfaces').map((record) => ({ record, name: record.text('Network') ?? '' })), summary).flatMap(({ record, name, node }) => {
      if (name === '') {
        summary.warn(MESSAGES.interfaceWithoutNetwork({ where: record.where }));
        return [];
      }
      return [{ where: record.where, node, network: name, adapter: record.text('Adapter') }];
    }),
    liveMigration: {
      excluded:
        liveMigration === undefined || excluded === undefined || excluded === null
          ? undefined
          : liveMigration.texts('MigrationExcludeNetworks').flatMap((text) => text.split(/[;,]/)).map((id) => id.trim().toLowerCase()).filter((id) => id !== ''),
    },
    groups:
      root.raw('groups') === undefined || root.raw('groups') === null
        ? undefined
        : named(list('groups'), 'Name', 'clusterGroup').flatMap(({ record, name }) => {
            const type = record.enumName('GroupType', GROUP_TYPES);
            if (type !== undefined && type.toLowerCase() !== 'virtualmachine') return [];
            return [
              {
                where: record.where,
                name,
                ownerNode: record.text('OwnerNode'),
                state: record.enumName('State', GROUP_STATES),
                priority: record.number('Priority'),
                antiAffinityClasses: record.texts('AntiAffinityClassNames'),
                preferredOwners: record.texts('PreferredOwners'),
                possibleOwners: record.texts('PossibleOwners'),
                vmId: record.text('VmId')?.toLowerCase(),
              },
            ];
          }),
    vms: withNode(named(list('vms'), 'Name', 'vm'), summary).map(({ record, name, node }) => ({
      where: record.where,
      node,
      name,
      id: record.text('Id')?.toLowerCase(),
      state: record.enumName('State', VM_STATES),
      processorCount: record.number('ProcessorCount'),
      memoryStartupBytes: record.number('MemoryStartup'),
      dynamicMemory: record.boolean('DynamicMemoryEnabled'),
      memoryMaximumBytes: record.number('MemoryMaximum'),
      configurationLocation: record.text('ConfigurationLocation') ?? record.text('Path'),
      isClustered: record.boolean('IsClustered'),
      diskPaths: diskPaths(record),
      switchNames: record.records('NetworkAdapters').map((nic) => nic.text('SwitchName')),
    })),
    errors: root.texts('errors').sort(),
  };
}

/** A VM's virtual disk paths in controller order (IDE, then SCSI; by controller number and location), whatever the order of the list. */
function diskPaths(vm: JsonRecord): string[] {
  const order = (type: string | undefined) => (type === undefined ? 2 : /ide/i.test(type) ? 0 : /scsi/i.test(type) ? 1 : 2);
  return vm
    .records('HardDisks')
    .map((disk) => ({ path: disk.text('Path'), type: order(disk.text('ControllerType')), number: disk.number('ControllerNumber') ?? 0, location: disk.number('ControllerLocation') ?? 0 }))
    .filter((disk): disk is typeof disk & { path: string } => disk.path !== undefined)
    .sort((a, b) => a.type - b.type || a.number - b.number || a.location - b.location || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((disk) => disk.path);
}

/**
 * The adapters a switch is bound to: a SET switch's team members (NetAdapterInterfaceDescriptions,
 * or Get-VMSwitchTeam's), else the one adapter of NetAdapterInterfaceDescription, which for a
 * SET switch only says "Teamed-Interface".
 */
function switchAdapters(record: JsonRecord): string[] {
  const members = [...new Set([...record.texts('NetAdapterInterfaceDescriptions'), ...record.texts('TeamMembers')])];
  if (members.length > 0) return members;
  return record.texts('NetAdapterInterfaceDescription').filter((description) => description.toLowerCase() !== 'teamed-interface');
}

/** Records that name their node (Node); those that do not are warnings. */
function withNode<T extends { record: JsonRecord }>(items: readonly T[], summary: SummaryBuilder): Array<T & { node: string }> {
  return items.flatMap((item) => {
    const node = item.record.text('Node');
    if (node === undefined) {
      summary.warn(MESSAGES.noNode({ where: item.record.where }));
      return [];
    }
    return [{ ...item, node }];
  });
}
