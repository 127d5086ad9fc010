/** Small helpers the platform rules share: the release a limits row is for. */

import type { LimitsLookup } from '../../../model/limits';

/** "vSphere 8.x", followed by why that row was assumed when the release was not read from the file. */
export function releaseOf(lookup: LimitsLookup): string {
  return lookup.assumption ? `${lookup.limits.releases} (${lookup.assumption})` : lookup.limits.releases;
}

