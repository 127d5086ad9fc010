import type { SourceRange } from '../../../model/source';
import type { Host } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { LIVE_MIGRATION_NAMES } from './shared';

/** Seed 003: vMotion needs a dedicated network of at least 1 Gbps. */
const MINIMUM_MIGRATION_MBPS = 1000;

interface MigrationPort {
  /** Qualified port id: host/adapter/port. */
  readonly path: string;
  readonly speedMbps: number | undefined;
  readonly range: SourceRange;
}

/**
 * The physical ports that carry live migration on a host: ports with the vmotion role, and
 * the uplinks (active or standby) of VMkernel ports with that role. Undefined when the host
 * describes no Ethernet port (only FC HBAs, or nothing): its LAN is not modelled, so it is
 * not judged.
 */
function migrationPorts(host: Host): MigrationPort[] | undefined {
  const byPath = new Map<string, MigrationPort>();
  let lanModelled = host.vmkernelPorts.length > 0;
  const portsByPath = new Map<string, MigrationPort>();
  for (const adapter of host.adapters) {
    if (adapter.type === 'fc') continue;
    for (const port of adapter.ports) {
      lanModelled = true;
      const path = port.id;
      const entry = { path, speedMbps: port.speedMbps, range: port.idRange };
      portsByPath.set(path, entry);
      if (port.roles?.includes('vmotion')) byPath.set(path, entry);
    }
  }
  for (const vmk of host.vmkernelPorts) {
    if (!vmk.roles.includes('vmotion')) continue;
    for (const uplink of [...vmk.active, ...vmk.standby]) {
      const entry = portsByPath.get(uplink);
      if (entry) byPath.set(uplink, entry);
    }
  }
  return lanModelled ? [...byPath.values()] : undefined;
}

/** A multi-host cluster whose hosts lack a redundant live-migration network of at least 1 Gbps. */
export const migrationNetwork: AnalysisRule = {
  meta: {
    id: 'migration-network',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Live-migration network missing, single, or below 1 Gbps',
      description:
        'Live migration copies a running VM\'s memory to another host over the migration network, round after round, until the remaining dirty pages fit in a short pause (ALGORITHMS.md 4.1); seed 003 requires a dedicated network of at least 1 Gbps for vMotion, and seeds 001 and 004 describe the same pre-copy process for other hypervisors. A host without a migration port cannot be evacuated for maintenance; a slow link may never converge for busy VMs; a single port loses migration with one NIC or cable. Give every host at least two ports with the `vmotion` role (or a VMkernel port with the role and two uplinks), preferably on separate adapters, at 1 Gbps or more. When the network is described only by `migrationNetworkMbps` on the cluster, that figure is checked instead of ports. Hosts that describe no Ethernet port (only FC HBAs, or nothing) are not judged: their LAN is not modelled.',
      sources: ['seed 003 (vMotion: dedicated Gigabit Ethernet network)', 'seed 001 and seed 004 (live migration)', 'DOMAIN.md rule 10', 'ALGORITHMS.md 4.1'],
    },
  },
  *check({ topology }) {
    const name = LIVE_MIGRATION_NAMES[topology.platform];
    for (const cluster of topology.clusters) {
      const hosts = topology.hostsInCluster(cluster.id);
      if (hosts.length < 2) continue;
      const stated = cluster.migrationNetworkMbps;
      if (stated !== undefined && stated < MINIMUM_MIGRATION_MBPS) {
        yield {
          message: `Cluster "${cluster.id}" has a ${name} network of ${stated} Mbps; live migration needs at least 1 Gbps (seed 003).`,
          range: cluster.source.fields.migrationNetworkMbps?.value ?? cluster.idRange,
          elementIds: [cluster.id],
        };
      }
      for (const host of hosts) {
        const ports = migrationPorts(host);
        if (ports === undefined) continue;
        if (ports.length === 0) {
          if (stated !== undefined) continue;
          yield {
            message: `Host "${host.id}" in cluster "${cluster.id}" has no port for ${name} (role vmotion): its VMs cannot be live-migrated off it for maintenance.`,
            range: host.idRange,
            elementIds: [host.id, cluster.id],
          };
          continue;
        }
        if (ports.length === 1) {
          const only = ports[0];
          yield {
            message: `Host "${host.id}" has a single ${name} port ("${only?.path ?? ''}"): one NIC or cable failure stops live migration. Add a second port, on another adapter.`,
            range: only?.range ?? host.idRange,
            elementIds: [host.id, ...ports.map((port) => port.path)],
          };
        }
        if (stated !== undefined) continue;
        const speeds = ports.map((port) => port.speedMbps).filter((speed): speed is number => speed !== undefined);
        const fastest = Math.max(...speeds);
        if (speeds.length > 0 && fastest < MINIMUM_MIGRATION_MBPS) {
          yield {
            message: `Host "${host.id}" has ${name} ports of at most ${fastest} Mbps; live migration needs at least 1 Gbps (seed 003).`,
            range: ports[0]?.range ?? host.idRange,
            elementIds: [host.id, ...ports.map((port) => port.path)],
          };
        }
      }
    }
  },
};
