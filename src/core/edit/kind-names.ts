/**
 * The names of the element kinds as the designer's and the edits' texts insert them
 * (`Added host esx-03`, `"x" is already used by a host`), from a catalog (docs/l10n.md).
 * The English of a kind is the kind as the model spells it (`host`, `powerFeed`,
 * `power-feed` for the diagram's feeds), so the English texts read as before.
 */

import { defineMessages } from '../l10n/messages';

const KINDS = defineMessages('designer.kinds', {
  cluster: 'cluster',
  hostProfile: 'hostProfile',
  host: 'host',
  adapter: 'adapter',
  port: 'port',
  vmkernelPort: 'vmkernelPort',
  virtualSwitch: 'virtualSwitch',
  portGroup: 'portGroup',
  switch: 'switch',
  array: 'array',
  controller: 'controller',
  datastore: 'datastore',
  vm: 'vm',
  guestCluster: 'guestCluster',
  rule: 'rule',
  site: 'site',
  rack: 'rack',
  chassis: 'chassis',
  powerFeed: 'powerFeed',
  powerFeedNode: 'power-feed',
  siteLink: 'siteLink',
  element: 'element',
});

const KIND_IDS: Readonly<Record<string, keyof typeof KINDS>> = {
  cluster: 'cluster', hostProfile: 'hostProfile', host: 'host', adapter: 'adapter', port: 'port', vmkernelPort: 'vmkernelPort',
  virtualSwitch: 'virtualSwitch', portGroup: 'portGroup', switch: 'switch', array: 'array', controller: 'controller', datastore: 'datastore',
  vm: 'vm', guestCluster: 'guestCluster', rule: 'rule', site: 'site', rack: 'rack', chassis: 'chassis', powerFeed: 'powerFeed',
  'power-feed': 'powerFeedNode', siteLink: 'siteLink', element: 'element',
};

/** The name of an element kind (`host`, `power-feed`) in the user's language; an unknown kind as it is. */
export function kindName(kind: string): string {
  const id = Object.hasOwn(KIND_IDS, kind) ? KIND_IDS[kind] : undefined;
  return id !== undefined ? KINDS[id]({}) : kind;
}

