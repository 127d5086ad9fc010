import { failureDomainsOf } from '../../../domain/failure-domains';
import type { AnalysisRule } from '../../rule';

/** Places that contradict each other: a device in one site whose rack is in another, a feed fed from itself. */
export const failureDomainConflict: AnalysisRule = {
  meta: {
    id: 'failure-domain-conflict',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Contradictory place or power chain',
      description:
        'A device can name its site, its rack and its chassis, and a rack names its site; when these disagree (a host in site B whose rack stands in site A, a blade in rack r01 whose chassis is in r02), the analyzer cannot tell which failures take the device down, and a site or rack failure would be judged on a guess. A power feed fed, through `fedFrom`, from itself describes no real power chain. This rule reports each contradiction; the rest of the design is analysed with the place the rack or chassis implies. Correct the field that is wrong, or drop the one that only repeats what the rack or chassis says.',
      sources: ['docs/format.md#failure-domains'],
    },
  },
  *check({ topology }) {
    for (const conflict of failureDomainsOf(topology).conflicts) {
      yield { message: `${conflict.message}.`, range: conflict.range, elementIds: [conflict.elementId] };
    }
  },
};
