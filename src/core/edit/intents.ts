/**
 * The designer's edit intents and the minimal text edits that carry them out. The canvas
 * never writes the document: it sends an intent (a typed message carrying the document
 * version it was based on), the extension checks the version and applies the edits
 * computed here from the parsed document's ranges, and the new text flows back through the
 * normal pipeline. Every edit touches only the lines it must; comments stay where they are.
 */

import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Position } from '../model/format';
import { parseVtopo, resolveReference, type ParseResult } from '../model/parse';
import type { ParseProblem, TextEdit } from '../model/report';
import { ID_PATTERN, type Declaration, type Field } from '../model/schema';
import type { SourceRange } from '../model/source';
import type { Topology } from '../model/topology';
import { asReadMapping, findElement, holdsElements, resolveKey, type ReadMapping } from './elements';
import { removePositions, setPositions, type PlacedElement } from './layout-edits';
import { placementEdits } from './placement-edits';
import type { PlacementTarget } from './placement-kinds';
import { addElement, addToSection, applyEdits, contentEnd, normalizeEdits, removeEntry, setField, type NewFields } from './yaml-edits';
import { defineMessages } from '../l10n/messages';
import { kindName } from './kind-names';

/** Why the designer's change was not made (shown after "Not changed:"). */
const MESSAGES = defineMessages('edit.intents', {
  unreadable: 'the document could not be read',
  syntaxErrors: 'the document has YAML syntax errors; fix them in the text first',
  profileShared: '"{id}" comes from host profile "{profile}", which other hosts may share: edit it in the profile, or give the host its own adapters, in the text',
  invalidId: '"{id}" is not a valid id: ids start with a letter or digit and use only letters, digits, ".", "_" and "-"',
  alreadyUsed: '"{id}" is already used by a {kind}',
  unknownCluster: 'unknown cluster "{id}"',
  unknownHost: 'unknown host "{id}"',
  unknownArray: 'unknown array "{id}"',
  unknownSite: 'unknown site "{id}"',
  unknownVm: 'unknown VM "{id}"',
  unknownElement: 'unknown element "{id}"',
  notFabric: '"{fabric}" is not a fabric name',
  invalidNewId: '"{newId}" is not a valid new id for "{id}": only the last part of the id may change, and ids use letters, digits, ".", "_" and "-"',
  cannotRename: 'the id "{id}" is written in a way the designer cannot rename; rename it in the text',
  renameLeavesReference: 'renaming "{id}" would leave a reference to it that the designer cannot rewrite; rename it in the text',
  hasErrors: '"{id}" has errors the designer cannot edit around; fix it in the text',
  vmHasErrors: 'VM "{id}" has errors the designer cannot edit around; fix it in the text',
  notOneValue: '"{value}" is not one YAML value (a scalar, [list] or { mapping } on one line)',
  notAField: '"{key}" is not a field of {kind} "{id}"',
  notAFieldOfThis: '"{key}" is not a field of this element "{id}"',
  holdsElements: '"{key}" holds elements of their own; add, delete or edit those instead',
  profileNotCopied: '"{key}" comes from host profile "{profile}" in a form the designer cannot copy; give the host its own in the text',
  noFields: '"{key}" has no fields of its own',
  noField: 'no field given for "{id}"',
  notAnEnd: '"{end}" is not a port or a switch',
  sameEnds: 'a cable joins two different ends',
  alreadyCabled: '{from} and {to} are already cabled',
  noCableNumber: 'there is no cable number {index}',
  notCabled: '{from} and {to} are not cabled',
  placedTwice: '"{id}" is placed twice',
  badPosition: 'the position of "{id}" is not a pair of numbers',
  nothingToPlace: 'nothing to place',
});


/** Version of the intent messages below; bumped when their shape changes. */
export const DESIGN_INTENT_PROTOCOL = 1;

interface Based {
  /** The document version the canvas saw when it sent the intent; the caller rejects stale ones. */
  readonly baseVersion: number;
}

/** What the palette adds, with the fields each kind of element needs to be read. */
export type NewElement =
  | { readonly kind: 'host'; readonly id: string; readonly cluster?: string }
  | { readonly kind: 'vm'; readonly id: string; readonly host: string }
  | { readonly kind: 'switch'; readonly id: string; readonly switchType: 'fc' | 'ethernet'; readonly fabric?: string }
  | { readonly kind: 'array'; readonly id: string }
  | { readonly kind: 'datastore'; readonly id: string; readonly array?: string }
  | { readonly kind: 'site'; readonly id: string }
  | { readonly kind: 'rack'; readonly id: string; readonly site?: string };

export type { PlacementTarget };

/** A cable, by its position among the file's links or by its two ends (in either order). */
export type LinkSelector = { readonly index: number } | { readonly from: string; readonly to: string };

export type DesignIntent = Based &
  (
    | { readonly type: 'add-element'; readonly element: NewElement }
    | { readonly type: 'delete-element'; readonly id: string }
    | { readonly type: 'rename-element'; readonly id: string; readonly newId: string }
    /** `key` may name a nested field with dots (`cpu.cores`); `value` is one line of YAML. */
    | { readonly type: 'set-field'; readonly id: string; readonly key: string; readonly value: string }
    | { readonly type: 'move-vm'; readonly vm: string; readonly host: string }
    | { readonly type: 'add-link'; readonly from: string; readonly to: string }
    | { readonly type: 'delete-link'; readonly link: LinkSelector }
    | { readonly type: 'set-position'; readonly id: string; readonly position: Position }
    | { readonly type: 'set-positions'; readonly positions: readonly PlacedElement[] }
    /**
     * Elements dropped into a site, rack or chassis, or out of every one (placement-edits.ts),
     * with the positions the drag gave them: one edit, one undo step.
     */
    | { readonly type: 'set-placement'; readonly ids: readonly string[]; readonly to: PlacementTarget; readonly positions?: readonly PlacedElement[] }
  );

export type DesignIntentType = DesignIntent['type'];

/** An intent as the canvas asks for it: without the base version, which is stamped on when it is sent. */
export type IntentBody = DesignIntent extends infer T ? (T extends DesignIntent ? Omit<T, 'baseVersion'> : never) : never;

/** A reference left pointing at a deleted element, for the designer to ask the user about. */
export interface DanglingReference {
  /** The element whose field holds the reference (a VM for `host: esx-01`). */
  readonly fromId: string | undefined;
  /** The deleted id it names (the element or one of its ports). */
  readonly id: string;
}

export type IntentResult =
  | { readonly edits: TextEdit[]; readonly dangling?: readonly DanglingReference[] }
  | { readonly rejected: string };

type Outcome = IntentResult | TextEdit[];

/** The edits that carry out an intent on `text`, or why it cannot be done. */
export function editsForIntent(text: string, intent: DesignIntent): IntentResult {
  const parsed = parseVtopo(text);
  if (!parsed.topology.file) return { rejected: MESSAGES.unreadable({}) };
  if (parsed.problems.some((p) => p.ruleId === 'syntax')) return { rejected: MESSAGES.syntaxErrors({}) };
  const outcome = outcomeFor(parsed, intent);
  if (!Array.isArray(outcome)) {
    return 'edits' in outcome ? { ...outcome, edits: normalizeEdits(outcome.edits) } : outcome;
  }
  return { edits: normalizeEdits(outcome) };
}

/**
 * An adapter or port a host takes from its profile is written once for every host of the
 * profile: the designer does not edit one host's copy of it.
 */
function profileShared(topology: Topology, id: string): IntentResult | undefined {
  const profile = topology.declarations.get(id)?.inheritedFrom;
  if (profile === undefined) return undefined;
  return rejected(MESSAGES.profileShared({ id, profile }));
}

function outcomeFor(parsed: ParseResult, intent: DesignIntent): Outcome {
  const { text, topology } = parsed;
  const shared = 'id' in intent && intent.type !== 'set-position' ? profileShared(topology, intent.id) : undefined;
  if (shared) return shared;
  switch (intent.type) {
    case 'add-element':
      return addNewElement(text, topology, intent.element);
    case 'delete-element':
      return deleteElement(text, topology, intent.id);
    case 'rename-element':
      return renameElement(parsed, intent.id, intent.newId);
    case 'set-field':
      return setElementField(parsed, intent.id, intent.key, intent.value);
    case 'move-vm':
      return moveVm(text, topology, intent.vm, intent.host);
    case 'add-link':
      return addLink(text, topology, intent.from, intent.to);
    case 'delete-link':
      return deleteLink(text, topology, intent.link);
    case 'set-position':
      return place(text, topology, [{ id: intent.id, position: intent.position }]);
    case 'set-positions':
      return place(text, topology, intent.positions);
    case 'set-placement':
      return setPlacement(parsed, intent.ids, intent.to, intent.positions ?? []);
  }
}

function notAField(topology: Topology, key: string, id: string): string {
  const kind = topology.declarations.get(id)?.kind;
  return kind !== undefined ? MESSAGES.notAField({ key, kind: kindName(kind), id }) : MESSAGES.notAFieldOfThis({ key, id });
}

function rejected(reason: string): IntentResult {
  return { rejected: reason };
}

function declared(topology: Topology, id: string, kind: Declaration['kind']): boolean {
  return topology.declarations.get(id)?.kind === kind;
}

// ----------------------------------------------------------------------------- add

const SECTION_OF = { host: 'hosts', vm: 'vms', switch: 'switches', array: 'arrays', datastore: 'datastores', site: 'sites', rack: 'racks' } as const;

/** The storage network a new host or array joins: Fibre Channel when the design has FC switches or no switch yet, else iSCSI. */
function storageNetworkOf(topology: Topology): 'fc' | 'iscsi' {
  if (topology.switches.some((networkSwitch) => networkSwitch.type === 'fc')) return 'fc';
  return topology.switches.length > 0 ? 'iscsi' : 'fc';
}

/** Ports as one flow mapping each, the way the examples write them. */
function ports(entries: ReadonlyArray<readonly [id: string, settings: string]>): NewFields {
  return entries.map(([id, settings]) => [id, `{ ${settings} }`] as const);
}

/**
 * Starting values for a new element: enough to be read, to be changed in the property panel,
 * and to be cabled. The host is a common dual-socket server with two storage adapters (two
 * FC HBAs, or a second dual-port NIC for iSCSI) and a dual-port NIC for management,
 * vMotion and VM traffic; the array has two controllers with two host ports each; the VM
 * is a small general-purpose guest.
 */
function newElementFields(element: NewElement, topology: Topology): NewFields {
  const network = storageNetworkOf(topology);
  const lan = ports([['p0', 'speed: 10 Gbps, roles: [management, vmotion, vm]'], ['p1', 'speed: 10 Gbps, roles: [management, vmotion, vm]']]);
  switch (element.kind) {
    case 'host': {
      const storage: NewFields = network === 'fc'
        ? [
            ['hba1', [['type', 'fc'], ['ports', ports([['p0', 'speed: 16 Gbps, roles: [storage]']])]]],
            ['hba2', [['type', 'fc'], ['ports', ports([['p0', 'speed: 16 Gbps, roles: [storage]']])]]],
          ]
        : [['nic2', [['type', 'ethernet'], ['ports', ports([['p0', 'speed: 10 Gbps, roles: [iscsi]'], ['p1', 'speed: 10 Gbps, roles: [iscsi]']])]]]];
      return [
        ...(element.cluster !== undefined ? [['cluster', element.cluster] as const] : []),
        ['cpu', [['sockets', '2'], ['cores', '32'], ['speed', '2.4 GHz']]],
        ['memory', '512 GB'],
        ['adapters', [...storage, ['nic1', [['type', 'ethernet'], ['ports', lan]]]]],
      ];
    }
    case 'vm':
      return [['host', element.host], ['cpus', '2'], ['memory', '8 GB']];
    case 'switch':
      return [['type', element.switchType], ...(element.fabric !== undefined ? [['fabric', element.fabric] as const] : [])];
    case 'array': {
      const hostPorts = network === 'fc'
        ? ports([['fc0', 'type: fc, speed: 16 Gbps'], ['fc1', 'type: fc, speed: 16 Gbps']])
        : ports([['eth0', 'type: iscsi, speed: 10 Gbps'], ['eth1', 'type: iscsi, speed: 10 Gbps']]);
      return [['mode', 'alua'], ['controllers', [['a', [['ports', hostPorts]]], ['b', [['ports', hostPorts]]]]]];
    }
    case 'datastore':
      return [['protocol', 'vmfs'], ...(element.array !== undefined ? [['array', element.array] as const] : [])];
    case 'site':
      return [];
    case 'rack':
      return element.site !== undefined ? [['site', element.site]] : [];
  }
}

function addNewElement(text: string, topology: Topology, element: NewElement): Outcome {
  const file = topology.file;
  if (!file) return rejected(MESSAGES.unreadable({}));
  if (!ID_PATTERN.test(element.id)) return rejected(MESSAGES.invalidId({ id: element.id }));
  if (topology.declarations.has(element.id)) return rejected(MESSAGES.alreadyUsed({ id: element.id, kind: kindName(topology.declarations.get(element.id)?.kind ?? 'element') }));
  if (element.kind === 'host' && element.cluster !== undefined && !declared(topology, element.cluster, 'cluster')) return rejected(MESSAGES.unknownCluster({ id: element.cluster }));
  if (element.kind === 'vm' && !declared(topology, element.host, 'host')) return rejected(MESSAGES.unknownHost({ id: element.host }));
  if (element.kind === 'datastore' && element.array !== undefined && !declared(topology, element.array, 'array')) return rejected(MESSAGES.unknownArray({ id: element.array }));
  if (element.kind === 'switch' && element.fabric !== undefined && !/^[A-Za-z0-9 _-]{1,32}$/.test(element.fabric)) return rejected(MESSAGES.notFabric({ fabric: element.fabric }));
  if (element.kind === 'rack' && element.site !== undefined && !declared(topology, element.site, 'site')) return rejected(MESSAGES.unknownSite({ id: element.site }));
  const inline = element.kind === 'switch' || element.kind === 'datastore' || element.kind === 'site' || element.kind === 'rack';
  return [addElement(text, file, SECTION_OF[element.kind], element.id, newElementFields(element, topology), inline)];
}

// -------------------------------------------------------------------------- delete

function within(range: SourceRange, removed: readonly TextEdit[]): boolean {
  return removed.some((edit) => edit.range.start <= range.start && range.end <= edit.range.end);
}

function isOrUnder(id: string, ancestor: string): boolean {
  return id === ancestor || id.startsWith(`${ancestor}/`);
}

/** Removing every cable of a block list leaves `links:` empty, which must read as `[]`. */
function keepLinksAList(text: string, topology: Topology, removed: readonly TextEdit[]): TextEdit[] {
  const links = topology.file?.source.fields.links;
  if (!links || links.value.end <= links.value.start) return [];
  let rest = '';
  let at = links.value.start;
  for (const edit of [...removed].sort((a, b) => a.range.start - b.range.start)) {
    if (edit.range.end <= links.value.start || edit.range.start >= links.value.end) continue;
    rest += text.slice(at, Math.max(at, edit.range.start));
    at = Math.max(at, edit.range.end);
  }
  rest += text.slice(at, contentEnd(text, links.value));
  if (rest.split(/\r?\n/).some((line) => !/^\s*(#.*)?$/.test(line))) return [];
  const colon = text.indexOf(':', links.key.end);
  return [{ range: { start: colon + 1, end: colon + 1 }, newText: ' []' }];
}

function deleteElement(text: string, topology: Topology, id: string): Outcome {
  const declaration = topology.declarations.get(id);
  const file = topology.file;
  if (!declaration || !file) return rejected(MESSAGES.unknownElement({ id }));
  const removed: TextEdit[] = [removeEntry(text, declaration.range)];
  for (const link of topology.links) {
    if (isOrUnder(link.from, id) || isOrUnder(link.to, id)) removed.push(removeEntry(text, link.source.range));
  }
  const gone = new Set([...topology.declarations.keys()].filter((declaredId) => isOrUnder(declaredId, id)));
  const edits = [...removed, ...keepLinksAList(text, topology, removed), ...removePositions(text, file, gone)];
  const dangling = topology.references
    .filter((reference) => isOrUnder(reference.id, id) && !within(reference.range, removed))
    .map((reference) => ({ fromId: reference.fromId, id: reference.id }));
  return dangling.length > 0 ? { edits, dangling } : { edits };
}

// -------------------------------------------------------------------------- rename

/**
 * Rewrites an id written at `range` whose value (`written`, as the reader decoded it) is
 * `oldId` or under it. When the text spells `oldId` as is (plain or quoted), only that part
 * changes; otherwise (escapes such as `"h\x2d1"`) the whole scalar is written anew, in its
 * quote style.
 */
function renameId(text: string, range: SourceRange, written: string, oldId: string, newId: string): TextEdit | undefined {
  if (!isOrUnder(written, oldId)) return undefined;
  const quote = text[range.start];
  const start = quote === '"' || quote === "'" ? range.start + 1 : range.start;
  if (text.startsWith(oldId, start) && (written === oldId || text[start + oldId.length] === '/')) {
    return { range: { start, end: start + oldId.length }, newText: newId };
  }
  const value = newId + written.slice(oldId.length);
  const newText = quote === "'" ? `'${value.replaceAll("'", "''")}'` : ID_PATTERN.test(value.replaceAll('/', '_')) && quote !== '"' ? value : JSON.stringify(value);
  return { range: { start: range.start, end: contentEnd(text, range) }, newText };
}

function unresolvedCount(problems: readonly ParseProblem[]): number {
  return problems.filter((problem) => problem.ruleId === 'unresolved-reference').length;
}

function renameElement(parsed: ParseResult, id: string, newId: string): Outcome {
  const { text, topology } = parsed;
  const declaration = topology.declarations.get(id);
  if (!declaration) return rejected(MESSAGES.unknownElement({ id }));
  const parent = id.includes('/') ? id.slice(0, id.lastIndexOf('/') + 1) : '';
  if (!newId.startsWith(parent) || !ID_PATTERN.test(newId.slice(parent.length))) {
    return rejected(MESSAGES.invalidNewId({ newId, id }));
  }
  if (newId === id) return [];
  if (topology.declarations.has(newId)) return rejected(MESSAGES.alreadyUsed({ id: newId, kind: kindName(topology.declarations.get(newId)?.kind ?? 'element') }));
  const ownName = id.slice(parent.length);
  const edits: TextEdit[] = [];
  const own = renameId(text, declaration.idRange, ownName, ownName, newId.slice(parent.length));
  if (!own) return rejected(MESSAGES.cannotRename({ id }));
  edits.push(own);
  const seen = new Set<number>();
  for (const reference of topology.references) {
    if (seen.has(reference.range.start)) continue;
    const edit = renameId(text, reference.range, reference.id, id, newId);
    if (!edit) continue;
    seen.add(reference.range.start);
    edits.push(edit);
  }
  for (const [key, entry] of topology.file?.layout ?? []) {
    const edit = renameId(text, entry.keyRange, key, id, newId);
    if (edit) edits.push(edit);
  }
  // Every reference that resolved before still resolves: none is left behind by its spelling.
  const after = parseVtopo(applyEdits(text, normalizeEdits(edits)));
  if (unresolvedCount(after.problems) > unresolvedCount(parsed.problems)) {
    return rejected(MESSAGES.renameLeavesReference({ id }));
  }
  return edits;
}

// ------------------------------------------------------------------------ set-field

function problemKey(problem: ParseProblem): string {
  return `${problem.ruleId}\u0000${problem.message}`;
}

/** The first problem in `after` that `before` did not have (compared by rule and message). */
function newProblem(before: readonly ParseProblem[], after: readonly ParseProblem[]): ParseProblem | undefined {
  const counts = new Map<string, number>();
  for (const problem of before) counts.set(problemKey(problem), (counts.get(problemKey(problem)) ?? 0) + 1);
  for (const problem of after) {
    const left = counts.get(problemKey(problem)) ?? 0;
    if (left === 0) return problem;
    counts.set(problemKey(problem), left - 1);
  }
  return undefined;
}

/**
 * Whether text is one YAML value that can stand anywhere a value can, flow mappings
 * included: a quoted or flow-safe plain scalar, or a flow list or mapping, on one line.
 */
function isOneValue(value: string): boolean {
  if (value.trim() === '' || /[\r\n]/.test(value)) return false;
  const document = parseDocument(value, { prettyErrors: false });
  if (document.errors.length > 0 || document.warnings.length > 0) return false;
  const contents = document.contents;
  const whole = contents?.range?.[0] === value.length - value.trimStart().length && contents.range[1] === value.trimEnd().length;
  if (!whole) return false;
  if (isScalar(contents)) return contents.type === 'QUOTE_DOUBLE' || contents.type === 'QUOTE_SINGLE' || (contents.type === 'PLAIN' && !/[,[\]{}]/.test(value));
  return (isMap(contents) || isSeq(contents)) && contents.flow === true;
}

/** Nested fields `{ a: { b: value } }` for the part of a key path not yet in the text. */
function nestedValue(path: readonly string[], value: string): string {
  return path.reduceRight((inner, key) => `{ ${key}: ${inner} }`, value);
}

function setElementField(parsed: ParseResult, id: string, key: string, value: string): Outcome {
  const { text, topology } = parsed;
  const element = findElement(topology, id);
  if (!element) {
    return rejected(topology.declarations.has(id) ? MESSAGES.hasErrors({ id }) : MESSAGES.unknownElement({ id }));
  }
  if (!isOneValue(value)) return rejected(MESSAGES.notOneValue({ value }));
  const path = key.split('.');
  let shape = element.shape;
  let mapping: ReadMapping = element;
  for (let i = 0; i < path.length; i++) {
    const spelled = path[i] ?? '';
    const resolved = resolveKey(shape, spelled);
    if (!resolved) return rejected(notAField(topology, path.slice(0, i + 1).join('.'), id));
    if (holdsElements(resolved.field)) return rejected(MESSAGES.holdsElements({ key: spelled }));
    const children = resolved.field.children?.();
    const written = mapping.source.fields[resolved.fieldKey];
    if (written?.inheritedFrom !== undefined && i < path.length - 1) {
      // A settings block taken from the host profile: the host gets its own copy, with the change.
      const edit = children && overrideInherited(text, mapping, resolved.fieldKey, children, path.slice(i + 1), value);
      return edit
        ? checked(parsed, [edit])
        : rejected(MESSAGES.profileNotCopied({ key: path.slice(0, i + 1).join('.'), profile: written.inheritedFrom }));
    }
    // A field taken from the host profile is set on the host, which then overrides the profile.
    const existing = written?.inheritedFrom === undefined ? written : undefined;
    if (i === path.length - 1 || !children || !existing) {
      if (i < path.length - 1 && !children) return rejected(MESSAGES.noFields({ key: path.slice(0, i + 1).join('.') }));
      const written = nestedValue(path.slice(i + 1), value);
      const edits = [setField(text, mapping.source, existing ? resolved.fieldKey : spelled, written)];
      if (existing && text.slice(existing.key.start, existing.key.end) !== spelled) {
        edits.push({ range: existing.key, newText: spelled });
      }
      return checked(parsed, edits);
    }
    const nested = asReadMapping(mapping.values[resolved.fieldKey]);
    if (!nested) return rejected(MESSAGES.hasErrors({ id: path.slice(0, i + 1).join('.') }));
    mapping = nested;
    shape = children;
  }
  return rejected(MESSAGES.noField({ id }));
}

/**
 * The edit that gives an element its own copy of a settings block it takes from its host
 * profile (`cpu`), with one nested key set: a flow mapping of the block's keys as the
 * profile writes them. Undefined when the block cannot be copied that way (a key that is
 * not a scalar, a path deeper than one key).
 */
function overrideInherited(
  text: string,
  mapping: ReadMapping,
  fieldKey: string,
  shape: Readonly<Record<string, Field<unknown>>>,
  rest: readonly string[],
  value: string,
): TextEdit | undefined {
  const field = mapping.source.fields[fieldKey];
  const block = asReadMapping(mapping.values[fieldKey]);
  const [nestedKey, ...deeper] = rest;
  if (!field || !block || nestedKey === undefined || deeper.length > 0) return undefined;
  const target = resolveKey(shape, nestedKey);
  if (!target) return undefined;
  const entries: string[] = [];
  let replaced = false;
  for (const [key, nested] of Object.entries(block.source.fields)) {
    if (!nested) continue;
    if (key === target.fieldKey) {
      entries.push(`${nestedKey}: ${value}`);
      replaced = true;
      continue;
    }
    const written = text.slice(nested.value.start, contentEnd(text, nested.value));
    if (!isOneValue(written)) return undefined;
    entries.push(`${text.slice(nested.key.start, nested.key.end)}: ${written}`);
  }
  if (!replaced) entries.push(`${nestedKey}: ${value}`);
  return setField(text, mapping.source, text.slice(field.key.start, field.key.end), `{ ${entries.join(', ')} }`);
}

/** Keeps a field edit only if the design still reads as well as before. */
function checked(parsed: ParseResult, edits: TextEdit[]): Outcome {
  const after = parseVtopo(applyEdits(parsed.text, normalizeEdits(edits)));
  const problem = newProblem(parsed.problems, after.problems);
  return problem ? rejected(problem.message) : edits;
}

function moveVm(text: string, topology: Topology, vmId: string, hostId: string): Outcome {
  const vm = topology.vm(vmId);
  if (!vm) return rejected(declared(topology, vmId, 'vm') ? MESSAGES.vmHasErrors({ id: vmId }) : MESSAGES.unknownVm({ id: vmId }));
  if (!declared(topology, hostId, 'host')) return rejected(MESSAGES.unknownHost({ id: hostId }));
  if (vm.host === hostId) return [];
  return [setField(text, vm.source, 'host', hostId)];
}

// --------------------------------------------------------------------------- links

function sameCable(link: { from: string; to: string }, from: string, to: string): boolean {
  return (link.from === from && link.to === to) || (link.from === to && link.to === from);
}

function addLink(text: string, topology: Topology, from: string, to: string): Outcome {
  const file = topology.file;
  if (!file) return rejected(MESSAGES.unreadable({}));
  for (const end of [from, to]) {
    if (!ID_PATTERN.test(end.replaceAll('/', '_')) || !resolveReference({ target: 'endpoint', id: end, range: { start: 0, end: 0 }, fromId: undefined }, topology.declarations)) {
      return rejected(MESSAGES.notAnEnd({ end }));
    }
  }
  if (from === to) return rejected(MESSAGES.sameEnds({}));
  if (topology.links.some((link) => sameCable(link, from, to))) return rejected(MESSAGES.alreadyCabled({ from, to }));
  const links = file.source.fields.links;
  const written = links ? text.slice(links.value.start, contentEnd(text, links.value)) : '';
  if (written.startsWith('[') && !/^\[\s*\]$/.test(written)) {
    const closing = contentEnd(text, links?.value ?? { start: 0, end: 0 }) - 1;
    return [{ range: { start: closing, end: closing }, newText: `, [${from}, ${to}]` }];
  }
  return [addToSection(text, file, 'links', `- [${from}, ${to}]`)];
}

function deleteLink(text: string, topology: Topology, selector: LinkSelector): Outcome {
  const link = 'index' in selector
    ? topology.links[selector.index]
    : topology.links.find((candidate) => sameCable(candidate, selector.from, selector.to));
  if (!link) return rejected('index' in selector ? MESSAGES.noCableNumber({ index: selector.index }) : MESSAGES.notCabled({ from: selector.from, to: selector.to }));
  const removed = [removeEntry(text, link.source.range)];
  return [...removed, ...keepLinksAList(text, topology, removed)];
}

// -------------------------------------------------------------------------- layout

function place(text: string, topology: Topology, placed: readonly PlacedElement[]): Outcome {
  const file = topology.file;
  if (!file) return rejected(MESSAGES.unreadable({}));
  const ids = new Set<string>();
  for (const { id, position } of placed) {
    if (!topology.declarations.has(id)) return rejected(MESSAGES.unknownElement({ id }));
    if (ids.has(id)) return rejected(MESSAGES.placedTwice({ id }));
    if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) return rejected(MESSAGES.badPosition({ id }));
    ids.add(id);
  }
  return setPositions(text, file, placed);
}

// ----------------------------------------------------------------------- placement

function setPlacement(parsed: ParseResult, ids: readonly string[], to: PlacementTarget, positions: readonly PlacedElement[]): Outcome {
  const { text, topology } = parsed;
  if (ids.length === 0) return rejected(MESSAGES.nothingToPlace({}));
  const edits: TextEdit[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return rejected(MESSAGES.placedTwice({ id }));
    seen.add(id);
    const placed = placementEdits(text, topology, id, to);
    if (!Array.isArray(placed)) return placed;
    edits.push(...placed);
  }
  if (positions.length > 0) {
    const moved = place(text, topology, positions);
    if (!Array.isArray(moved)) return moved;
    edits.push(...moved);
  }
  return checked(parsed, edits);
}
