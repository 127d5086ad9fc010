/**
 * What the placement rules share: a VM's cluster, the
 * failures a cluster must tolerate, exact ranges of references, and quick-fix edits.
 */

import { addToSection, setField } from '../../../edit/yaml-edits';
import type { TextEdit } from '../../../model/report';
import type { ObjectSource, Reference, ReferenceTarget } from '../../../model/schema';
import type { SourceRange } from '../../../model/source';
import type { Cluster, Host, Topology, Vm } from '../../../model/topology';
import type { RuleContext } from '../../rule';

/** `key: value` on an element: a replacement when the key is written, else an insertion. */
export function fieldEdit(context: RuleContext, source: ObjectSource<string>, key: string, value: string): TextEdit {
  return setField(context.text, source, key, value);
}

/** Adds `id` with the given fields to the `rules:` section, keyed or list-style as the file writes it. */
export function addRuleEdit(context: RuleContext, id: string, fields: readonly string[]): TextEdit | undefined {
  const { text } = context;
  const file = context.topology.file;
  if (!file) return undefined;
  const section = file.source.fields.rules?.value;
  const listStyle = section !== undefined && text.slice(section.start, section.end).trimStart().startsWith('-');
  const entry = listStyle
    ? [`- id: ${id}`, ...fields.map((line) => `  ${line}`)].join('\n')
    : [`${id}:`, ...fields.map((line) => `  ${line}`)].join('\n');
  return addToSection(text, file, 'rules', entry);
}

/** An id not yet declared in the file: `base`, else `base-2`, `base-3`, ... */
export function freshId(topology: Topology, base: string): string {
  if (!topology.declarations.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!topology.declarations.has(candidate)) return candidate;
  }
}

export function flowList(ids: readonly string[]): string {
  return `[${ids.join(', ')}]`;
}

export function clusterOfVm(topology: Topology, vm: Vm): Cluster | undefined {
  const host = topology.host(vm.host);
  return host ? topology.clusterOfHost(host) : undefined;
}

/** F: host failures the cluster is designed to tolerate (vSphere default 1). */
export function hostFailuresToTolerate(cluster: Cluster): number {
  return cluster.ha?.admissionControl?.hostFailuresToTolerate ?? 1;
}

/** Only connected hosts run or receive VMs (docs/design/algorithms.md#1-ha-admission-control: "good" hosts). */
export function isConnected(host: Host): boolean {
  return host.state === undefined || host.state === 'connected';
}

const referencesByElement = new WeakMap<Topology, Map<string, Reference[]>>();

/** References written inside one element, indexed once per topology. */
function referencesFrom(topology: Topology, fromId: string): readonly Reference[] {
  let index = referencesByElement.get(topology);
  if (!index) {
    index = new Map();
    for (const reference of topology.references) {
      if (reference.fromId === undefined) continue;
      const list = index.get(reference.fromId);
      if (list) list.push(reference);
      else index.set(reference.fromId, [reference]);
    }
    referencesByElement.set(topology, index);
  }
  return index.get(fromId) ?? [];
}

/** Where element `fromId` names `id` (optionally inside the value `within`, e.g. one list field). */
export function referenceRange(topology: Topology, fromId: string, target: ReferenceTarget, id: string, within?: SourceRange): SourceRange | undefined {
  return referencesFrom(topology, fromId).find(
    (r) => r.target === target && r.id === id && (!within || (r.range.start >= within.start && r.range.end <= within.end)),
  )?.range;
}

/**
 * Hosts of the VM's cluster it could move to: connected, not a dedicated failover host
 * (those run no VMs, docs/design/algorithms.md#13-dedicated-failover-hosts), and not one of `avoid`. At most `limit`.
 */
export function moveTargets(topology: Topology, vm: Vm, avoid: ReadonlySet<string>, limit = 3): Host[] {
  const cluster = clusterOfVm(topology, vm);
  if (!cluster) return [];
  const admission = cluster.ha?.admissionControl;
  const failoverHosts = new Set(admission?.policy === 'failover-hosts' ? (admission.failoverHosts ?? []) : []);
  const targets: Host[] = [];
  for (const host of topology.hostsInCluster(cluster.id)) {
    if (targets.length >= limit) break;
    if (host.id === vm.host || avoid.has(host.id) || failoverHosts.has(host.id) || !isConnected(host)) continue;
    targets.push(host);
  }
  return targets;
}
