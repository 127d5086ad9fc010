/**
 * Completion while typing: the keys a mapping accepts (from format.ts), enumerated values,
 * and the ids of the right kind for a reference (any port or switch for a cable end).
 * Works on incomplete text; ids come from the latest analysis, which may be a version
 * behind (an id typed a moment ago is offered once it has been analyzed). In the editor
 * they come from the analysis worker's report (`DeclaredIds`), so completion never waits
 * for a parse.
 */

import { localizedRuleDocs } from '../analysis/rule-docs';
import { ALL_RULES } from '../analysis/rules';
import type { ElementKind, ReferenceTarget } from '../model/schema';
import type { SourceRange } from '../model/source';
import { cursorContext, type CursorContext, type LineSource } from './cursor';
import { COMPLETION, kindName, typeNameText } from './messages';
import { localizedFormatText } from '../model/format-texts';
import { SEVERITY_SETTINGS } from '../model/severity-settings';
import { describeField } from './hover';
import { fieldAtPath, isStructured, mappingKeys, type AnyField } from './schema-path';

export interface CompletionEntry {
  readonly label: string;
  /** key: a mapping key; value: an enumerated value; element: the id of a design element. */
  readonly kind: 'key' | 'value' | 'element';
  readonly elementKind?: ElementKind;
  readonly detail: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Text to insert, in snippet syntax (`$1`, `${1|a,b|}`, `$0`). */
  readonly snippet: string;
  /** The text the entry replaces: the word typed so far. */
  readonly replace: SourceRange;
  readonly sortText: string;
  /** Whether to offer completions again right after inserting (a key whose value has some). */
  readonly retrigger: boolean;
}

/** The declared elements completion offers: `DesignIndex` from a design, `DeclaredIds` from a report. */
export interface DeclaredElements {
  /** Every declaration of the given kinds, in document order. */
  declarationsOf(kinds: ReadonlySet<string>): ReadonlyArray<{ readonly id: string; readonly kind: ElementKind }>;
}

/** `text`: the document's text, or its lines (an editor's document need not join them: cursor.ts). */
export function completeAt(text: string | LineSource, offset: number, design: DeclaredElements | undefined): CompletionEntry[] {
  const context = cursorContext(text, offset);
  if (!context) return [];
  const field = fieldAtPath(context.path);
  if (context.position === 'key') return keyCompletions(context, field, design);
  if (!field) return [];
  // `- ` under a list of mappings starts an item: its first key is being typed.
  if (field.children && typeof context.path[context.path.length - 1] === 'number') return keyCompletions(context, field, design);
  const spacer = context.before === ':' ? ' ' : '';
  return valueCompletions(field, context.word, spacer, design);
}

// ------------------------------------------------------------------------------ keys

function keyCompletions(context: CursorContext, field: AnyField | undefined, design: DeclaredElements | undefined): CompletionEntry[] {
  if (!field) return [];
  if (!field.children) return freeKeyCompletions(context, design);
  const keys = mappingKeys(field);
  const present = new Set(keys.filter((entry) => context.siblingKeys.includes(entry.key)).map((entry) => entry.canonicalKey));
  // Offer each key under its own name and its unit-free spelling (`memoryMB`, `memory`).
  const offered = keys.filter((entry) => !present.has(entry.canonicalKey) && entry.canonicalKey.startsWith(entry.key));
  const entries: CompletionEntry[] = offered.map((entry, order) => ({
    label: entry.key,
    kind: 'key',
    detail: typeNameText(entry.field.typeName),
    documentation: describeField(entry.key, entry.field),
    snippet: `${entry.key}:${valueSnippet(entry.field, context.indent)}`,
    replace: context.word,
    sortText: `${entry.required ? 0 : 1}${String(order).padStart(4, '0')}`,
    retrigger: entry.field.completions === undefined && hasSuggestions(entry.field),
  }));
  return entries.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

/** What follows `key:` when a key is inserted: room for the value, in the value's shape. */
function valueSnippet(field: AnyField, indent: number): string {
  if (field.completions) return ` \${1|${field.completions.join(',')}|}`;
  if (!isStructured(field)) return ' $0';
  const item = field.items?.();
  if (item && !field.children && !isStructured(item) && isList(field)) return ' [$0]';
  return `\n${' '.repeat(indent + 2)}$0`;
}

function isList(field: AnyField): boolean {
  return field.jsonSchema().type === 'array';
}

function hasSuggestions(field: AnyField): boolean {
  const item = field.items?.();
  return field.completions !== undefined || field.referenceTarget !== undefined || (item !== undefined && (item.completions !== undefined || item.referenceTarget !== undefined));
}

/** Keys that are not field names: element ids in `layout`, rule ids in `analysis.rules`. */
function freeKeyCompletions(context: CursorContext, design: DeclaredElements | undefined): CompletionEntry[] {
  const where = context.path.join('.');
  if (where === 'layout' && design) {
    const placed = new Set(context.siblingKeys);
    return design.declarationsOf(PLACEABLE).filter((declaration) => !placed.has(declaration.id)).map((declaration, order) => ({
      label: declaration.id,
      kind: 'element',
      elementKind: declaration.kind,
      detail: kindName(declaration.kind),
      snippet: `${declaration.id}: { x: \${1:0}, y: \${2:0} }`,
      replace: context.word,
      sortText: String(order).padStart(6, '0'),
      retrigger: false,
    }));
  }
  if (where === 'analysis.rules') {
    return ALL_RULES.filter((rule) => !context.siblingKeys.includes(rule.id)).map((rule) => ({
      label: rule.id,
      kind: 'key',
      detail: COMPLETION.ruleDetail({ severity: rule.defaultSeverity }),
      documentation: `**${rule.id}**: ${localizedRuleDocs(rule).title}\n\n${localizedRuleDocs(rule).description}`,
      snippet: `${rule.id}: \${1|${SEVERITY_SETTINGS.join(',')}|}`,
      replace: context.word,
      sortText: rule.id,
      retrigger: false,
    }));
  }
  return [];
}

/** What the canvas draws, so what `layout` positions. */
const PLACEABLE: ReadonlySet<string> = new Set<ElementKind>(['cluster', 'host', 'switch', 'array', 'datastore', 'vm', 'guestCluster']);

// ---------------------------------------------------------------------------- values

function valueCompletions(field: AnyField, word: SourceRange, spacer: string, design: DeclaredElements | undefined): CompletionEntry[] {
  if (field.completions) {
    return field.completions.map((value, order) => ({
      label: value,
      kind: 'value',
      detail: typeNameText(field.typeName),
      documentation: localizedFormatText(field.description),
      snippet: spacer + value,
      replace: word,
      sortText: String(order).padStart(4, '0'),
      retrigger: false,
    }));
  }
  if (field.referenceTarget === undefined || !design) return [];
  return design.declarationsOf(targetKinds(field.referenceTarget)).map((declaration, order) => ({
    label: declaration.id,
    kind: 'element',
    elementKind: declaration.kind,
    detail: kindName(declaration.kind),
    snippet: spacer + declaration.id,
    replace: word,
    sortText: String(order).padStart(6, '0'),
    retrigger: false,
  }));
}

function targetKinds(target: ReferenceTarget): ReadonlySet<string> {
  return new Set(target === 'endpoint' ? ['port', 'switch'] : [target]);
}
