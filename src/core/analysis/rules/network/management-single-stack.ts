import type { RelatedLocation } from '../../../model/report';
import { lanNetworkOf, stackElementId } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { describeNetworks, firstHopSwitches, heartbeatUplinks, networkElementIds } from './heartbeat-uplinks';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('management-single-stack', {
  stack: 'stack "{stack}"',
  member: 'switch "{switch}", a member of stack "{stack}"',
  oneStack: 'Host "{host}": the uplinks of its {networks} reach switches {switches}, all members of stack "{stack}": a stack fails as one (a firmware upgrade reloads every member; a control-plane fault or a stack split reaches them all), cutting every uplink at once. Cable the network to two independent switches.',
});

/** Management uplinks on two switches that are one stack (or MLAG pair): one control plane. */
export const managementSingleStack: AnalysisRule = {
  meta: {
    id: 'management-single-stack',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Management uplinks on two switches of one stack',
      description:
        'Cabling a host\'s management (heartbeat) uplinks to two switches protects it from the failure of one switch, unless the two are members of one stack or MLAG pair (switch `stack:`). A stack is one logical switch with one control plane: a firmware upgrade reloads every member, a control-plane fault reaches them all, and a failed stacking link can split it. An MLAG pair keeps two control planes but shares its peer link, its synchronized configuration and its dual-active failure modes. Either way every host cabled only to that pair can lose its HA heartbeats at once, and the whole cluster then sees its hosts isolated or partitioned together, the one failure HA cannot repair. The rule reports hosts of clusters of two or more whose LAN the design models and whose cabled heartbeat uplinks reach two or more switches, all in one stack. Cable the management network to two independent switches (or two stacks), or plan stack upgrades as cluster-wide outages.',
      sources: [
        'docs/design/sources.md#vsphere-availability — Best Practices for Networking, Network Path Redundancy: two NICs on separate physical switches',
        'https://www.cisco.com/c/en/us/td/docs/switches/lan/catalyst3650/software/release/16-1/configuration_guide/b_161_consolidated_3650_cg/b_161_consolidated_3650_cg_chapter_01010001.html — Cisco Catalyst StackWise, "Managing Switch Stacks": the stack is one logical switch managed by its active member',
        'https://community.arubanetworks.com/community-home/digestviewer/viewthread?GroupId=25&MID=25306&CommunityKey=22dc38ea-a1e1-4059-b55e-a622fedecf32 — HPE Aruba, "Backplane Stacking and VSF Best Practices for ArubaOS-Switch": stack splits',
      ],
    },
  },
  reads: ['platform', 'inventory', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'links'],
  *check({ topology }) {
    const lan = lanNetworkOf(topology);
    for (const host of topology.hosts) {
      const heartbeat = heartbeatUplinks(topology, lan, host);
      if (!heartbeat) continue;
      const switches = firstHopSwitches(heartbeat.cabled);
      if (switches.length < 2) continue;
      const stacks = new Set(switches.map((id) => lan.stackOf.get(id)));
      const [stack] = stacks;
      if (stacks.size !== 1 || stack === undefined) continue;
      const stackRange = lan.elements.get(stackElementId(stack))?.range;
      const related: RelatedLocation[] = [
        ...(stackRange ? [{ message: MESSAGES.stack({ stack }), range: stackRange }] : []),
        ...switches.flatMap((id) => {
          const range = lan.elements.get(id)?.range;
          return range ? [{ message: MESSAGES.member({ switch: id, stack }), range }] : [];
        }),
      ];
      yield {
        message: MESSAGES.oneStack({ host: host.id, networks: describeNetworks(topology, heartbeat.networks), switches: switches.map((id) => quoteId(id)).join(listSeparator()), stack }),
        range: host.idRange,
        elementIds: [host.id, ...networkElementIds(heartbeat.networks), ...switches],
        related,
      };
    }
  },
};
