import type { QuickFix, Report, TextEdit } from '../../../model/report';
import { closestMatch } from '../../../model/suggest';
import type { Vm } from '../../../model/topology';
import { lanNetworkOf, vmNetworksOnHost, type LanNetwork } from '../../lan-network';
import type { AnalysisRule, RuleContext } from '../../rule';
import { defineMessages } from '../../../l10n/messages';
import { listSeparator, quoteId } from '../../../l10n/format';

const MESSAGES = defineMessages('vm-network-missing', {
  didYouMean: 'Did you mean "{suggestion}"?',
  missing: 'VM "{vm}" is on network "{network}", which its host "{host}" does not have: the VM has no such network.',
  missingSuggest: 'VM "{vm}" is on network "{network}", which its host "{host}" does not have: the VM has no such network. Did you mean "{suggestion}"?',
  missingElsewhere: 'VM "{vm}" is on network "{network}", which its host "{host}" does not have (nor do {hosts}): the VM has no such network.',
  missingElsewhereSuggest: 'VM "{vm}" is on network "{network}", which its host "{host}" does not have (nor do {hosts}): the VM has no such network. Did you mean "{suggestion}"?',
  oneHostLacks: 'VM "{vm}" is on network "{network}", which host {hosts} of cluster "{cluster}" does not have: after an HA restart or a vMotion there the VM would have no network. Add the port group there (or use a distributed switch).',
  manyHostsLack: 'VM "{vm}" is on network "{network}", which hosts {hosts} of cluster "{cluster}" do not have: after an HA restart or a vMotion there the VM would have no network. Add the port group there (or use a distributed switch).',
});

/** Names a VM may use for the host's port groups (label and id segment). */
function portGroupNames(lan: LanNetwork, hostId: string): string[] {
  const networks = lan.hostNetworks.get(hostId) ?? [];
  return [...new Set(networks.filter((n) => n.kind === 'port-group').flatMap((n) => [n.name, ...n.aliases]))];
}

/** A YAML scalar for a port group name: plain when safe, else double-quoted. */
function scalar(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(name) ? name : JSON.stringify(name);
}

/** The edit that replaces `name` in the VM's `networks:` list by `replacement`. */
function renameEdit(context: RuleContext, vm: Vm, name: string, replacement: string): TextEdit | undefined {
  const list = vm.source.fields.networks?.value;
  if (!list) return undefined;
  const text = context.text.slice(list.start, list.end);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[\\s\\[,-])(["']?)${escaped}\\2(?=\\s*(?:[,\\]#]|$))`, 'm').exec(text);
  if (!match) return undefined;
  const start = list.start + match.index + (match[1]?.length ?? 0);
  return { range: { start, end: start + (match[0].length - (match[1]?.length ?? 0)) }, newText: scalar(replacement) };
}

/** A VM network a VM names that its host, or another host of its cluster, does not have. */
export const vmNetworkMissing: AnalysisRule = {
  meta: {
    id: 'vm-network-missing',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: 'VM network missing on the VM\'s host or on another host of its cluster',
      description:
        'A VM\'s vNIC connects to a port group by name on whichever host runs it. A name its host does not have leaves the VM without that network now; a name another host of its cluster lacks leaves it without the network after an HA restart or a vMotion to that host (vMotion refuses the move; HA restarts the VM disconnected). Standard switches are configured host by host, so a port group added on some hosts only is a common gap; distributed switches avoid it. The rule reports, per VM and network name, the hosts that lack the port group, judging only hosts that model port groups (virtual switches or distributed switch membership). When a port group with a close name exists, the quick fix renames the VM\'s network to it.',
      sources: ['docs/design/sources.md#vsphere-networking — standard switches are configured per host, distributed switches across hosts', 'docs/design/sources.md#vsphere-migration-limits — vCenter Server and Host Management, vMotion networking requirements: the destination host must have the VM\'s networks'],
    },
  },
  reads: ['inventory', 'clusters', 'hosts', 'switches', 'distributedSwitches', 'links', 'vms'],
  *check(context) {
    const { topology } = context;
    const lan = lanNetworkOf(topology);
    const modelsPortGroups = (hostId: string) => (lan.hostNetworks.get(hostId) ?? []).some((n) => n.kind === 'port-group');
    for (const vm of topology.vms) {
      if (vm.networks === undefined || vm.networks.length === 0) continue;
      const host = topology.host(vm.host);
      if (!host) continue;
      const cluster = topology.clusterOfHost(host);
      const others = cluster ? topology.hostsInCluster(cluster.id).filter((h) => h.id !== host.id) : [];
      const range = vm.source.fields.networks?.value ?? vm.idRange;
      const ownMissing = modelsPortGroups(host.id) ? vmNetworksOnHost(lan, host.id, vm.networks).missing : [];
      for (const name of new Set(vm.networks)) {
        const lacking = others.filter((h) => modelsPortGroups(h.id) && vmNetworksOnHost(lan, h.id, [name]).missing.includes(name)).map((h) => h.id);
        if (ownMissing.includes(name)) {
          const suggestion = closestMatch(name, portGroupNames(lan, host.id));
          const edit = suggestion === undefined ? undefined : renameEdit(context, vm, name, suggestion);
          const fixes: QuickFix[] = suggestion !== undefined && edit ? [{ title: MESSAGES.didYouMean({ suggestion }), edits: [edit], preferred: true }] : [];
          const data = { vm: vm.id, network: name, host: host.id };
          const hosts = lacking.map((id) => quoteId(id)).join(listSeparator());
          const message =
            lacking.length > 0
              ? suggestion !== undefined ? MESSAGES.missingElsewhereSuggest({ ...data, hosts, suggestion }) : MESSAGES.missingElsewhere({ ...data, hosts })
              : suggestion !== undefined ? MESSAGES.missingSuggest({ ...data, suggestion }) : MESSAGES.missing(data);
          yield {
            message,
            range,
            elementIds: [vm.id, host.id, ...lacking],
            fixes,
          } satisfies Report;
        } else if (lacking.length > 0) {
          yield {
            message: (lacking.length === 1 ? MESSAGES.oneHostLacks : MESSAGES.manyHostsLack)({ vm: vm.id, network: name, hosts: lacking.map((id) => quoteId(id)).join(listSeparator()), cluster: cluster?.id ?? '' }),
            range,
            elementIds: [vm.id, ...lacking],
          } satisfies Report;
        }
      }
    }
  },
};
