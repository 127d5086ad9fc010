import { defineMessages } from '../../../l10n/messages';
import type { QuickFix } from '../../../model/report';
import type { AnalysisRule } from '../../rule';
import { networkOf } from './common';
import { cablesBySwitchType, otherSideSwitches, singleSide, switchName } from './sides';
import { cableIndex } from '../../../model/cable-id';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('host-ports-same-switch', {
  fcPorts: 'All {count} FC ports of host "{host}" ({ports}) are cabled to {side}: one switch or fabric failure cuts every path of this host.',
  ipPorts: 'All {count} IP storage ports of host "{host}" ({ports}) are cabled to {side}: one switch or fabric failure cuts every path of this host.',
  cabledTo: '"{port}" is cabled to "{switch}"',
  recable: 'Recable "{port}" to {switch}',
});

/** Both (all) storage ports of a host on one switch or one fabric. */
export const hostPortsSameSwitch: AnalysisRule = {
  meta: {
    id: 'host-ports-same-switch',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'All storage ports of a host on one switch or fabric',
      description:
        'Two storage ports protect a host only if they lead to different switches in different fabrics: cabled to the same switch (or to switches of the same fabric), they fail together when that switch or fabric fails, is rebooted for a firmware update, or suffers a zoning error, and the host loses all paths at once. The array vendor white paper (docs/design/sources.md#seed-000) cables the first HBA of every host to fabric A and the second to fabric B; docs/design/algorithms.md#5-storage-path-redundancy asks for initiator ports cabled to different switches or fabrics. The rule looks at a host\'s FC ports and its iSCSI/NFS ports separately and fires when two or more of them all end on one switch, or all on switches of one named fabric. The quick fix moves the last such cable to a switch of the other fabric that the array is cabled to.',
      sources: ['docs/design/sources.md#seed-000 — each host: one HBA per fabric', 'docs/design/domain.md#rule-2-no-single-point-of-failure-on-the-storage-path', 'docs/design/algorithms.md#5-storage-path-redundancy'],
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'links'],
  *check(context) {
    const { topology } = context;
    const network = networkOf(context);
    for (const host of topology.hosts) {
      const ports = (network.hostPorts.get(host.id) ?? []).filter((p) => p.explicit);
      for (const [type, cables] of cablesBySwitchType(topology, network, ports)) {
        if (new Set(cables.map((c) => c.port.id)).size < 2) continue;
        const switches = cables.map((c) => c.networkSwitch);
        const side = singleSide(switches);
        if (!side) continue;
        const last = cables.reduce((a, b) => ((cableIndex(b.cableId) ?? 0) > (cableIndex(a.cableId) ?? 0) ? b : a));
        const link = topology.links[cableIndex(last.cableId) ?? -1];
        const fixes: QuickFix[] = [];
        const target = otherSideSwitches(topology, network, type, switches, side.fabric, 'arrayPorts')[0];
        if (link && target) {
          const switchEnd = link.from === last.port.id ? link.source.to : link.source.from;
          fixes.push({ title: MESSAGES.recable({ port: last.port.id, switch: switchName(target) }), edits: [{ range: switchEnd, newText: target.id }], preferred: true });
        }
        const portIds = [...new Set(cables.map((c) => c.port.id))];
        yield {
          message: (type === 'fc' ? MESSAGES.fcPorts : MESSAGES.ipPorts)({ count: portIds.length, host: host.id, ports: portIds.map((id) => quoteId(id)).join(listSeparator()), side: side.description }),
          range: host.idRange,
          elementIds: [host.id, ...portIds, ...new Set(switches.map((s) => s.id))],
          related: cables.flatMap((c) => {
            const cable = topology.links[cableIndex(c.cableId) ?? -1];
            return cable ? [{ message: MESSAGES.cabledTo({ port: c.port.id, switch: c.networkSwitch.id }), range: cable.source.range }] : [];
          }),
          fixes,
        };
      }
    }
  },
};
