import type { Report } from '../../../model/report';
import type { Vm } from '../../../model/topology';
import { lanNetworkOf, vmNetworksOnHost, type HostNetwork } from '../../lan-network';
import type { AnalysisRule } from '../../rule';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('vm-network-single-switch', {
  list: '{items} and {last}',
  more: '{count} more',
  portGroup: 'VM port group "{name}"',
  vmPorts: 'the VM network (ports with role vm)',
  singleUplink: 'has a single uplink, "{port}" on adapter "{adapter}"',
  everyUplinkOnAdapter: 'has every uplink ({uplinks}) on adapter "{adapter}"',
  everyUplinkToSwitch: 'has every uplink ({uplinks}) cabled to switch "{switch}"',
  cardOneVm: 'On host "{host}", {network} {through}: one card failure cuts VM {vms} off the network. Add an uplink on another adapter.',
  cardManyVms: 'On host "{host}", {network} {through}: one card failure cuts VMs {vms} off the network. Add an uplink on another adapter.',
  switchOneVm: 'On host "{host}", {network} {through}: one switch failure cuts VM {vms} off the network. Add an uplink to another switch.',
  switchManyVms: 'On host "{host}", {network} {through}: one switch failure cuts VMs {vms} off the network. Add an uplink to another switch.',
});

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : MESSAGES.list({ items: items.slice(0, -1).join(listSeparator()), last: items[items.length - 1] ?? '' });
}

/** How a VM network is named in messages. */
function networkName(network: HostNetwork): string {
  return network.kind === 'port-group' ? MESSAGES.portGroup({ name: network.name }) : MESSAGES.vmPorts({});
}

/** What every uplink of a VM network shares, if anything: one adapter, else one first-hop switch. */
function sharedElement(network: HostNetwork): { readonly kind: 'adapter' | 'switch'; readonly id: string } | undefined {
  const adapters = new Set(network.uplinks.map((uplink) => uplink.adapterId));
  if (adapters.size === 1) return { kind: 'adapter', id: [...adapters][0] ?? '' };
  // An uplink that is not cabled says nothing about its switch: do not judge.
  if (network.uplinks.some((uplink) => uplink.attachments.length === 0)) return undefined;
  const switches = new Set(network.uplinks.flatMap((uplink) => uplink.attachments.map((a) => a.switchId)));
  return switches.size === 1 ? { kind: 'switch', id: [...switches][0] ?? '' } : undefined;
}

/** A VM network whose uplinks all go through one card or to one Ethernet switch. */
export const vmNetworkSingleSwitch: AnalysisRule = {
  meta: {
    id: 'vm-network-single-switch',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      title: 'VM network whose uplinks all go through one adapter or one switch',
      description:
        'A port group fails over between its active and standby uplinks, so its VMs stay reachable when a port, cable, card or switch fails only if some uplink avoids that element. When every uplink of a VM port group (or of the ports with the `vm` role) is a port of one network card, or is cabled to one Ethernet switch, that card or switch cuts every powered-on VM on the network off its clients, while vSphere HA sees a healthy host and restarts nothing. The rule reports each such VM network used by powered-on VMs, per host, and says whether the shared element is the adapter or the switch. Give the port group uplinks on two cards, cabled to two switches (or two members of a stack). Uplinks without cables are not judged against switches.',
      sources: ['docs/design/sources.md#vsphere-networking — NIC teaming and failover: uplinks on separate physical switches and adapters'],
    },
  },
  reads: ['inventory', 'hosts', 'switches', 'distributedSwitches', 'links', 'vms'],
  *check({ topology }) {
    const lan = lanNetworkOf(topology);
    for (const host of topology.hosts) {
      const users = new Map<HostNetwork, Vm[]>();
      for (const vm of topology.vmsOnHost(host.id)) {
        if ((vm.power ?? 'on') !== 'on') continue;
        for (const network of vmNetworksOnHost(lan, host.id, vm.networks).found) {
          const list = users.get(network) ?? [];
          list.push(vm);
          users.set(network, list);
        }
      }
      for (const [network, vms] of users) {
        if (network.uplinks.length === 0) continue;
        const shared = sharedElement(network);
        if (!shared) continue;
        const uplinks = network.uplinks.map((uplink) => uplink.portId);
        const through =
          shared.kind === 'adapter'
            ? uplinks.length === 1
              ? MESSAGES.singleUplink({ port: uplinks[0] ?? '', adapter: shared.id })
              : MESSAGES.everyUplinkOnAdapter({ uplinks: listed(uplinks), adapter: shared.id })
            : MESSAGES.everyUplinkToSwitch({ uplinks: listed(uplinks), switch: shared.id });
        // Five VMs are named, the rest counted: only those five are quoted.
        const names = vms.slice(0, 5).map((vm) => quoteId(vm.id));
        const one = vms.length === 1;
        const template = shared.kind === 'adapter' ? (one ? MESSAGES.cardOneVm : MESSAGES.cardManyVms) : one ? MESSAGES.switchOneVm : MESSAGES.switchManyVms;
        yield {
          message: template({ host: host.id, network: networkName(network), through, vms: listed(vms.length > 5 ? [...names, MESSAGES.more({ count: vms.length - 5 })] : names) }),
          range: network.range,
          elementIds: [host.id, network.id, shared.id, ...vms.map((vm) => vm.id)],
        } satisfies Report;
      }
    }
  },
};
