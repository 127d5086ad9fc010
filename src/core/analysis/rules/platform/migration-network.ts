import type { SourceRange } from '../../../model/source';
import type { Host, Topology } from '../../../model/topology';
import { lanNetworkOf, networksWithRole, type HostNetwork, type LanNetwork, type Uplink } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { liveMigrationName } from '../../../domain/platform-names';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator } from '../../../l10n/format';

const MESSAGES = defineMessages('migration-network', {
  noPort: 'Host "{id}" in cluster "{cluster}" has no port for {migration} (role vmotion): its VMs cannot be live-migrated off it for maintenance.',
  singlePort: 'Host "{id}" has a single {migration} port ("{port}"): one NIC or cable failure stops live migration. Add a second port, on another adapter.',
  singleAdapter: 'Host "{id}" runs {migration} only over adapter "{adapter}" ({ports}): one card failure stops live migration. Add an uplink on another adapter.',
  singleSwitch: 'Every {migration} uplink of host "{id}" ({ports}) goes to switch "{switchId}": one switch failure stops live migration. Cable an uplink to another switch.',
  sharedWithIscsi: 'Uplink "{port}" of host "{id}" carries {migration} ({vmotion}) and iSCSI ({iscsi}): a migration saturates the link under every disk I/O. Give {migration} and iSCSI uplinks of their own.',
  iscsiUses: 'iSCSI network {network} uses {port}',
  slowPorts: 'Host "{id}" has {migration} ports of at most {speed} Mbps; live migration needs at least 1 Gbps (docs/design/sources.md#seed-003).',
  slowNetwork: 'Cluster "{id}" has a {migration} network of {speed} Mbps; live migration needs at least 1 Gbps (docs/design/sources.md#seed-003).',
});

/** How a host network is named in messages. */
const NETWORKS = defineMessages('migration-network.networks', {
  vmkernel: 'VMkernel port "{id}"',
  portGroup: 'port group "{name}"',
  ports: 'its ports with role {role}',
});

/** vSphere vCenter Server and Host Management, vMotion networking requirements: a dedicated network of at least 1 GbE. */
const MINIMUM_MIGRATION_MBPS = 1000;

interface MigrationPort {
  /** Qualified port id: host/adapter/port. */
  readonly path: string;
  readonly speedMbps: number | undefined;
  readonly range: SourceRange;
  /** The uplink as the LAN model sees it (card, cables to switches). */
  readonly uplink: Uplink;
}

/** Whether the host says anything about its LAN: VMkernel ports, virtual switches or Ethernet ports with roles. */
function describesLan(host: Host): boolean {
  return host.vmkernelPorts.length > 0 || (host.virtualSwitches?.length ?? 0) > 0 || host.adapters.some((adapter) => adapter.type !== 'fc' && adapter.ports.some((port) => (port.roles?.length ?? 0) > 0));
}

/**
 * The physical ports that carry live migration on a host: the uplinks (active or standby)
 * of its networks with the vmotion role (VMkernel ports, through their own teaming or their
 * port group's; port groups with the role; else ports with the role), read from the LAN
 * model. Undefined when the host describes no VMkernel port, virtual switch or Ethernet
 * port with a role (only FC HBAs, untagged Ethernet ports, or nothing): its LAN is not
 * modelled, so it is not judged.
 */
function migrationPorts(host: Host, networks: readonly HostNetwork[]): MigrationPort[] | undefined {
  if (!describesLan(host)) return undefined;
  const rangeOf = new Map(host.adapters.flatMap((adapter) => adapter.ports.map((port) => [port.id, port.idRange] as const)));
  const byPath = new Map<string, MigrationPort>();
  for (const network of networks) {
    for (const uplink of network.uplinks) {
      if (!byPath.has(uplink.portId)) byPath.set(uplink.portId, { path: uplink.portId, speedMbps: uplink.speedMbps, range: rangeOf.get(uplink.portId) ?? network.range, uplink });
    }
  }
  return [...byPath.values()];
}

/**
 * An iSCSI network sharing a physical port with a vMotion network, unless iscsi-shared-network
 * already reports that port: the same VMkernel port carrying both roles, a port whose own
 * roles are both, or two VMkernel ports listing the port in their own active / standby lists.
 */
function iscsiSharing(lan: LanNetwork, hostId: string, vmotion: readonly HostNetwork[]): { portId: string; vmotion: HostNetwork; iscsi: HostNetwork } | undefined {
  const explicit = (n: HostNetwork) => n.kind === 'vmkernel' && n.virtualSwitchId === undefined;
  for (const iscsi of networksWithRole(lan, hostId, ['iscsi'])) {
    for (const network of vmotion) {
      if (network === iscsi) continue;
      if ((network.kind === 'ports' && iscsi.kind === 'ports') || (explicit(network) && explicit(iscsi))) continue;
      const shared = network.uplinks.find((u) => iscsi.uplinks.some((i) => i.portId === u.portId));
      if (shared) return { portId: shared.portId, vmotion: network, iscsi };
    }
  }
  return undefined;
}

/** How a host network is named in messages. */
function describeNetwork(network: HostNetwork): string {
  switch (network.kind) {
    case 'vmkernel':
      return NETWORKS.vmkernel({ id: network.id });
    case 'port-group':
      return NETWORKS.portGroup({ name: network.name });
    default:
      return NETWORKS.ports({ role: network.name });
  }
}

/** Ethernet switches the uplinks are cabled to; undefined when some uplink is not cabled to any (then the design does not say). */
function firstHopSwitches(ports: readonly MigrationPort[]): Set<string> | undefined {
  if (ports.some((port) => port.uplink.attachments.length === 0)) return undefined;
  return new Set(ports.flatMap((port) => port.uplink.attachments.map((a) => a.switchId)));
}

function* hostFindings(topology: Topology, lan: LanNetwork, host: Host, clusterId: string, stated: number | undefined) {
  const name = liveMigrationName(topology.platform);
  const vmotion = networksWithRole(lan, host.id, ['vmotion']);
  const ports = migrationPorts(host, vmotion);
  if (ports === undefined) return;
  if (ports.length === 0) {
    if (stated !== undefined || vmotion.length > 0) return;
    yield {
      message: MESSAGES.noPort({ id: host.id, cluster: clusterId, migration: name }),
      range: host.idRange,
      elementIds: [host.id, clusterId],
    };
    return;
  }
  const portIds = ports.map((port) => port.path);
  if (ports.length === 1) {
    const only = ports[0];
    yield {
      message: MESSAGES.singlePort({ id: host.id, migration: name, port: only?.path ?? '' }),
      range: only?.range ?? host.idRange,
      elementIds: [host.id, ...portIds],
    };
  } else {
    const adapters = new Set(ports.map((port) => port.uplink.adapterId));
    const switches = firstHopSwitches(ports);
    if (adapters.size === 1) {
      const adapter = [...adapters][0] ?? '';
      yield {
        message: MESSAGES.singleAdapter({ id: host.id, migration: name, adapter, ports: portIds.join(listSeparator()) }),
        range: ports[0]?.uplink.adapter.idRange ?? host.idRange,
        elementIds: [host.id, adapter, ...portIds],
      };
    } else if (switches !== undefined && switches.size === 1) {
      const only = [...switches][0] ?? '';
      yield {
        message: MESSAGES.singleSwitch({ id: host.id, migration: name, ports: portIds.join(listSeparator()), switchId: only }),
        range: ports[0]?.range ?? host.idRange,
        elementIds: [host.id, only, ...portIds],
      };
    }
  }
  const shared = iscsiSharing(lan, host.id, vmotion);
  if (shared) {
    yield {
      message: MESSAGES.sharedWithIscsi({ id: host.id, port: shared.portId, migration: name, vmotion: describeNetwork(shared.vmotion), iscsi: describeNetwork(shared.iscsi) }),
      range: shared.vmotion.range,
      elementIds: [host.id, shared.portId, shared.vmotion.id, shared.iscsi.id],
      related: [{ message: MESSAGES.iscsiUses({ network: describeNetwork(shared.iscsi), port: shared.portId }), range: shared.iscsi.range }],
    };
  }
  if (stated !== undefined) return;
  const speeds = ports.map((port) => port.speedMbps).filter((speed): speed is number => speed !== undefined);
  const fastest = Math.max(...speeds);
  if (speeds.length > 0 && fastest < MINIMUM_MIGRATION_MBPS) {
    yield {
      message: MESSAGES.slowPorts({ id: host.id, migration: name, speed: fastest }),
      range: ports[0]?.range ?? host.idRange,
      elementIds: [host.id, ...portIds],
    };
  }
}

/** A multi-host cluster whose hosts lack a redundant, dedicated live-migration network of at least 1 Gbps. */
export const migrationNetwork: AnalysisRule = {
  meta: {
    id: 'migration-network',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Live-migration network missing, not redundant, shared with iSCSI, or below 1 Gbps',
      description:
        'Live migration copies a running VM\'s memory to another host over the migration network, round after round, until the remaining dirty pages fit in a short pause (docs/design/algorithms.md#41-pre-copy); the VMware Infrastructure 3 article (docs/design/sources.md#seed-003) requires a dedicated network of at least 1 Gbps for vMotion, and the HA strategies handbook and the live migration lecture slides (docs/design/sources.md#seed-001, docs/design/sources.md#seed-004) describe the same pre-copy process for other hypervisors. A host without a migration port cannot be evacuated for maintenance; a slow link may never converge for busy VMs; a migration network that rides on a single port, a single card or a single first-hop switch loses migration with that one element; and a migration network that shares a physical uplink with iSCSI saturates it under every disk I/O of the host. The rule reads the LAN model: the uplinks (active and standby) of the host\'s VMkernel ports and port groups with the `vmotion` role, else its ports with that role. Give every host at least two uplinks for it on separate adapters, cabled to separate switches, at 1 Gbps or more, apart from the iSCSI uplinks. When the network is described only by `migrationNetworkMbps` on the cluster, that figure is checked instead of port speeds. Hosts that describe no VMkernel port, virtual switch or Ethernet port with a role (only FC HBAs, Ethernet ports without roles, or nothing) are not judged: their LAN is not modelled.',
      sources: [
        'docs/design/sources.md#seed-003 — vMotion: dedicated Gigabit Ethernet network',
        'docs/design/sources.md#seed-001 — live migration', 'docs/design/sources.md#seed-004 — live migration',
        'docs/design/domain.md#rule-10-live-migration-compatibility',
        'docs/design/algorithms.md#41-pre-copy',
        'docs/design/sources.md#vsphere-migration-limits — vCenter Server and Host Management, vMotion networking requirements: dedicated network, at least 1 GbE',
        'docs/design/sources.md#vsphere-networking — NIC teaming and failover',
      ],
    },
  },
  reads: ['platform', 'inventory', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'links'],
  *check({ topology }) {
    const name = liveMigrationName(topology.platform);
    const lan = lanNetworkOf(topology);
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id);
      if (hosts.length < 2) continue;
      const stated = cluster.migrationNetworkMbps;
      if (stated !== undefined && stated < MINIMUM_MIGRATION_MBPS) {
        yield {
          message: MESSAGES.slowNetwork({ id: cluster.id, migration: name, speed: stated }),
          range: cluster.source.fields.migrationNetworkMbps?.value ?? cluster.idRange,
          elementIds: [cluster.id],
        };
      }
      for (const host of hosts) yield* hostFindings(topology, lan, host, cluster.id, stated);
    }
  },
};
