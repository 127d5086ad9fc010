/**
 * Proxmox VE HA to the format: which guests the HA manager recovers, and the placement rules
 * it follows. A guest is recovered on another node only when it is an HA resource in state
 * started or stopped (a stopped one is moved, and stays stopped); a guest that is no HA
 * resource, or whose resource is disabled, ignored or in the error state, is not, and is
 * written `restartPriority: disabled` (docs/format.md, "Restart priorities on other
 * platforms"). HA groups (Proxmox VE 8 and earlier) and node-affinity rules (9 and later)
 * become vm-host rules, resource-affinity rules become affinity and anti-affinity rules.
 */

import type { DraftElement } from '../emit';
import { idFromName, type IdAllocator } from '../ids';
import type { SummaryBuilder } from '../summary';
import { naturalCompare } from '../../text/natural-order';
import { formatList } from '../../l10n/format';
import { defineMessages } from '../../l10n/messages';
import type { HaGroup, HaRule, ProxmoxInventory, PveGuest } from './inventory';

/** HA resource states in which the HA manager does not move the guest to another node. */
const NOT_RECOVERED = new Set(['disabled', 'ignored', 'error']);

export interface GuestHa {
  /** The HA resource's state, undefined when the guest is no HA resource. */
  readonly state?: string;
  /** Whether the HA manager recovers it on another node when its node fails. */
  readonly recovered: boolean;
  readonly group?: string;
}

const MESSAGES = defineMessages('import.proxmox.ha', {
  unknownGuest: 'HA resource {sid} names a guest that is not in /cluster/resources (or is a template); left out',
  errorState: 'HA resource(s) of guest(s) {vmids} are in the error state: the HA manager does nothing with them until an administrator clears it; written restartPriority: disabled',
  groupLabel: 'HA group "{name}"',
  ruleLabel: 'HA rule "{name}"',
  priorities: 'priorities {priorities}',
  groupsAsRules: 'HA groups written as vm-host rules: restricted groups as must-run-on (their guests run on no other node), unrestricted ones as should-run-on; node priorities and nofailback stay in the rule\'s comment, as the format has no order among a rule\'s hosts',
  haRulesAsRules: 'HA rules written as rules: node-affinity as vm-host (strict: must, else should), resource-affinity as affinity (positive) or anti-affinity (negative)',
  fewerThanTwo: '{label} keeps fewer than two imported guests together or apart; left out',
  unknownType: '{label} is of type "{type}", which this importer does not know; left out',
  noGuest: '{label} applies to no imported guest; left out',
  unknownNode: '{label} names node "{node}", which is not in the cluster; left out of the rule',
  noNode: '{label} names no node of the cluster; left out',
  unknownVmid: '{label} names guest {vmid}, which was not imported; left out of the rule',
});

/** Each guest's HA standing, from /cluster/ha/resources, else from the hastate /cluster/resources shows. */
export function readGuestHa(inventory: ProxmoxInventory, guests: readonly PveGuest[], summary: SummaryBuilder): Map<number, GuestHa> {
  const result = new Map<number, GuestHa>();
  const byVmid = new Map(guests.map((guest) => [guest.vmid, guest]));
  if (inventory.haResources !== undefined) {
    for (const resource of inventory.haResources) {
      const guest = byVmid.get(resource.vmid);
      if (guest === undefined) {
        summary.warn(MESSAGES.unknownGuest({ sid: resource.sid }));
        continue;
      }
      // The manager's current state wins where it says the resource is in error.
      const state = guest.hastate === 'error' ? 'error' : (resource.state ?? 'started');
      result.set(resource.vmid, { state, recovered: !NOT_RECOVERED.has(state), group: resource.group });
    }
  } else {
    for (const guest of guests) {
      if (guest.hastate !== undefined) result.set(guest.vmid, { state: guest.hastate, recovered: !NOT_RECOVERED.has(guest.hastate) });
    }
  }
  const errors = [...result].filter(([, ha]) => ha.state === 'error').map(([vmid]) => String(vmid));
  if (errors.length > 0) summary.warn(MESSAGES.errorState({ vmids: formatList(errors) }));
  return result;
}

export interface RulesInput {
  readonly inventory: ProxmoxInventory;
  readonly summary: SummaryBuilder;
  readonly ids: IdAllocator;
  readonly hostIds: ReadonlyMap<string, string>;
  /** vmid -> VM id, for the guests that were imported. */
  readonly vmIds: ReadonlyMap<number, string>;
  readonly ha: ReadonlyMap<number, GuestHa>;
}

/** Rules from HA groups and HA rules, by id. */
export function importRules(input: RulesInput): Map<string, DraftElement> {
  const { inventory, summary } = input;
  const rules = new Map<string, DraftElement>();
  for (const group of inventory.haGroups ?? []) {
    const members = [...input.ha].filter(([, ha]) => ha.group === group.name).map(([vmid]) => vmid);
    const rule = vmHostRule(input, MESSAGES.groupLabel({ name: group.name }), members, group.nodes, group.restricted ? 'must-run-on' : 'should-run-on');
    if (rule === undefined) continue;
    const id = input.ids.allocate(idFromName(group.name, 'rule'), 'rule');
    rules.set(id, { value: rule.value, comment: groupComment(group, rule.priorities) });
  }
  for (const haRule of inventory.haRules ?? []) {
    const element = fromHaRule(input, haRule);
    if (element === undefined) continue;
    rules.set(input.ids.allocate(idFromName(haRule.id, 'rule'), 'rule'), element);
  }
  if ((inventory.haGroups ?? []).length > 0) summary.inferred(MESSAGES.groupsAsRules({}));
  if ((inventory.haRules ?? []).length > 0) summary.inferred(MESSAGES.haRulesAsRules({}));
  return new Map([...rules].sort(([a], [b]) => naturalCompare(a, b)));
}

function fromHaRule(input: RulesInput, rule: HaRule): DraftElement | undefined {
  const label = MESSAGES.ruleLabel({ name: rule.id });
  const enabled = rule.disabled ? false : undefined;
  if (rule.type === 'node-affinity') {
    const negative = rule.affinity === 'negative';
    const mode = rule.strict ? (negative ? 'must-not-run-on' : 'must-run-on') : negative ? 'should-not-run-on' : 'should-run-on';
    const made = vmHostRule(input, label, rule.vmids, rule.nodes, mode);
    if (made === undefined) return undefined;
    const comment = made.priorities ? formatList([label, MESSAGES.priorities({ priorities: rule.nodes.map((n) => `${n.node}:${n.priority ?? 0}`).join(' ') })]) : label;
    return { value: { ...made.value, enabled }, comment };
  }
  if (rule.type === 'resource-affinity') {
    const vms = vmsOf(input, label, rule.vmids);
    if (vms.length < 2) {
      input.summary.warn(MESSAGES.fewerThanTwo({ label }));
      return undefined;
    }
    return { value: { type: rule.affinity === 'negative' ? 'anti-affinity' : 'affinity', vms, enabled }, comment: label };
  }
  input.summary.warn(MESSAGES.unknownType({ label, type: rule.type }));
  return undefined;
}

function vmHostRule(input: RulesInput, label: string, vmids: readonly number[], nodes: HaGroup['nodes'], mode: string): { value: { type: string; vms: string[]; hosts: string[]; mode: string }; priorities: boolean } | undefined {
  const vms = vmsOf(input, label, vmids);
  if (vms.length === 0) {
    input.summary.inferred(MESSAGES.noGuest({ label }));
    return undefined;
  }
  const hosts: string[] = [];
  for (const { node } of nodes) {
    const id = input.hostIds.get(node);
    if (id === undefined) input.summary.warn(MESSAGES.unknownNode({ label, node }));
    else if (!hosts.includes(id)) hosts.push(id);
  }
  if (hosts.length === 0) {
    input.summary.warn(MESSAGES.noNode({ label }));
    return undefined;
  }
  const priorities = new Set(nodes.map((n) => n.priority ?? 0)).size > 1;
  return { value: { type: 'vm-host', vms, hosts: hosts.sort(naturalCompare), mode }, priorities };
}

function vmsOf(input: RulesInput, label: string, vmids: readonly number[]): string[] {
  const vms: string[] = [];
  for (const vmid of [...new Set(vmids)].sort((a, b) => a - b)) {
    const id = input.vmIds.get(vmid);
    if (id === undefined) input.summary.warn(MESSAGES.unknownVmid({ label, vmid: String(vmid) }));
    else vms.push(id);
  }
  return vms.sort(naturalCompare);
}

function groupComment(group: HaGroup, priorities: boolean): string {
  const parts = [MESSAGES.groupLabel({ name: group.name })];
  if (priorities) parts.push(MESSAGES.priorities({ priorities: group.nodes.map((n) => `${n.node}:${n.priority ?? 0}`).join(' ') }));
  if (group.restricted) parts.push('restricted');
  if (group.nofailback) parts.push('nofailback');
  return formatList(parts);
}
