import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { arrayPortEstimate, cablingOf } from './cabling';

const MESSAGES = defineMessages('array-throughput-minimum', {
  stated: 'Array "{array}" delivers {throughput} MB/s, below the {minimum} MB/s the array vendor white paper (docs/design/sources.md#seed-000) asks of a SAN for HA virtualization.',
  estimatedCabled: 'Array "{array}" states no throughput; its {count} cabled host port(s) carry at most about {throughput} MB/s (estimate: one tenth of the bit rate), below the {minimum} MB/s the array vendor white paper (docs/design/sources.md#seed-000) asks of a SAN.',
  estimated: 'Array "{array}" states no throughput; its {count} host port(s) carry at most about {throughput} MB/s (estimate: one tenth of the bit rate), below the {minimum} MB/s the array vendor white paper (docs/design/sources.md#seed-000) asks of a SAN.',
});

/** The array vendor white paper (docs/design/sources.md#seed-000): the SAN must deliver at least 200 MB/s. */
export const arrayThroughputMinimum: AnalysisRule = {
  meta: {
    id: 'array-throughput-minimum',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Storage array below the minimum throughput',
      description:
        'The array vendor white paper\'s checklist (docs/design/sources.md#seed-000-checklist) asks that the SAN deliver at least 200 MB/s for a virtualized cluster: every VM\'s disk I/O, boot storms after an HA failover and backups all go through it. The rule compares the array\'s stated `throughput` with `minThroughputMBps`. When the array states none, it estimates what its host ports can carry, at one tenth of their bit rate (8 Gb FC carries 800 MB/s, 1 GbE about 100 MB/s of iSCSI after protocol overhead), counting the cabled ports at their cable speed, or every port when none is cabled; that estimate is an upper bound, as the controllers may deliver less, so the finding says it is an estimate. State the array\'s measured or rated throughput, add host ports, or choose a faster array.',
      sources: ['docs/design/sources.md#seed-000-checklist — the SAN delivers at least 200 MB/s'],
    },
    options: {
      minThroughputMBps: { description: 'Throughput the array must deliver, in MB/s (docs/design/sources.md#seed-000: 200).', default: 200, min: 0, max: 1_000_000 },
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'links'],
  *check({ topology, option }) {
    const minimum = option('minThroughputMBps');
    const cabling = cablingOf(topology);
    for (const array of topology.arrays) {
      if (array.throughputMBps !== undefined) {
        if (array.throughputMBps >= minimum) continue;
        yield {
          message: MESSAGES.stated({ array: array.id, throughput: array.throughputMBps, minimum }),
          range: array.source.fields.throughputMBps?.value ?? array.idRange,
          elementIds: [array.id],
        };
        continue;
      }
      const estimate = arrayPortEstimate(cabling, array);
      if (!estimate || estimate.throughputMBps >= minimum) continue;
      yield {
        message: (estimate.cabled ? MESSAGES.estimatedCabled : MESSAGES.estimated)({ array: array.id, count: estimate.portCount, throughput: Math.round(estimate.throughputMBps), minimum }),
        range: array.idRange,
        elementIds: [array.id],
      };
    }
  },
};
