import type { RelatedLocation } from '../../../model/report';
import { lanModelled, lanNetworkOf, stackElementId } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { describeNetworks, firstHopSwitches, heartbeatUplinks, networkElementIds } from './heartbeat-uplinks';

/** Management uplinks on two switches that are one stack (or MLAG pair): one control plane. */
export const managementSingleStack: AnalysisRule = {
  meta: {
    id: 'management-single-stack',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Management uplinks on two switches of one stack',
      description:
        'Cabling a host\'s management (heartbeat) uplinks to two switches protects it from the failure of one switch, unless the two are members of one stack or MLAG pair (switch `stack:`): a stack is one control plane, so a stack-wide firmware upgrade, a control-plane crash or a stack split (a failed stacking or peer link) takes both members, and every host cabled only to that stack loses its HA heartbeats at once. The whole cluster then sees its hosts isolated or partitioned together, which is the failure HA cannot repair. The rule reports hosts whose LAN the design models and whose cabled heartbeat uplinks reach two or more switches, all in one stack. Cable the management network to two independent switches (or two stacks), or plan stack upgrades as cluster-wide outages.',
      sources: [
        'VMware vSphere Availability guide: Best Practices for Networking, Network Path Redundancy (two NICs on separate physical switches)',
        'Switch vendors\' stacking and MLAG documentation: a stack shares one control plane and is upgraded as one',
      ],
    },
  },
  *check({ topology }) {
    const lan = lanNetworkOf(topology);
    for (const host of topology.hosts) {
      if (!lanModelled(topology, lan, host.id)) continue;
      const heartbeat = heartbeatUplinks(topology, lan, host);
      if (!heartbeat) continue;
      const switches = firstHopSwitches(heartbeat.cabled);
      if (switches.length < 2) continue;
      const stacks = new Set(switches.map((id) => lan.stackOf.get(id)));
      const [stack] = stacks;
      if (stacks.size !== 1 || stack === undefined) continue;
      const stackRange = lan.elements.get(stackElementId(stack))?.range;
      const related: RelatedLocation[] = [
        ...(stackRange ? [{ message: `stack "${stack}"`, range: stackRange }] : []),
        ...switches.flatMap((id) => {
          const range = lan.elements.get(id)?.range;
          return range ? [{ message: `switch "${id}", a member of stack "${stack}"`, range }] : [];
        }),
      ];
      yield {
        message: `Host "${host.id}": the uplinks of its ${describeNetworks(topology, heartbeat.networks)} reach switches ${switches.map((id) => `"${id}"`).join(', ')}, all members of stack "${stack}": a stack is one control plane, so a firmware upgrade, a crash or a stack split cuts every uplink at once. Cable the network to two independent switches.`,
        range: host.idRange,
        elementIds: [host.id, ...networkElementIds(heartbeat.networks), ...switches],
        related,
      };
    }
  },
};
