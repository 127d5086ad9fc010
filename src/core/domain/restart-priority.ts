/** A VM's HA restart priority as the rules, the simulator and the views read it. */

import { RESTART_PRIORITIES, type RestartPriority } from '../model/format';
import type { Cluster, Vm } from '../model/topology';

/** The VM's own priority, else its cluster's default (vSphere: medium). */
export function effectiveRestartPriority(vm: Vm, cluster: Cluster | undefined): RestartPriority {
  return vm.restartPriority ?? cluster?.ha?.defaultRestartPriority ?? 'medium';
}

/** Position in vSphere's order, disabled (0) to highest (5). */
export function priorityRank(priority: RestartPriority): number {
  return RESTART_PRIORITIES.indexOf(priority);
}
