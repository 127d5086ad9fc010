/** What the storage rules share: path analysis of every (host, datastore) pair, computed once per design, and message helpers. */

import { defineMessages } from '../../../l10n/messages';
import type { Topology } from '../../../model/topology';
import type { RuleContext } from '../../rule';
import { datastoreProtocols, redundantLegs, singlePointsOfFailure, storageNeeds, storageNetworkOf, type PathFailures, type StorageNeed, type StorageNetwork } from '../../storage-network';
import { listSeparator, listWithMore, quoteId } from '../../../l10n/format';

const LIST = defineMessages('storage.common', {
  lastOfList: '{first} and {last}',
});

export interface CheckedNeed extends StorageNeed {
  readonly failures: PathFailures;
}

const checked = new WeakMap<Topology, readonly CheckedNeed[]>();

/**
 * Every storage need of the design with its single points of failure. Datastores on the
 * same arrays (mirror legs) over the same protocols share one computation.
 */
export function checkedNeeds(topology: Topology): readonly CheckedNeed[] {
  const cached = checked.get(topology);
  if (cached) return cached;
  const network = storageNetworkOf(topology);
  const byHostAndArray = new Map<string, PathFailures>();
  const result = storageNeeds(topology).map((need) => {
    const key = `${need.host.id}\u0000${redundantLegs(need.datastore).join(',')}\u0000${datastoreProtocols(need.datastore).join(',')}`;
    let failures = byHostAndArray.get(key);
    if (!failures) byHostAndArray.set(key, (failures = singlePointsOfFailure(network, need.host, need.datastore)));
    return { ...need, failures };
  });
  checked.set(topology, result);
  return result;
}

export function networkOf(context: RuleContext): StorageNetwork {
  return storageNetworkOf(context.topology);
}

/** `"a", "b", "c" and 4 more`: names in quotes, at most `limit` of them. */
export function quotedList(ids: readonly string[], limit = 5): string {
  const shown = ids.slice(0, limit).map((id) => quoteId(id));
  if (ids.length > shown.length) return listWithMore(shown, limit, ids.length);
  if (shown.length <= 1) return shown.join('');
  return LIST.lastOfList({ first: shown.slice(0, -1).join(listSeparator()), last: shown.at(-1) ?? '' });
}

/** How many related locations a finding lists before it says "and N more" in its message. */
export const RELATED_LIMIT = 20;
