import type { AnalysisRule } from '../../rule';
import type { RelatedLocation } from '../../../model/report';
import { adapterOfPath, parseStoragePath } from '../../../domain/storage-paths';
import { defineMessages } from '../../../l10n/messages';
import { grouped } from '../../../text/plural';
import { quotedList, RELATED_LIMIT } from '../storage/common';

const MESSAGES = defineMessages('lun-single-path', {
  oneHost: 'Datastore "{datastore}" has no redundant path from 1 host: "{host}" reaches it over {reason}. One failed path, adapter or target port takes the LUN away from that host and stops its VMs there.',
  manyHosts: 'Datastore "{datastore}" has no redundant path from {count} hosts: "{host}" reaches it over {reason}; {others} too. One failed path, adapter or target port takes the LUN away from them and stops its VMs there.',
  noWorkingPath: 'no working path',
  singlePath: 'a single path, {path}',
  oneAdapter: '{count} paths, all from adapter {adapter}',
  oneTarget: '{count} paths, all to target {target}',
  withDeadPaths: '{reason}, {dead}',
  oneDeadPath: '1 dead path',
  deadPaths: '{count} dead paths',
  hostReason: '"{host}": {reason}',
});

/** One host's paths to a LUN, and why they are not redundant. */
interface Shortfall {
  readonly hostId: string;
  readonly reason: string;
  readonly range: RelatedLocation['range'];
}

/**
 * The multipath evidence of an inventory: a host that reaches a shared LUN over fewer than
 * two working paths, or whose working paths all leave from one adapter or reach one target.
 */
export const lunSinglePath: AnalysisRule = {
  meta: {
    id: 'lun-single-path',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      title: 'A LUN reached over a single path, adapter or target',
      description:
        'Where the cabling is not drawn, the paths a host reports to each LUN are the evidence of storage redundancy: an inventory export (RVTools vMultiPath) lists them by name with their state. A host with one working path, or whose working paths all leave from one physical adapter (the functions of a dual-port card are one adapter) or all reach one array target port, loses the LUN with that path, card or port, and the VMs on it stop: the same single point of failure storage-path-spof finds in a drawn SAN. Dead, disabled or off paths (`deadPaths`) are listed but never count. The rule reads `paths` of shared datastores, maps vSphere runtime names (vmhba2:C0:T1:L5) to the host\'s adapters, and full Fibre Channel path names to adapters by initiator WWPN and to target ports by target WWPN; a runtime name\'s target number is local to its adapter and is not compared. One finding per datastore names the hosts that fall short. Zone and cable a second adapter to a second fabric, repair the dead paths, or present the LUN on a second target port.',
      sources: [
        'docs/design/sources.md#vsphere-storage — Understanding Multipathing and Failover: a host needs more than one path to a LUN',
        'https://developer.broadcom.com/xapis/vsphere-web-services-api/8.0u3/vim.host.MultipathStateInfo.Path.html — vSphere Web Services API, HostMultipathStateInfoPath: path names and states',
        'https://developer.broadcom.com/xapis/vsphere-web-services-api/8.0U1/vim.host.PlugStoreTopology.Path.html — vSphere Web Services API, HostPlugStoreTopologyPath: adapter, target and target numbers',
        'docs/design/domain.md#rule-2-no-single-point-of-failure-on-the-storage-path',
        'docs/import.md#storage-paths',
      ],
    },
  },
  reads: ['hosts', 'datastores'],
  *check({ topology }) {
    for (const datastore of topology.datastores) {
      if (datastore.paths === undefined || topology.isLocalDatastore(datastore)) continue;
      const shortfalls: Shortfall[] = [];
      for (const [hostId, entry] of datastore.paths) {
        const host = topology.host(hostId);
        if (!host) continue;
        const dead = datastore.deadPaths?.get(hostId)?.value.length ?? 0;
        const paths = entry.value.map(parseStoragePath);
        const adapters = new Set(paths.map((path) => adapterOfPath(host, path) ?? path.initiator ?? path.name));
        const targets = paths.every((path) => path.target !== undefined) ? new Set(paths.map((path) => path.target)) : undefined;
        let reason: string | undefined;
        if (paths.length === 0) reason = MESSAGES.noWorkingPath({});
        else if (paths.length === 1) reason = MESSAGES.singlePath({ path: paths[0]?.name ?? '' });
        else if (adapters.size === 1) reason = MESSAGES.oneAdapter({ count: paths.length, adapter: [...adapters][0] ?? '' });
        else if (targets?.size === 1) reason = MESSAGES.oneTarget({ count: paths.length, target: [...targets][0] ?? '' });
        if (reason !== undefined && dead > 0) reason = MESSAGES.withDeadPaths({ reason, dead: dead === 1 ? MESSAGES.oneDeadPath({}) : MESSAGES.deadPaths({ count: grouped(dead) }) });
        if (reason !== undefined) shortfalls.push({ hostId, reason, range: entry.keyRange });
      }
      if (shortfalls.length === 0) continue;
      const [first] = shortfalls;
      const firstShortfall = { datastore: datastore.id, host: first?.hostId ?? '', reason: first?.reason ?? '' };
      yield {
        message: shortfalls.length === 1
          ? MESSAGES.oneHost(firstShortfall)
          : MESSAGES.manyHosts({ ...firstShortfall, count: grouped(shortfalls.length), others: quotedList(shortfalls.slice(1).map((s) => s.hostId)) }),
        range: datastore.source.fields.paths?.key ?? datastore.idRange,
        elementIds: [datastore.id, ...shortfalls.map((s) => s.hostId)],
        related: shortfalls.slice(0, RELATED_LIMIT).map((s) => ({ message: MESSAGES.hostReason({ host: s.hostId, reason: s.reason }), range: s.range })),
      };
    }
  },
};
