/**
 * Which switches a set of ports is cabled to, and which switch would be "the other side":
 * shared by the rules that want each host and each controller on both fabrics.
 */

import { defineMessages } from '../../../l10n/messages';
import type { CableId } from '../../../model/cable-id';
import type { NetworkSwitch, Topology } from '../../../model/topology';
import type { Attachment, StorageNetwork } from '../../storage-network';
import { listSeparator, quoteId } from '../../../l10n/format';

/** The names of switches and fabrics in the storage rules' messages. */
export const SIDES = defineMessages('storage.sides', {
  switch: 'switch "{switch}"',
  switchInFabric: 'switch "{switch}" (fabric {fabric})',
  fabric: 'fabric {fabric}',
  fabricOfSwitches: 'fabric {fabric} ({switches})',
});

/** `switch "fc-a" (fabric A)`, or without the fabric when it has none. */
export function switchName(networkSwitch: NetworkSwitch): string {
  return networkSwitch.fabric === undefined ? SIDES.switch({ switch: networkSwitch.id }) : SIDES.switchInFabric({ switch: networkSwitch.id, fabric: networkSwitch.fabric });
}

export interface SwitchCable<P> {
  readonly port: P;
  readonly cableId: CableId;
  readonly networkSwitch: NetworkSwitch;
}

/** The cables from these ports to switches, grouped by switch type (FC and Ethernet are separate networks). */
export function cablesBySwitchType<P extends { readonly attachments: readonly Attachment[] }>(
  topology: Topology,
  network: StorageNetwork,
  ports: readonly P[],
): Map<NetworkSwitch['type'], SwitchCable<P>[]> {
  const groups = new Map<NetworkSwitch['type'], SwitchCable<P>[]>();
  for (const port of ports) {
    for (const attachment of port.attachments) {
      const networkSwitch = attachment.cableId === undefined ? undefined : topology.networkSwitch(network.vertexIds[attachment.vertex] ?? '');
      if (!networkSwitch || attachment.cableId === undefined) continue;
      const group = groups.get(networkSwitch.type);
      const cable = { port, cableId: attachment.cableId, networkSwitch };
      if (group) group.push(cable);
      else groups.set(networkSwitch.type, [cable]);
    }
  }
  return groups;
}

/**
 * When all these switches are one switch, or all are in one named fabric: a description
 * of that single side ("switch \"fc-a\"" or "fabric A"), else undefined.
 */
export function singleSide(switches: readonly NetworkSwitch[]): { readonly description: string; readonly fabric: string | undefined } | undefined {
  const ids = new Set(switches.map((s) => s.id));
  const first = switches[0];
  if (!first) return undefined;
  if (ids.size === 1) return { description: switchName(first), fabric: first.fabric };
  const fabrics = new Set(switches.map((s) => s.fabric));
  if (fabrics.size === 1 && first.fabric !== undefined) return { description: SIDES.fabricOfSwitches({ fabric: first.fabric, switches: [...ids].map((id) => quoteId(id)).join(listSeparator()) }), fabric: first.fabric };
  return undefined;
}

/**
 * Switches of the same type on the other side: not among `used`, in another named fabric
 * when the side has one, and carrying cables from `needs` ("host" or "array") ports so that
 * a cable there makes a path. File order.
 */
export function otherSideSwitches(
  topology: Topology,
  network: StorageNetwork,
  type: NetworkSwitch['type'],
  used: readonly NetworkSwitch[],
  fabric: string | undefined,
  needs: 'hostPorts' | 'arrayPorts',
): NetworkSwitch[] {
  const usedIds = new Set(used.map((s) => s.id));
  return topology.switches.filter(
    (s) =>
      s.type === type &&
      !usedIds.has(s.id) &&
      (fabric === undefined || (s.fabric !== undefined && s.fabric !== fabric)) &&
      (network.portsOnSwitch.get(s.id)?.[needs].length ?? 0) > 0,
  );
}
