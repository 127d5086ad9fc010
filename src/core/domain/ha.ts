/** Whether HA protects a cluster, the one definition the rules, capacity and simulator share. */

import type { Cluster } from '../model/topology';

/** HA is on unless the cluster says otherwise (the format's default). */
export function haEnabled(cluster: Cluster): boolean {
  return cluster.ha?.enabled !== false;
}
