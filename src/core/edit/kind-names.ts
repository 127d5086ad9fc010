/**
 * The names of the element kinds as the designer's and the edits' texts insert them
 * (`Added host esx-03`, `"x" is already used by a host`), from a catalog (docs/l10n.md).
 * The English of a kind is the kind as the model spells it (`host`, `powerFeed`,
 * `power-feed` for the diagram's feeds), so the English texts read as before.
 */

import { defineMessages } from '../l10n/messages';
import { kindText } from '../model/messages';
import type { ElementKind } from '../model/schema';

/** The kinds the designer names besides the format's own (those are the reader's words, model/messages.ts). */
const OWN_KINDS = defineMessages('designer.kinds', {
  powerFeedNode: 'power-feed',
  element: 'element',
});

const ELEMENT_KINDS: Readonly<Record<ElementKind, true>> = {
  cluster: true, hostProfile: true, host: true, adapter: true, port: true, vmkernelPort: true, virtualSwitch: true, portGroup: true,
  switch: true, array: true, controller: true, datastore: true, vm: true, guestCluster: true, rule: true, site: true, rack: true,
  chassis: true, powerFeed: true, siteLink: true,
};

function isElementKind(kind: string): kind is ElementKind {
  return Object.hasOwn(ELEMENT_KINDS, kind);
}

/** The name of an element kind (`host`, `power-feed`) in the user's language; an unknown kind as it is. */
export function kindName(kind: string): string {
  if (kind === 'power-feed') return OWN_KINDS.powerFeedNode({});
  if (kind === 'element') return OWN_KINDS.element({});
  return isElementKind(kind) ? kindText(kind) : kind;
}
