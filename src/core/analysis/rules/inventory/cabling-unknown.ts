import type { AnalysisRule } from '../../rule';
import type { Host } from '../../../model/topology';
import { defineMessages } from '../../../l10n/messages';
import { grouped } from '../../../text/plural';
import { quotedList } from '../storage/common';

const MESSAGES = defineMessages('cabling-unknown', {
  unknown: 'The cabling of this design is not known: {storagePorts} and {lanPorts} of {hosts} ({hostIds}) have no cable drawn, so their storage paths and the switches their LAN uplinks reach were not checked; their multipath evidence (lun-single-path) and the ports and cards of their LAN uplinks were. Draw the cables under links to check the rest.',
  unknownImported: 'The cabling of this design is not known (imported from "{file}"): {storagePorts} and {lanPorts} of {hosts} ({hostIds}) have no cable drawn, so their storage paths and the switches their LAN uplinks reach were not checked; their multipath evidence (lun-single-path) and the ports and cards of their LAN uplinks were. Draw the cables under links to check the rest.',
  oneStoragePort: '1 storage port',
  storagePorts: '{count} storage ports',
  oneLanPort: '1 LAN port',
  lanPorts: '{count} LAN ports',
  oneHost: '1 host',
  hosts: '{count} hosts',
});

const STORAGE_ADAPTERS = new Set(['fc', 'iscsi', 'cna']);
const STORAGE_ROLES = new Set(['storage', 'iscsi', 'nfs']);

/** Said once: the design does not know its cabling, so what the path rules could not check. */
export const cablingUnknown: AnalysisRule = {
  meta: {
    id: 'cabling-unknown',
    defaultSeverity: 'info',
    fixable: false,
    docs: {
      title: 'Cabling not known',
      description:
        'An inventory export (RVTools, a Proxmox or Hyper-V inventory) lists each host\'s adapters, paths and virtual switches, but not which physical switch each port is cabled to. An imported design says so with `inventory: { cabling: unknown }`, and the analyzer then neither invents single points of failure for ports without a cable (a host with no storage cable drawn is not reported by datastore-unreachable or storage-path-spof; on a host with no LAN cable drawn, the uplinks of its virtual switches are taken as up, to switches the design does not name, so no LAN rule reports them as uncabled and the simulator keeps their networks) nor hides that it could not look: this rule says once which hosts were not checked, with the counts of uncabled storage and LAN ports. What the export does prove is still checked: multipath evidence by lun-single-path, adapters by hba-redundancy and single-storage-adapter, and the uplink ports and cards of each network by the LAN rules (management-network-spof, vm-network-single-switch, migration-network). Draw the cables under `links` (the designer\'s cable tool) to have the path rules check those hosts too.',
      sources: ['docs/import.md#what-an-export-does-not-say', 'docs/format.md#links'],
    },
  },
  reads: ['inventory', 'hosts', 'links'],
  *check({ topology }) {
    const inventory = topology.file?.inventory;
    if (inventory?.cabling !== 'unknown') return;
    const cabled = new Set(topology.links.flatMap((link) => [link.from, link.to]));
    let storagePorts = 0;
    let lanPorts = 0;
    const unchecked: Host[] = [];
    for (const host of topology.hosts) {
      let uncabled = 0;
      for (const adapter of host.adapters) {
        for (const port of adapter.ports) {
          if (cabled.has(port.id)) continue;
          uncabled += 1;
          if (STORAGE_ADAPTERS.has(adapter.type) || (port.roles ?? []).some((role) => STORAGE_ROLES.has(role))) storagePorts += 1;
          else lanPorts += 1;
        }
      }
      if (uncabled > 0) unchecked.push(host);
    }
    if (unchecked.length === 0) return;
    const data = {
      storagePorts: storagePorts === 1 ? MESSAGES.oneStoragePort({}) : MESSAGES.storagePorts({ count: grouped(storagePorts) }),
      lanPorts: lanPorts === 1 ? MESSAGES.oneLanPort({}) : MESSAGES.lanPorts({ count: grouped(lanPorts) }),
      hosts: unchecked.length === 1 ? MESSAGES.oneHost({}) : MESSAGES.hosts({ count: grouped(unchecked.length) }),
      hostIds: quotedList(unchecked.map((h) => h.id), 3),
    };
    yield {
      message: inventory.file !== undefined ? MESSAGES.unknownImported({ ...data, file: inventory.file }) : MESSAGES.unknown(data),
      range: inventory.source.fields.cabling?.value ?? inventory.source.range,
      elementIds: unchecked.map((h) => h.id),
    };
  },
};
