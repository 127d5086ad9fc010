import { addToSection } from '../../../edit/yaml-edits';
import { defineMessages } from '../../../l10n/messages';
import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { networkOf } from './common';
import { cablesBySwitchType, otherSideSwitches, SIDES, singleSide, switchName } from './sides';

const MESSAGES = defineMessages('controller-single-fabric', {
  singleFabric: 'Controller "{controller}" of array "{array}" is cabled only to {side}, while hosts also use {other}: {advice}.',
  cableFreePort: 'cable a free port such as "{port}" to "{switch}"',
  addPort: 'add a port to it and cable it to "{switch}"',
  noCable: 'switch "{switch}" has no cable from controller "{controller}"',
  cable: 'Cable "{port}" to {switch}',
});

/** An array controller cabled to one fabric only, while hosts sit on another one too. */
export const controllerSingleFabric: AnalysisRule = {
  meta: {
    id: 'controller-single-fabric',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'Array controller cabled to one fabric only',
      description:
        'Each controller of a dual-controller array should have target ports on both fabrics: if controller A is only on fabric A and controller B only on fabric B, a fabric failure together with a controller failover (or an ALUA path change during a controller update) leaves LUNs owned by the surviving controller reachable only through the failed fabric, and hosts lose their optimized paths after a single fabric event. docs/design/algorithms.md#5-storage-path-redundancy asks for two controllers, each with ports on both fabrics; the array vendor white paper\'s reference (docs/design/sources.md#seed-000) design cables a port of each controller to each FC switch. The rule fires when all the ports of a controller that are cabled to switches of one type end on one switch or one named fabric while another fabric (or switch) of that type carries hosts\' storage ports. The quick fix cables a free port of the controller to a switch of the other fabric.',
      sources: ['docs/design/sources.md#seed-000 — each controller cabled to both FC switches', 'docs/design/domain.md#rule-2-no-single-point-of-failure-on-the-storage-path', 'docs/design/algorithms.md#5-storage-path-redundancy'],
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'links'],
  *check(context) {
    const { topology } = context;
    const network = networkOf(context);
    const { text } = context;
    for (const array of topology.arrays) {
      const ports = network.arrayPorts.get(array.id) ?? [];
      for (const controller of array.controllers ?? []) {
        const own = ports.filter((p) => p.controllerId === controller.id);
        for (const [type, cables] of cablesBySwitchType(topology, network, own)) {
          const switches = cables.map((c) => c.networkSwitch);
          const side = singleSide(switches);
          if (!side) continue;
          const others = otherSideSwitches(topology, network, type, switches, side.fabric, 'hostPorts');
          const target = others[0];
          if (!target) continue;
          const protocols = new Set(cables.map((c) => c.port.protocol));
          const free = own.find((p) => p.attachments.length === 0 && protocols.has(p.protocol));
          const fixes: QuickFix[] = [];
          if (free && topology.file) {
            fixes.push({
              title: MESSAGES.cable({ port: free.id, switch: switchName(target) }),
              edits: [addToSection(text, topology.file, 'links', `- [${free.id}, ${target.id}]`)],
              preferred: true,
            });
          }
          const advice = free ? MESSAGES.cableFreePort({ port: free.id, switch: target.id }) : MESSAGES.addPort({ switch: target.id });
          yield {
            message: MESSAGES.singleFabric({
              controller: controller.id,
              array: array.id,
              side: side.description,
              other: target.fabric === undefined ? SIDES.switch({ switch: target.id }) : SIDES.fabric({ fabric: target.fabric }),
              advice,
            }),
            range: controller.idRange,
            elementIds: [controller.id, array.id, ...new Set(switches.map((s) => s.id))],
            related: [{ message: MESSAGES.noCable({ switch: target.id, controller: controller.id }), range: target.idRange }],
            fixes,
          };
        }
      }
    }
  },
};
