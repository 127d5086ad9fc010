/**
 * The restart-dependency graph: an edge from a VM to each VM it waits for, from enabled
 * `restart-dependency` rules, and the cycles in it (vSphere requires a DAG: docs/design/algorithms.md#2-ha-restart-after-a-host-failure).
 */

import type { PlacementRule, Topology } from '../model/topology';

export interface RestartDependency {
  /** The VM that waits. */
  readonly vm: string;
  /** The VM it waits for. */
  readonly dependsOn: string;
  readonly rule: PlacementRule;
}

const edgesByTopology = new WeakMap<Topology, readonly RestartDependency[]>();

/** Every (VM, dependency) pair between declared VMs, once each, in file order. */
export function restartDependencies(topology: Topology): readonly RestartDependency[] {
  const cached = edgesByTopology.get(topology);
  if (cached) return cached;
  const seen = new Set<string>();
  const edges: RestartDependency[] = [];
  for (const rule of topology.rules) {
    if (rule.type !== 'restart-dependency' || rule.enabled === false) continue;
    for (const vm of rule.vms) {
      if (!topology.vm(vm)) continue;
      for (const dependsOn of rule.dependsOn) {
        const key = `${vm}\n${dependsOn}`;
        if (seen.has(key) || !topology.vm(dependsOn)) continue;
        seen.add(key);
        edges.push({ vm, dependsOn, rule });
      }
    }
  }
  edgesByTopology.set(topology, edges);
  return edges;
}
