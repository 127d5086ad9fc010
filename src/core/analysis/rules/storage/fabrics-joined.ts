import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { networkOf } from './common';

const MESSAGES = defineMessages('fabrics-joined', {
  joined: 'Cable {cable} [{from}, {to}] joins switch "{first}" (fabric {firstFabric}) to switch "{second}" (fabric {secondFabric}): the two fabrics are no longer physically separate, so one fabric-wide failure can take down both.',
  inFabric: 'switch "{switch}" is in fabric {fabric}',
});

/** An inter-switch link between fabric A and fabric B makes them one fabric. */
export const fabricsJoined: AnalysisRule = {
  meta: {
    id: 'fabrics-joined',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'Inter-switch link joins two fabrics',
      description:
        'A redundant SAN is two physically separate fabrics (A and B): a fabric-wide event such as a zoning mistake, a broadcast storm, a name-server crash or a faulty firmware rollout then hits only one of them, and every host keeps its paths through the other. A cable between a switch of fabric A and a switch of fabric B merges them into one fabric (FC switches merge their zoning and name services; Ethernet switches share one broadcast domain), so that one such event takes down both sides at once. The array vendor white paper (docs/design/sources.md#seed-000) asks for two separate switches, and docs/design/algorithms.md#5-storage-path-redundancy for fabrics that no switch or inter-switch link joins. Remove the cable, or, if the two switches belong to the same fabric, correct their `fabric` values.',
      sources: ['docs/design/sources.md#seed-000 — two separate FC or GbE switches', 'docs/design/domain.md#rule-2-no-single-point-of-failure-on-the-storage-path', 'docs/design/algorithms.md#5-storage-path-redundancy'],
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'links'],
  *check(context) {
    const { topology } = context;
    for (const isl of networkOf(context).interSwitchLinks) {
      const [a, b] = isl.switchIds.map((id) => topology.networkSwitch(id));
      const link = topology.links[isl.linkIndex];
      if (!a || !b || !link || a.fabric === undefined || b.fabric === undefined || a.fabric === b.fabric) continue;
      yield {
        message: MESSAGES.joined({ cable: isl.id, from: link.from, to: link.to, first: a.id, firstFabric: a.fabric, second: b.id, secondFabric: b.fabric }),
        range: link.source.range,
        elementIds: [isl.id, a.id, b.id],
        related: [
          { message: MESSAGES.inFabric({ switch: a.id, fabric: a.fabric }), range: a.idRange },
          { message: MESSAGES.inFabric({ switch: b.id, fabric: b.fabric }), range: b.idRange },
        ],
      };
    }
  },
};
