/** Small helpers the platform rules share: the release a limits row is for. */

import { defineMessages } from '../../../l10n/messages';
import { releaseName, type LimitsLookup } from '../../../model/limits';

const MESSAGES = defineMessages('platform.shared', {
  assumedRelease: '{release} ({assumption})',
});

/** "vSphere 8.x", followed by why that row was assumed when the release was not read from the file. */
export function releaseOf(lookup: LimitsLookup): string {
  const release = releaseName(lookup.limits);
  return lookup.assumption ? MESSAGES.assumedRelease({ release, assumption: lookup.assumption }) : release;
}
