import { defineMessages } from '../../../l10n/messages';
import type { AnalysisRule } from '../../rule';
import { networkOf } from './common';

const MESSAGES = defineMessages('single-storage-adapter', {
  onePort: 'Host "{host}" has all its storage ports on adapter "{adapter}" (port "{port}"): a failure of that one card cuts every storage path of the host. Add a second adapter.',
  manyPorts: 'Host "{host}" has all its storage ports on adapter "{adapter}" ({count} ports): a failure of that one card cuts every storage path of the host. Add a second adapter.',
  carriesEvery: 'adapter "{adapter}" carries every storage port of "{host}"',
});

/** A host whose storage ports are all on one adapter: a dual-port card is still one card. */
export const singleStorageAdapter: AnalysisRule = {
  meta: {
    id: 'single-storage-adapter',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'All storage ports of a host on one adapter',
      description:
        'The ports of one adapter share its chip, firmware, driver, PCIe slot and power: a dual- or quad-port card fails, hangs or is replaced as one piece, so a host whose storage ports are all on one card loses every storage path with it, however well those ports are cabled. The array vendor white paper\'s checklist (docs/design/sources.md#seed-000) asks for two identical HBAs per host, and docs/design/algorithms.md#5-storage-path-redundancy for storage ports on at least two physical adapters, a dual-port card counting as one failure domain. The rule counts the ports of FC and iSCSI HBAs, CNAs, and NICs with a storage role (iscsi, nfs, storage). Add a second adapter and spread the storage ports over both.',
      sources: ['docs/design/sources.md#seed-000-checklist — two identical HBAs per host', 'docs/design/domain.md#rule-2-no-single-point-of-failure-on-the-storage-path', 'docs/design/domain.md#rule-3-two-identical-storage-adapters-per-host', 'docs/design/algorithms.md#5-storage-path-redundancy'],
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'links'],
  *check(context) {
    const { topology } = context;
    const network = networkOf(context);
    for (const host of topology.hosts) {
      const ports = (network.hostPorts.get(host.id) ?? []).filter((p) => p.explicit);
      const adapter = ports[0]?.adapter;
      if (!adapter || ports.some((p) => p.adapter !== adapter)) continue;
      yield {
        message: ports.length === 1
          ? MESSAGES.onePort({ host: host.id, adapter: adapter.id, port: ports[0]?.id ?? '' })
          : MESSAGES.manyPorts({ host: host.id, adapter: adapter.id, count: ports.length }),
        range: host.idRange,
        elementIds: [host.id, adapter.id, ...ports.map((p) => p.id)],
        related: [{ message: MESSAGES.carriesEvery({ adapter: adapter.id, host: host.id }), range: adapter.idRange }],
      };
    }
  },
};
