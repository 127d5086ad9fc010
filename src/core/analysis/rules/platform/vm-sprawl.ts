import type { Report } from '../../../model/report';
import type { Topology, Vm } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { grouped } from '../../../text/plural';
import { defineMessages } from '../../../l10n/messages';

const MESSAGES = defineMessages('vm-sprawl', {
  vm: 'VM "{id}" {state}. It still holds storage, licences and backup: reclaim it or record why it stays.',
  vmPriced: 'VM "{id}" {state}; at {ratio} consolidation of a {hostCost} host it ties up about {cost}. It still holds storage, licences and backup: reclaim it or record why it stays.',
  // Two VMs or more.
  total: '{count} idle or powered-off VMs tie up about {total} ({each} each at {ratio} consolidation).',
  vmId: '"{id}"',
});

/** What a VM's state is, after `VM "id"`. A VM reported off with a date, or idle, was last active more than idleDays (at least 1) ago: at least 2 days. */
const STATES = defineMessages('vm-sprawl.states', {
  offNoDate: 'is powered off with no lastActive date',
  suspendedNoDate: 'is suspended with no lastActive date',
  offSince: 'is powered off and last active {days} days ago ({date})',
  suspendedSince: 'is suspended and last active {days} days ago ({date})',
  idle: 'has been idle for {days} days (last active {date}, threshold {threshold} days)',
  idleOneDayThreshold: 'has been idle for {days} days (last active {date}, threshold 1 day)',
});

/** The consolidation ratio measured on the design, and money. */
const COSTS = defineMessages('vm-sprawl.costs', {
  measuredRatio: '{ratio}:1 ({vms} on {hosts})',
  onePoweredOnVm: '1 powered-on VM',
  poweredOnVms: '{count} powered-on VMs',
  oneHost: '1 host',
  hosts: '{count} hosts',
  dollars: '${amount}',
  amount: '{amount} {currency}',
});

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD); undefined when either is not a date. */
function daysBetween(from: string, to: string): number | undefined {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.floor((end - start) / DAY_MS);
}

interface CostModel {
  readonly perVm: number;
  readonly currency: string;
  /** How the consolidation ratio was obtained, for messages: "15:1" or "13.3:1 (40 powered-on VMs on 3 hosts)". */
  readonly ratioText: string;
  readonly hostCost: number;
}

/** The VM sprawl and HA planning handbook's model (docs/design/sources.md#seed-002): a VM costs its share of a host, host cost / consolidation ratio. */
function costModel(topology: Topology): CostModel | undefined {
  const costs = topology.file?.costs;
  if (costs?.hostCost === undefined) return undefined;
  let ratio = costs.consolidationRatio;
  let ratioText = `${ratio ?? 0}:1`;
  if (ratio === undefined) {
    const hosts = topology.hosts.length;
    const poweredOn = topology.vms.filter((vm) => vm.power === 'on').length;
    if (hosts === 0) return undefined;
    ratio = poweredOn / hosts;
    ratioText = COSTS.measuredRatio({
      ratio: Math.round(ratio * 10) / 10,
      vms: poweredOn === 1 ? COSTS.onePoweredOnVm({}) : COSTS.poweredOnVms({ count: grouped(poweredOn) }),
      hosts: hosts === 1 ? COSTS.oneHost({}) : COSTS.hosts({ count: grouped(hosts) }),
    });
  }
  if (!(ratio > 0)) return undefined;
  return { perVm: costs.hostCost / ratio, currency: costs.currency, ratioText, hostCost: costs.hostCost };
}

function money(amount: number, currency: string): string {
  return currency.toUpperCase() === 'USD' ? COSTS.dollars({ amount: grouped(amount) }) : COSTS.amount({ amount: grouped(amount), currency });
}

interface SprawlVm {
  readonly vm: Vm;
  readonly report: Report;
}

/** The sprawl finding for one VM, or undefined when it is in use. */
function sprawlOf(vm: Vm, today: string, idleDays: number, cost: CostModel | undefined): SprawlVm | undefined {
  const age = vm.lastActive === undefined ? undefined : daysBetween(vm.lastActive, today);
  const idle = age !== undefined && age > idleDays;
  const off = vm.power !== 'on';
  // A VM stopped recently (within the threshold) is maintenance, not sprawl.
  if (!(idle || (off && age === undefined))) return undefined;
  const date = vm.lastActive ?? '';
  const days = grouped(age ?? 0);
  let state: string;
  if (off && age === undefined) state = vm.power === 'off' ? STATES.offNoDate({}) : STATES.suspendedNoDate({});
  else if (off) state = (vm.power === 'off' ? STATES.offSince : STATES.suspendedSince)({ days, date });
  else state = idleDays === 1 ? STATES.idleOneDayThreshold({ days, date }) : STATES.idle({ days, date, threshold: grouped(idleDays) });
  const range = (idle ? vm.source.fields.lastActive?.value : vm.source.fields.power?.value) ?? vm.idRange;
  return {
    vm,
    report: {
      message: cost
        ? MESSAGES.vmPriced({ id: vm.id, state, ratio: cost.ratioText, hostCost: money(cost.hostCost, cost.currency), cost: money(cost.perVm, cost.currency) })
        : MESSAGES.vm({ id: vm.id, state }),
      range,
      elementIds: [vm.id],
    },
  };
}

/** Powered-off VMs and VMs idle longer than a threshold, with what they cost (docs/design/sources.md#seed-002). */
export const vmSprawl: AnalysisRule = {
  meta: {
    id: 'vm-sprawl',
    defaultSeverity: 'info',
    fixable: false,
    docs: {
      title: 'Idle or powered-off VM (sprawl)',
      description:
        'The VM sprawl and HA planning handbook (docs/design/sources.md#seed-002) warns that VMs left idle or powered off still consume storage, licences, backup windows and administrator attention, and that their number grows unnoticed; it prices them with a simple model: a host\'s cost divided by the consolidation ratio (15:1 on a $30,000 host is $2,000 per VM). This rule flags every powered-off or suspended VM without a recent `lastActive` date, and every VM whose `lastActive` is more than `idleDays` before the day the design is judged on (`analysis.asOf`, else today). With `costs.hostCost` set, each finding gives the VM\'s share of a host (consolidation ratio from `costs.consolidationRatio`, else powered-on VMs per host of the design) and a summary on `costs` totals them. Reclaim the VM, or record why it stays.',
      sources: ['docs/design/sources.md#seed-002 — VM sprawl and its cost; 15:1 consolidation of a $30,000 host = $2,000 per VM', 'docs/design/domain.md#rule-13-vm-sprawl'],
    },
    options: {
      idleDays: { description: 'Days since lastActive after which a VM counts as idle.', default: 90, min: 1, max: 3650 },
    },
  },
  reads: ['hosts', 'vms', 'costs'],
  *check({ topology, option, today }) {
    const idleDays = option('idleDays');
    const cost = costModel(topology);
    const sprawl: SprawlVm[] = [];
    for (const vm of topology.vms) {
      const found = sprawlOf(vm, today, idleDays, cost);
      if (!found) continue;
      sprawl.push(found);
      yield found.report;
    }
    const costsKey = topology.file?.source.fields.costs?.key;
    if (!cost || !costsKey || sprawl.length < 2) return;
    yield {
      message: MESSAGES.total({ count: grouped(sprawl.length), total: money(cost.perVm * sprawl.length, cost.currency), each: money(cost.perVm, cost.currency), ratio: cost.ratioText }),
      range: costsKey,
      elementIds: sprawl.map((entry) => entry.vm.id),
      related: sprawl.map((entry) => ({ message: MESSAGES.vmId({ id: entry.vm.id }), range: entry.vm.idRange })),
    };
  },
};
