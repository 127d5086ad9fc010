/**
 * The texts of the editor's language features (hover, completion, the outline), by id
 * (docs/l10n.md): the kinds of element in words, the facts a hover shows about an element,
 * and the words a field's hover and completion put around its description.
 */

import { defineMessages } from '../l10n/messages';
import { dimensionText, kindText, keyNameText } from '../model/messages';
import type { Dimension } from '../model/units';
import type { ElementKind, ReferenceTarget } from '../model/schema';

const KIND_NAMES = defineMessages('language.kinds', {
  cluster: 'cluster',
  hostProfile: 'host profile',
  host: 'host',
  adapter: 'adapter',
  port: 'port',
  virtualSwitch: 'virtual switch',
  portGroup: 'port group',
  vmkernelPort: 'VMkernel port',
  switch: 'switch',
  array: 'storage array',
  controller: 'array controller',
  datastore: 'datastore',
  vm: 'VM',
  guestCluster: 'guest cluster',
  rule: 'rule',
  site: 'site',
  rack: 'rack',
  chassis: 'chassis',
  powerFeed: 'power feed',
  siteLink: 'site link',
});

/** A kind of element in words: `host profile`, `VM`. */
export function kindName(kind: ElementKind): string {
  return KIND_NAMES[kind]({});
}

export const HOVER = defineMessages('language.hover', {
  notDeclared: 'No {what} `{id}` is declared in this file.',
  title: '**{kind}** `{id}`',
  notFullyRead: 'Not fully read: see the problems reported on it.',
  fieldTitle: '**{key}**: {type}',
  required: 'Required.',
  default: 'Default: `{value}`.',
});

export const COMPLETION = defineMessages('language.completion', {
  ruleDetail: 'rule, {severity} by default',
});

/** The facts of an element in a hover, one line each. */
export const FACTS = defineMessages('language.facts', {
  hosts: 'Hosts: {count}',
  hostsNone: 'Hosts: none',
  hostsListed: 'Hosts: {hosts}',
  hostsListedMode: 'Hosts: {hosts} ({mode})',
  vms: 'VMs: {count}',
  vmsListed: 'VMs: {vms}',
  vmsMemory: 'VMs: {count} ({memory} memory configured)',
  haNotConfigured: 'HA: not configured',
  haOn: 'HA: on, admission control {policy}',
  haOff: 'HA: off',
  protocol: 'Protocol: {protocol}',
  array: 'Array: {array}',
  localToHost: 'Local to host {host}',
  local: 'Local: VMs on it cannot fail over',
  shared: 'Shared',
  mirror: 'Mirror: {mode} copy on {array}',
  mirrorRpo: 'Mirror: {mode} copy on {array}, RPO {rpo}',
  capacity: 'Capacity: {capacity}',
  model: 'Model: {model}',
  controllers: 'Controllers: {count}',
  controllersMode: 'Controllers: {count} ({mode})',
  throughput: 'Throughput: {throughput}',
  typeFibreChannel: 'Type: Fibre Channel',
  typeEthernet: 'Type: Ethernet',
  type: 'Type: {type}',
  typeDisabled: 'Type: {type} (disabled)',
  fabric: 'Fabric: {fabric}',
  speed: 'Speed: {speed}',
  ports: 'Ports: {count}',
  roles: 'Roles: {roles}',
  activeUplinks: 'Active uplinks: {uplinks}',
  activeUplinksNone: 'Active uplinks: none',
  standbyUplinks: 'Standby uplinks: {uplinks}',
  uplinks: 'Uplinks: {uplinks}',
  uplinksNone: 'Uplinks: none',
  mtu: 'MTU: {mtu}',
  portGroups: 'Port groups: {groups}',
  vlan: 'VLAN: {vlan}',
  vlanUntagged: 'VLAN: untagged',
  memberHosts: 'Member hosts: {hosts}',
  nodes: 'Nodes: {nodes}',
  nodesNone: 'Nodes: none',
  role: 'Role: {role}',
  sites: 'Sites: {sites}',
  roundTrip: 'Round trip: {rtt}',
  bandwidth: 'Bandwidth: {bandwidth}',
  takesDown: 'Its failure takes down: {members}',
  takesDownNothing: 'Its failure takes down: nothing that says it stands here or hangs on it',
  oneHost: '{count} host',
  manyHosts: '{count} hosts',
  oneSwitch: '{count} switch',
  manySwitches: '{count} switches',
  oneArray: '{count} array',
  manyArrays: '{count} arrays',
  chassisCount: '{count} chassis',
  site: 'Site: {site}',
  rack: 'Rack: {rack}',
  fedFrom: 'Fed from: {feed}',
  cpuOneSocket: 'CPU: {cores} cores ({sockets} socket) at {speed}',
  cpuSockets: 'CPU: {cores} cores ({sockets} sockets) at {speed}',
  cpuOneSocketFamily: 'CPU: {cores} cores ({sockets} socket) at {speed}, {family}',
  cpuSocketsFamily: 'CPU: {cores} cores ({sockets} sockets) at {speed}, {family}',
  memory: 'Memory: {memory}',
  cluster: 'Cluster: {cluster}',
  clusterNone: 'Cluster: none',
  profile: 'Profile: {profile}',
  profileTaking: 'Profile: {profile} ({keys})',
  state: 'State: {state}',
  gives: 'Gives: {summary}',
  givesNothing: 'Gives: nothing yet',
  edition: 'Edition: {edition}',
  overhead: 'Overhead: {cpu} CPU, {memory} memory',
  maxVms: 'Max VMs: {count}',
  hostsCounted: 'Hosts ({count}): {hosts}',
  hostsCountedMore: 'Hosts ({count}): {hosts} and {more} more',
  coresPerSocket: '{sockets} x {cores} cores',
  cores: '{cores} cores',
  cpuAt: '{cores} @ {speed}',
  oneAdapter: 'adapter {adapters}',
  manyAdapters: 'adapters {adapters}',
  host: 'Host: {host}',
  cpusMemory: 'CPUs: {cpus}, memory: {memory}',
  datastore: 'Datastore: {datastore}',
  datastoreNone: 'Datastore: none',
  restartPriority: 'Restart priority: {priority}',
  restartPriorityDefault: 'Restart priority: {priority} (cluster default)',
  power: 'Power: {power}',
  protection: 'Protection: {protection}',
  protectionOn: 'Protection: {protection} on {host}',
  notCabled: 'Not cabled',
  cabledTo: 'Cabled to: {endpoints}',
  cabledToMore: 'Cabled to: {endpoints} and {more} more',
});

const TYPES = defineMessages('language.types', {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  mapping: 'mapping',
  date: 'date (YYYY-MM-DD)',
  link: 'link',
  position: 'position',
  severityOrSettings: 'severity or settings',
  listOf: 'list of {item}',
  mappingOf: 'mapping of {key} to {item}',
  collection: '{kind} collection',
  idOf: '{kind} id',
  numberIn: 'number ({unit})',
  withUnit: '{dimension} with unit, e.g. "{example}"',
});

const SIMPLE_TYPES: Readonly<Record<string, () => string>> = {
  'string': () => TYPES.string({}),
  'integer': () => TYPES.integer({}),
  'number': () => TYPES.number({}),
  'boolean': () => TYPES.boolean({}),
  'mapping': () => TYPES.mapping({}),
  'date (YYYY-MM-DD)': () => TYPES.date({}),
  'link': () => TYPES.link({}),
  'position': () => TYPES.position({}),
  'severity or settings': () => TYPES.severityOrSettings({}),
};

const KINDS: ReadonlySet<string> = new Set<ReferenceTarget>([
  'cluster', 'hostProfile', 'host', 'adapter', 'port', 'vmkernelPort', 'virtualSwitch', 'portGroup', 'switch', 'array', 'controller',
  'datastore', 'vm', 'guestCluster', 'rule', 'site', 'rack', 'chassis', 'powerFeed', 'siteLink',
]);
const DIMENSIONS: ReadonlySet<string> = new Set<Dimension>(['data', 'frequency', 'bandwidth', 'throughput', 'duration']);

/**
 * A field's type name (schema-fields.ts: `list of host id`, `data with unit, e.g. "512 GB"`)
 * in the user's language. The format declares its type names in English, as data, for the
 * JSON schema and docs/format.md; they are read back here by their few shapes. A name of
 * no known shape (an enumeration, `` `a` \| `b` ``) is its values and is shown as written.
 */
export function typeNameText(typeName: string): string {
  const simple = SIMPLE_TYPES[typeName];
  if (simple) return simple();
  let match = /^list of (.+)$/.exec(typeName);
  if (match) return TYPES.listOf({ item: typeNameText(match[1] ?? '') });
  match = /^mapping of (.+? id) to (.+)$/.exec(typeName);
  if (match) {
    const key = match[1] ?? '';
    return TYPES.mappingOf({ key: key === 'rule id' || key === 'element id' ? keyNameText(key) : typeNameText(key), item: typeNameText(match[2] ?? '') });
  }
  match = /^(\w+) collection$/.exec(typeName);
  if (match && KINDS.has(match[1] ?? '')) return TYPES.collection({ kind: kindText(match[1] as ElementKind) });
  if (typeName === 'port or switch id') return TYPES.idOf({ kind: kindText('endpoint', 'portOrSwitch') });
  match = /^(\w+) id$/.exec(typeName);
  if (match && KINDS.has(match[1] ?? '')) return TYPES.idOf({ kind: kindText(match[1] as ElementKind) });
  match = /^number \((\S+)\)$/.exec(typeName);
  if (match) return TYPES.numberIn({ unit: match[1] ?? '' });
  match = /^(\w+) with unit, e\.g\. "(.+)"$/.exec(typeName);
  if (match && DIMENSIONS.has(match[1] ?? '')) return TYPES.withUnit({ dimension: dimensionText(match[1] as Dimension), example: match[2] ?? '' });
  return typeName;
}
