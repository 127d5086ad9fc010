import { worstSingleHostFailure } from '../../../capacity/n1';
import { defineMessages } from '../../../l10n/messages';
import type { RelatedLocation } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { listNames } from './describe';

const MESSAGES = defineMessages('n1-capacity', {
  oneVm: 'If host "{host}" fails, 1 protected VM of cluster "{cluster}" {outcome}.',
  manyVms: 'If host "{host}" fails, {count} protected VMs of cluster "{cluster}" {outcome}.',
  noSurvivor: 'cannot restart: no other host of the cluster is connected ({reasons})',
  oneSurvivor: 'cannot restart on the 1 surviving host: {reasons}',
  survivors: 'cannot restart on the {count} surviving hosts: {reasons}',
  oneReservation: '{vms} (its reservation does not fit)',
  reservations: '{vms} (their reservations do not fit)',
  configuredSize: '{vms} (configured memory does not fit without overcommitting)',
  failedHost: 'host "{host}": the failure that hurts most',
  vmCannotRestart: 'VM "{vm}" cannot restart',
});

/** How many VMs a finding points at as related locations. */
const RELATED_VMS = 20;

/** After the single host failure that hurts most, some protected VMs stay down. */
export const n1Capacity: AnalysisRule = {
  meta: {
    id: 'n1-capacity',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Protected VMs cannot restart after a single host failure (N+1)',
      description:
        'Whatever the admission control policy says, a cluster is N+1 only if, after any one host fails, the surviving hosts can run every protected VM it ran (restart priority not disabled, powered on). The array vendor white paper (docs/design/sources.md#seed-000) and the HA strategies handbook (docs/design/sources.md#seed-001) ask that each host keep spare resources for the failure of at least one other; the VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) warns that without reserved capacity restarted VMs degrade or crash the receiving host. VTopo fails each connected host of an HA cluster in turn and packs its protected VMs onto the survivors by first-fit decreasing, twice: by reservations (CPU reservation or the cluster minimum, memory reservation plus overhead; what HA itself requires, so a VM that does not fit is left down) and by configured size (the same CPU, since a VM states no other CPU demand, and configured memory plus overhead; a VM that does not fit restarts only by overcommitting memory). An FT secondary (`protection: ft`, `secondaryHost`) runs in lockstep and uses the primary\'s CPU and memory, so it counts on its own host; when the primary\'s host fails and the secondary\'s survives, the secondary takes over on resources it already holds and the VM needs no restart (the simulator does the same, docs/simulation.md 2.6). The finding names the host whose loss hurts most and the VMs that cannot restart. Add a host or memory, move VMs to spread the load, or lower the priority of VMs that may stay down to disabled. First-fit decreasing is a heuristic: a VM it cannot place might fit with a cleverer arrangement, but a VM larger than every survivor\'s free space never does.',
      sources: [
        'docs/design/domain.md#rule-5-failover-capacity-n1', 'docs/design/sources.md#seed-000-checklist — the pool still runs every VM after one server fails', 'docs/design/sources.md#seed-001 — spare resources for one host failure', 'docs/design/sources.md#seed-002 — restarted VMs degrade or crash hosts without reserved capacity',
        'docs/design/algorithms.md#placement-filter',
        'docs/design/sources.md#vsphere-availability — "Providing Fault Tolerance for Virtual Machines": the Secondary VM runs on another host in lockstep',
      ],
    },
  },
  reads: ['clusters', 'hosts', 'vms'],
  *check({ topology }) {
    for (const verdict of worstSingleHostFailure(topology).clusters) {
      const worst = verdict.worst;
      if (worst.cannotRestart.length === 0) continue;
      const cluster = topology.cluster(verdict.clusterId);
      const failedHost = topology.host(worst.failedHostId);
      if (!cluster || !failedHost) continue;
      const reasons: string[] = [];
      if (worst.cannotRestartByReservation.length > 0) {
        const vms = listNames(worst.cannotRestartByReservation);
        reasons.push(worst.cannotRestartByReservation.length === 1 ? MESSAGES.oneReservation({ vms }) : MESSAGES.reservations({ vms }));
      }
      if (worst.cannotRestartByConfiguredSize.length > 0) {
        reasons.push(MESSAGES.configuredSize({ vms: listNames(worst.cannotRestartByConfiguredSize) }));
      }
      const survivors = worst.survivingHostCount;
      const outcome =
        survivors === 0
          ? MESSAGES.noSurvivor({ reasons: reasons.join('; ') })
          : survivors === 1 ? MESSAGES.oneSurvivor({ reasons: reasons.join('; ') }) : MESSAGES.survivors({ count: survivors, reasons: reasons.join('; ') });
      const related: RelatedLocation[] = [{ message: MESSAGES.failedHost({ host: failedHost.id }), range: failedHost.idRange }];
      for (const vmId of worst.cannotRestart.slice(0, RELATED_VMS)) {
        const vm = topology.vm(vmId);
        if (vm) related.push({ message: MESSAGES.vmCannotRestart({ vm: vm.id }), range: vm.idRange });
      }
      yield {
        message: worst.cannotRestart.length === 1
          ? MESSAGES.oneVm({ host: failedHost.id, cluster: cluster.id, outcome })
          : MESSAGES.manyVms({ host: failedHost.id, count: worst.cannotRestart.length, cluster: cluster.id, outcome }),
        range: cluster.idRange,
        elementIds: [cluster.id, failedHost.id, ...worst.cannotRestart],
        related,
      };
    }
  },
};
