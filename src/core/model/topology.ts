/**
 * The typed design the analyzer and simulator work on: the elements read from the file,
 * with lookups by id and the relations the file states only from one side (a host names
 * its cluster; the cluster's hosts are derived here).
 */

import type {
  AdapterValue,
  ArrayPortValue,
  ArrayValue,
  ChassisValue,
  ClusterValue,
  ControllerValue,
  DatastoreValue,
  DistributedSwitchValue,
  FileValue,
  GuestClusterValue,
  HostProfileValue,
  HostValue,
  LinkValue,
  Platform,
  PortValue,
  PowerFeedValue,
  RackValue,
  RuleValue,
  SiteLinkValue,
  SiteValue,
  SwitchValue,
  VmValue,
} from './format';
import type { Declaration, Reference } from './schema';

export type {
  AdapterValue as Adapter,
  ArrayPortValue as ArrayPort,
  ArrayValue as StorageArray,
  ChassisValue as Chassis,
  ClusterValue as Cluster,
  ControllerValue as Controller,
  DatastoreValue as Datastore,
  DistributedSwitchValue as DistributedSwitch,
  GuestClusterValue as GuestCluster,
  HostProfileValue as HostProfile,
  HostValue as Host,
  LinkValue as Link,
  PortValue as HostPort,
  PowerFeedValue as PowerFeed,
  RackValue as Rack,
  RuleValue as PlacementRule,
  SiteLinkValue as SiteLink,
  SiteValue as Site,
  SwitchValue as NetworkSwitch,
  VmValue as Vm,
};

export class Topology {
  readonly platform: Platform;
  readonly clusters: readonly ClusterValue[];
  /** Host profiles as written; hosts already carry what they take from theirs. */
  readonly hostProfiles: readonly HostProfileValue[];
  readonly hosts: readonly HostValue[];
  readonly switches: readonly SwitchValue[];
  readonly distributedSwitches: readonly DistributedSwitchValue[];
  readonly arrays: readonly ArrayValue[];
  readonly datastores: readonly DatastoreValue[];
  readonly links: readonly LinkValue[];
  readonly vms: readonly VmValue[];
  readonly guestClusters: readonly GuestClusterValue[];
  readonly rules: readonly RuleValue[];
  /** Failure domains (docs/format.md, "Failure domains"); see domain/failure-domains.ts for what each takes down. */
  readonly sites: readonly SiteValue[];
  readonly racks: readonly RackValue[];
  readonly chassis: readonly ChassisValue[];
  readonly powerFeeds: readonly PowerFeedValue[];
  readonly siteLinks: readonly SiteLinkValue[];

  private readonly clusterById = new Map<string, ClusterValue>();
  private readonly hostById = new Map<string, HostValue>();
  private readonly datastoreById = new Map<string, DatastoreValue>();
  private readonly arrayById = new Map<string, ArrayValue>();
  private readonly switchById = new Map<string, SwitchValue>();
  private readonly vmById = new Map<string, VmValue>();
  private readonly hostsByCluster = new Map<string, HostValue[]>();
  private readonly vmsByHost = new Map<string, VmValue[]>();

  constructor(
    /** What the file says, as read; undefined when the file could not be read at all. */
    readonly file: FileValue | undefined,
    /** Every id declared in the file, with its kind and source range. */
    readonly declarations: ReadonlyMap<string, Declaration>,
    /** Every reference to an id, with its range (resolved or not). */
    readonly references: readonly Reference[],
  ) {
    this.platform = file?.platform ?? 'vsphere';
    this.clusters = file?.clusters ?? [];
    this.hostProfiles = file?.hostProfiles ?? [];
    this.hosts = file?.hosts ?? [];
    this.switches = file?.switches ?? [];
    this.distributedSwitches = file?.distributedSwitches ?? [];
    this.arrays = file?.arrays ?? [];
    this.datastores = file?.datastores ?? [];
    this.links = file?.links ?? [];
    this.vms = file?.vms ?? [];
    this.guestClusters = file?.guestClusters ?? [];
    this.rules = file?.rules ?? [];
    this.sites = file?.sites ?? [];
    this.racks = file?.racks ?? [];
    this.chassis = file?.chassis ?? [];
    this.powerFeeds = file?.powerFeeds ?? [];
    this.siteLinks = file?.siteLinks ?? [];
    index(this.clusters, this.clusterById);
    index(this.hosts, this.hostById);
    index(this.datastores, this.datastoreById);
    index(this.arrays, this.arrayById);
    index(this.switches, this.switchById);
    index(this.vms, this.vmById);
    const onlyCluster = this.clusters.length === 1 ? this.clusters[0]?.id : undefined;
    for (const host of this.hosts) {
      const clusterId = host.cluster ?? onlyCluster;
      if (clusterId !== undefined) push(this.hostsByCluster, clusterId, host);
    }
    for (const vm of this.vms) push(this.vmsByHost, vm.host, vm);
  }

  cluster(id: string): ClusterValue | undefined {
    return this.clusterById.get(id);
  }

  host(id: string): HostValue | undefined {
    return this.hostById.get(id);
  }

  hostProfile(id: string): HostProfileValue | undefined {
    return this.hostProfiles.find((profile) => profile.id === id);
  }

  datastore(id: string): DatastoreValue | undefined {
    return this.datastoreById.get(id);
  }

  storageArray(id: string): ArrayValue | undefined {
    return this.arrayById.get(id);
  }

  networkSwitch(id: string): SwitchValue | undefined {
    return this.switchById.get(id);
  }

  vm(id: string): VmValue | undefined {
    return this.vmById.get(id);
  }

  /** The cluster a host belongs to; a file with one cluster puts every host in it. */
  clusterOfHost(host: HostValue): ClusterValue | undefined {
    const clusterId = host.cluster ?? (this.clusters.length === 1 ? this.clusters[0]?.id : undefined);
    return clusterId === undefined ? undefined : this.clusterById.get(clusterId);
  }

  hostsInCluster(clusterId: string): readonly HostValue[] {
    return this.hostsByCluster.get(clusterId) ?? [];
  }

  vmsOnHost(hostId: string): readonly VmValue[] {
    return this.vmsByHost.get(hostId) ?? [];
  }

  /** Local (DAS) storage: explicitly not shared, or not on an array at all. */
  isLocalDatastore(datastore: DatastoreValue): boolean {
    if (datastore.shared !== undefined) return !datastore.shared;
    return datastore.array === undefined;
  }
}

function index<T extends { readonly id: string }>(items: readonly T[], byId: Map<string, T>): void {
  for (const item of items) byId.set(item.id, item);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

