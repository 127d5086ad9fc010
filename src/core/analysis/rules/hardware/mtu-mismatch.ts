import { defineMessages } from '../../../l10n/messages';
import type { QuickFix, TextEdit } from '../../../model/report';
import type { ObjectSource } from '../../../model/schema';
import type { SourceRange } from '../../../model/source';
import type { Host, Topology } from '../../../model/topology';
import type { AnalysisRule } from '../../rule';
import { cablingOf, type Cable, type Endpoint } from './cabling';
import { storageProtocolOfPort } from './host-storage';
import { setField } from '../../../edit/yaml-edits';
import { STANDARD_MTU } from './ip-networks';

type VmkernelPort = Host['vmkernelPorts'][number];

const MESSAGES = defineMessages('mtu-mismatch', {
  hop: 'MTU mismatch on the cable between {from} and {to}: {problem}.',
  end: '{end} "{id}" (MTU {mtu})',
  endRelated: '{end} "{id}": MTU {mtu} ({origin})',
  notStated: 'not stated: the default',
  stated: 'stated',
  fromVmkernelPort: 'from VMkernel port "{vmk}"',
  sameMtu: 'both ends of a cable must use the same MTU, or the larger frames are dropped',
  switchDrops: 'switch "{switch}" drops the {mtu}-byte frames of "{port}"',
  jumboStops: 'jumbo frames stop at storage port "{port}", so the storage path does not use them end to end',
  setEndMtu: 'Set the MTU of {end} "{id}" to {mtu}',
  vmkernelPort: 'VMkernel port "{vmk}" uses MTU {mtu} but its uplink "{uplink}" is set to {uplinkMtu}: frames larger than {uplinkMtu} bytes are dropped before they leave host "{host}".',
  uplink: 'uplink "{uplink}": MTU {mtu}',
  setPortMtu: 'Set the MTU of "{port}" to {mtu}',
});

/** The ends of a hop, as messages name them. */
const END_NAMES = defineMessages('mtu-mismatch.ends', {
  switch: 'switch',
  arrayPort: 'array port',
  hostPort: 'host port',
});

/** The MTU one end of a hop uses, and where the design says so. */
interface MtuEnd {
  readonly label: string;
  readonly id: string;
  readonly mtu: number;
  /** How the value was found, for the message. */
  readonly origin: string;
  readonly range: SourceRange;
  /** Carries storage traffic (iSCSI, NFS): jumbo frames there are meant end to end. */
  readonly storage: boolean;
  /** The edit that sets this end's MTU. */
  setMtu(value: number): TextEdit;
}

/** Jumbo frames work only when every hop of the path agrees. */
export const mtuMismatch: AnalysisRule = {
  meta: {
    id: 'mtu-mismatch',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'MTU mismatch between the two ends of an Ethernet hop',
      description:
        'Jumbo frames (MTU 9000) speed up iSCSI and NFS only when every hop agrees: a switch with a smaller MTU than the port sending to it drops the large frames, which shows up as sessions that log in (small packets) and then stall or crawl under load, and a storage port left at 1500 on a jumbo network quietly loses the benefit (docs/design/algorithms.md#5-storage-path-redundancy: jumbo frames only if every hop agrees). For each Ethernet cable the rule compares the MTU of both ends: a host port\'s own `mtu`, else the largest MTU of the VMkernel ports using it as an uplink; a switch\'s `mtu`; an array port\'s `mtu`; 1500 where the design does not say. It reports a port whose MTU is larger than its switch\'s, a storage port left at the standard MTU on a jumbo switch, two directly cabled ports or switches that differ, and a VMkernel port whose MTU is larger than its uplink\'s. Fibre Channel hops are not concerned. The quick fix raises the lower side to the higher MTU, adding the `mtu` key where the design leaves it out.',
      sources: ['docs/design/algorithms.md#5-storage-path-redundancy — iSCSI: jumbo frames only if every hop agrees', 'docs/design/sources.md#vsphere-storage — using jumbo frames with iSCSI (MTU must be set on every switch and port along the path)'],
    },
  },
  reads: ['hosts', 'switches', 'arrays', 'links'],
  *check({ topology, text }) {
    const uplinkUsers = vmkernelPortsByUplink(topology);
    for (const cable of cablingOf(topology).cables) {
      const fromMtu = mtuOf(cable.from, uplinkUsers);
      const toMtu = mtuOf(cable.to, uplinkUsers);
      if (fromMtu === undefined || toMtu === undefined || fromMtu === toMtu) continue;
      const from = mtuEnd(text, cable.from, uplinkUsers);
      const to = mtuEnd(text, cable.to, uplinkUsers);
      if (!from || !to) continue;
      const problem = hopProblem(cable, from, to);
      if (!problem) continue;
      yield {
        message: MESSAGES.hop({ from: describe(from), to: describe(to), problem }),
        range: cable.link.source.range,
        elementIds: [from.id, to.id],
        related: [from, to].map((end) => ({ message: MESSAGES.endRelated({ end: end.label, id: end.id, mtu: end.mtu, origin: end.origin }), range: end.range })),
        fixes: raiseLower(from, to),
      };
    }
    for (const host of topology.hosts) {
      for (const vmk of host.vmkernelPorts) {
        if (vmk.mtu === undefined) continue;
        for (const uplink of [...vmk.active, ...vmk.standby]) {
          const port = host.adapters.flatMap((a) => a.ports).find((p) => p.id === uplink);
          if (!port || port.mtu === undefined || port.mtu >= vmk.mtu) continue;
          yield {
            message: MESSAGES.vmkernelPort({ vmk: vmk.id, mtu: vmk.mtu, uplink: port.id, uplinkMtu: port.mtu, host: host.id }),
            range: vmk.source.fields.mtu?.value ?? vmk.idRange,
            elementIds: [host.id, vmk.id, port.id],
            related: [{ message: MESSAGES.uplink({ uplink: port.id, mtu: port.mtu }), range: port.source.fields.mtu?.value ?? port.idRange }],
            fixes: [{ title: MESSAGES.setPortMtu({ port: port.id, mtu: vmk.mtu }), edits: [setField(text, port.source, 'mtu', String(vmk.mtu))], preferred: true }],
          };
        }
      }
    }
  },
};

function vmkernelPortsByUplink(topology: Topology): Map<string, VmkernelPort[]> {
  const byUplink = new Map<string, VmkernelPort[]>();
  for (const host of topology.hosts) {
    for (const vmk of host.vmkernelPorts) {
      for (const uplink of [...vmk.active, ...vmk.standby]) {
        const list = byUplink.get(uplink);
        if (list) list.push(vmk);
        else byUplink.set(uplink, [vmk]);
      }
    }
  }
  return byUplink;
}

/** The largest MTU stated on the VMkernel ports that use a host port as uplink. */
function widestVmkernelPort(users: readonly VmkernelPort[]): VmkernelPort | undefined {
  return users.reduce<VmkernelPort | undefined>((max, v) => (v.mtu !== undefined && (!max || v.mtu > (max.mtu ?? 0)) ? v : max), undefined);
}

/** One end's MTU, cheaply, to skip agreeing hops; undefined for Fibre Channel. */
function mtuOf(endpoint: Endpoint, uplinkUsers: ReadonlyMap<string, readonly VmkernelPort[]>): number | undefined {
  switch (endpoint.kind) {
    case 'switch':
      return endpoint.networkSwitch.type === 'fc' ? undefined : endpoint.networkSwitch.mtu ?? STANDARD_MTU;
    case 'array-port':
      return endpoint.port.type === 'fc' ? undefined : endpoint.port.mtu ?? STANDARD_MTU;
    case 'host-port': {
      if (storageProtocolOfPort(endpoint.adapter, endpoint.port) === 'fc') return undefined;
      const users = uplinkUsers.get(endpoint.port.id);
      return endpoint.port.mtu ?? (users ? widestVmkernelPort(users)?.mtu : undefined) ?? STANDARD_MTU;
    }
  }
}

/** One end's MTU and where it comes from; undefined for Fibre Channel, which has no Ethernet MTU. */
function mtuEnd(text: string, endpoint: Endpoint, uplinkUsers: ReadonlyMap<string, readonly VmkernelPort[]>): MtuEnd | undefined {
  switch (endpoint.kind) {
    case 'switch':
      return endpoint.networkSwitch.type === 'fc' ? undefined : { label: END_NAMES.switch({}), id: endpoint.networkSwitch.id, storage: false, ...mtuSetting(text, endpoint.networkSwitch) };
    case 'array-port':
      return endpoint.port.type === 'fc' ? undefined : { label: END_NAMES.arrayPort({}), id: endpoint.port.id, storage: true, ...mtuSetting(text, endpoint.port) };
    case 'host-port': {
      const { adapter, port } = endpoint;
      const protocol = storageProtocolOfPort(adapter, port);
      if (protocol === 'fc') return undefined;
      const users = uplinkUsers.get(port.id) ?? [];
      const storage = protocol !== undefined || users.some((v) => v.roles.includes('iscsi') || v.roles.includes('nfs'));
      const base = { label: END_NAMES.hostPort({}), id: port.id, storage };
      const widest = widestVmkernelPort(users);
      if (port.mtu === undefined && widest?.mtu !== undefined) return { ...base, ...mtuSetting(text, widest, MESSAGES.fromVmkernelPort({ vmk: widest.id })) };
      return { ...base, ...mtuSetting(text, port) };
    }
  }
}

/**
 * The MTU an element states (or the standard one when it states none), how the message
 * names that, the range to point at and the edit that sets it.
 */
function mtuSetting(
  text: string,
  element: { readonly mtu?: number | undefined; readonly idRange: SourceRange; readonly source: ObjectSource<string> },
  stated = MESSAGES.stated({}),
): Pick<MtuEnd, 'mtu' | 'origin' | 'range' | 'setMtu'> {
  return {
    mtu: element.mtu ?? STANDARD_MTU,
    origin: element.mtu === undefined ? MESSAGES.notStated({}) : stated,
    range: element.source.fields.mtu?.value ?? element.idRange,
    setMtu: (value) => setField(text, element.source, 'mtu', String(value)),
  };
}

/** Why the two ends' MTUs are a problem on this hop, if they are. */
function hopProblem(cable: Cable, from: MtuEnd, to: MtuEnd): string | undefined {
  const switchEnd = cable.from.kind === 'switch' ? from : cable.to.kind === 'switch' ? to : undefined;
  const portEnd = switchEnd === from ? to : from;
  const bothSwitches = cable.from.kind === 'switch' && cable.to.kind === 'switch';
  if (!switchEnd || bothSwitches) {
    return Math.max(from.mtu, to.mtu) > STANDARD_MTU ? MESSAGES.sameMtu({}) : undefined;
  }
  if (portEnd.mtu > switchEnd.mtu) return MESSAGES.switchDrops({ switch: switchEnd.id, mtu: portEnd.mtu, port: portEnd.id });
  if (portEnd.storage && portEnd.mtu <= STANDARD_MTU && switchEnd.mtu > STANDARD_MTU) return MESSAGES.jumboStops({ port: portEnd.id });
  return undefined;
}

function describe(end: MtuEnd): string {
  return MESSAGES.end({ end: end.label, id: end.id, mtu: end.mtu });
}

function raiseLower(a: MtuEnd, b: MtuEnd): QuickFix[] {
  const [lower, higher] = a.mtu < b.mtu ? [a, b] : [b, a];
  return [{ title: MESSAGES.setEndMtu({ end: lower.label, id: lower.id, mtu: higher.mtu }), edits: [lower.setMtu(higher.mtu)], preferred: true }];
}
