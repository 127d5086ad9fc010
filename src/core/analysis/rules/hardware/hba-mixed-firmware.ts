import { defineMessages } from '../../../l10n/messages';
import type { Adapter } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { INITIATOR_NAMES, initiatorsOf } from './host-storage';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('hba-mixed-firmware', {
  mixedVendors: '{adapters} of host "{host}" mix vendors ({values}): keep one vendor per host so that multipath failover behaves the same on every path.',
  mixedFirmware: '{adapters} of host "{host}" mix firmware versions ({values}): keep one firmware level per host so that multipath failover behaves the same on every path.',
  hasVendor: '"{adapter}" has vendor {value}',
  hasFirmware: '"{adapter}" has firmware {value}',
});

/** Storage adapters of one host should run one vendor's driver at one firmware level. */
export const hbaMixedFirmware: AnalysisRule = {
  meta: {
    id: 'hba-mixed-firmware',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'Storage adapters of one host with different vendors or firmware',
      description:
        'The multipath driver fails paths over between a host\'s HBAs; when the HBAs come from different vendors or run different firmware, the two paths use different drivers, queue depths, timeouts and bugs, so a failover exercises code the surviving path was never tested with, and storage vendors\' interoperability matrices certify one combination at a time. docs/design/algorithms.md#5-storage-path-redundancy asks for the same HBA vendor and firmware inside a host. The rule compares, per initiator family (FC HBAs; iSCSI HBAs and iSCSI NICs), the vendor and the firmware of the adapters that state them. Update the adapters to one firmware level, or replace the odd one out.',
      sources: ['docs/design/algorithms.md#5-storage-path-redundancy — same HBA vendor and firmware inside a host', 'docs/design/sources.md#vmware-compatibility-guide — IO devices are certified per driver and firmware version'],
    },
  },
  reads: ['hosts'],
  *check({ topology }) {
    for (const host of topology.hosts) {
      for (const [family, initiators] of initiatorsOf(host)) {
        const adapters = initiators.map((i) => i.adapter);
        for (const field of ['vendor', 'firmware'] as const) {
          const [reference, ...others] = adapters.filter((a) => stated(a, field) !== undefined);
          if (!reference) continue;
          const odd = others.filter((a) => stated(a, field) !== stated(reference, field));
          if (odd.length === 0) continue;
          const values = [reference, ...odd].map((a) => `${quoteId(a.id)} ${a[field]}`).join(listSeparator());
          for (const adapter of odd) {
            yield {
              message: (field === 'vendor' ? MESSAGES.mixedVendors : MESSAGES.mixedFirmware)({ adapters: INITIATOR_NAMES[family]({}), host: host.id, values }),
              range: adapter.source.fields[field]?.value ?? adapter.idRange,
              elementIds: [host.id, reference.id, adapter.id],
              related: [{ message: (field === 'vendor' ? MESSAGES.hasVendor : MESSAGES.hasFirmware)({ adapter: reference.id, value: reference[field] ?? '' }), range: reference.source.fields[field]?.value ?? reference.idRange }],
            };
          }
          // Different vendors run different firmware anyway: one finding says it all.
          break;
        }
      }
    }
  },
};

function stated(adapter: Adapter, field: 'vendor' | 'firmware'): string | undefined {
  const value = adapter[field]?.trim().toLowerCase();
  return value === '' ? undefined : value;
}
