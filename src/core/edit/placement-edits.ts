/**
 * Where a device stands, as the designer changes it when a host, switch or array is dropped
 * into a site, a rack or a blade chassis, or out of every one (and a chassis into a rack
 * or site, a rack into a site): the
 * edits of the element's `site:`, `rack:` and `chassis:` fields (docs/format.md, "Failure
 * domains"). The field the drop names is set; the others that would now repeat or
 * contradict it go: a rack implies its site, a chassis its rack and site, and a device in
 * a site directly is in no rack or chassis. A field that is replaced by another is
 * rewritten in place (`site: dc1` becomes `rack: r01`), so its line and comment stay.
 * `power:` is never touched: supplies stay plugged where they were.
 */

import { failureDomainsOf } from '../domain/failure-domains';
import type { TextEdit } from '../model/report';
import type { Topology } from '../model/topology';
import { findElement } from './elements';
import type { ObjectSource } from '../model/schema';
import { PLACED_IN, type PlacementTarget } from './placement-kinds';
import { contentEnd, isFlow, ownFields, removeFields, setField } from './yaml-edits';
import { defineMessages } from '../l10n/messages';
import { kindName } from './kind-names';

const MESSAGES = defineMessages('edit.placement', {
  unknownElement: 'unknown element "{id}"',
  feedNotPlaced: 'a power feed is not placed in sites and racks: only hosts, switches, arrays, chassis and racks are',
  notPlaced: 'a {kind} is not placed in sites and racks: only hosts, switches, arrays, chassis and racks are',
  unknownContainer: 'unknown {kind} "{id}"',
  rackInSite: 'a rack stands in a site, not in a {kind}',
  notInChassis: 'a {kind} cannot be in a blade chassis: drop it into a rack or a site',
  inItself: '"{id}" cannot stand in itself',
  hasErrors: '"{id}" has errors the designer cannot edit around; fix it in the text',
});


const PLACEMENT_KEYS = ['chassis', 'rack', 'site'] as const;

/** The edits that put one element into `to`, or why not. */
export function placementEdits(text: string, topology: Topology, id: string, to: PlacementTarget): TextEdit[] | { readonly rejected: string } {
  const kind = topology.declarations.get(id)?.kind;
  if (kind === undefined) return { rejected: MESSAGES.unknownElement({ id }) };
  const allowed = PLACED_IN[kind];
  if (!allowed) return { rejected: kind === 'powerFeed' ? MESSAGES.feedNotPlaced({}) : MESSAGES.notPlaced({ kind: kindName(kind) }) };
  if (to.kind !== 'none' && topology.declarations.get(to.id)?.kind !== to.kind) return { rejected: MESSAGES.unknownContainer({ kind: kindName(to.kind), id: to.id }) };
  if (!allowed.has(to.kind)) {
    return { rejected: kind === 'rack' ? MESSAGES.rackInSite({ kind: kindName(to.kind) }) : MESSAGES.notInChassis({ kind: kindName(kind) }) };
  }
  if (to.kind !== 'none' && to.id === id) return { rejected: MESSAGES.inItself({ id }) };
  const element = findElement(topology, id);
  if (!element) return { rejected: MESSAGES.hasErrors({ id }) };
  const fields = element.source.fields;
  // A rack names only its site; a chassis its rack and site.
  const keys = PLACEMENT_KEYS.filter((key) => key === 'site' || (kind !== 'rack' && (key === 'rack' || kind !== 'chassis')));
  // What the new place says by itself: a rack its site, a chassis its rack and site.
  const implied: { rack?: string | undefined; site?: string | undefined } = to.kind === 'rack'
    ? { site: topology.racks.find((rack) => rack.id === to.id)?.site }
    : to.kind === 'chassis' ? failureDomainsOf(topology).placement(to.id) ?? {} : {};
  // The fields that would repeat or contradict the new place.
  const stale = keys.filter((key) => {
    if (to.kind === 'none') return true;
    if (key === to.kind) return false;
    if (to.kind === 'site' || key === 'chassis') return true;
    return implied[key] !== undefined;
  }).filter((key) => fields[key] !== undefined && fields[key].inheritedFrom === undefined);
  const edits: TextEdit[] = [];
  if (to.kind !== 'none') {
    const existing = fields[to.kind];
    const first = stale[0];
    const firstField = first !== undefined ? fields[first] : undefined;
    if (existing) {
      if (text.slice(existing.value.start, contentEnd(text, existing.value)) !== to.id) edits.push(setField(text, element.source, to.kind, to.id));
    } else if (firstField) {
      edits.push({ range: { start: firstField.key.start, end: contentEnd(text, firstField.value) }, newText: `${to.kind}: ${to.id}` });
      stale.shift();
    } else {
      edits.push(addField(text, element.source, to.kind, to.id));
    }
  }
  return [...edits, ...removeFields(text, element.source, stale)];
}

/**
 * Adds a field to a mapping: in flow style right after its last field (`{ type: fc, rack: r01 }`,
 * `{ rack: r01 }` for an empty one), in block style as setField does.
 */
function addField(text: string, source: ObjectSource<string>, key: string, value: string): TextEdit {
  if (!isFlow(text, source.range)) return setField(text, source, key, value);
  const fields = Object.values(ownFields(source)).filter((field) => field !== undefined);
  const last = fields.reduce<number | undefined>((end, field) => Math.max(end ?? 0, contentEnd(text, field.value)), undefined);
  if (last !== undefined) return { range: { start: last, end: last }, newText: `, ${key}: ${value}` };
  const open = text.indexOf('{', source.range.start);
  const close = text.indexOf('}', open);
  return { range: { start: open, end: close + 1 }, newText: `{ ${key}: ${value} }` };
}
