/**
 * What the designer's property panel shows for an element: its scalar fields as the
 * format declares them (nested settings such as `cpu.cores` with dotted keys), each with
 * the value exactly as written in the file, its type, description and, for enumerations
 * and references, the values it may take. Pure: the same topology and text give the same
 * details. Lists and an element's own sub-elements (ports, adapters) are not its fields:
 * sub-elements have details of their own.
 */

import { asReadMapping, findElement, holdsElements, type ReadMapping } from '../edit/elements';
import type { Field, ReferenceTarget } from '../model/schema';
import type { Topology } from '../model/topology';
import type { ElementDetails, ElementField } from './designer-protocol';
import { localizedFormatText } from '../model/format-texts';
import { typeNameText } from '../language/messages';

type Shape = Readonly<Record<string, Field<unknown>>>;

/** How deep settings nest inside an element (`reservation.memoryMB` is depth 2). */
const MAX_KEY_DEPTH = 3;

/**
 * The editable fields of one declared element (a host, VM, switch, array, datastore, or a
 * nested one: a controller, an adapter, a port), or undefined when the file declares no
 * such element. The canvas asks for the element its property panel shows.
 */
export function elementDetails(topology: Topology, text: string, id: string): ElementDetails | undefined {
  const declaration = topology.declarations.get(id);
  const element = declaration ? findElement(topology, id) : undefined;
  if (!declaration || !element) return undefined;
  return { id, kind: declaration.kind, fields: fieldsOf(element.shape, element, text, '', 1, referenceChoices(topology)) };
}

/** Ids the file declares, by the kind a reference may name (`endpoint`: ports and switches). */
function referenceChoices(topology: Topology): (target: ReferenceTarget) => readonly string[] {
  const byTarget = new Map<ReferenceTarget, string[]>();
  const add = (target: ReferenceTarget, id: string) => {
    const ids = byTarget.get(target);
    if (ids) ids.push(id);
    else byTarget.set(target, [id]);
  };
  for (const declaration of topology.declarations.values()) {
    add(declaration.kind, declaration.id);
    if (declaration.kind === 'port' || declaration.kind === 'switch') add('endpoint', declaration.id);
  }
  return (target) => byTarget.get(target) ?? [];
}

function fieldsOf(
  shape: Shape,
  mapping: ReadMapping | undefined,
  text: string,
  prefix: string,
  depth: number,
  choicesFor: (target: ReferenceTarget) => readonly string[],
): ElementField[] {
  const fields: ElementField[] = [];
  for (const [fieldKey, field] of Object.entries(shape)) {
    if (holdsElements(field) || field.items) continue;
    const written = mapping?.source.fields[fieldKey];
    const children = field.children?.();
    if (children) {
      if (depth >= MAX_KEY_DEPTH) continue;
      const nested = written ? asReadMapping(mapping?.values[fieldKey]) : undefined;
      // A nested block written in a form the reader could not take apart is edited in the text.
      if (written && !nested) continue;
      fields.push(...fieldsOf(children, nested, text, `${prefix}${fieldKey}.`, depth + 1, choicesFor));
      continue;
    }
    // The key as the file spells it (`memory: 384 GB` for memoryMB), else the spelling with units.
    const key = written ? unquoted(text.slice(written.key.start, written.key.end)) : preferredKey(fieldKey, field);
    const spelled = alternateField(fieldKey, field, key) ?? field;
    const choices = field.referenceTarget ? choicesFor(field.referenceTarget) : field.completions;
    fields.push({
      key: `${prefix}${key}`,
      value: written ? text.slice(written.value.start, written.value.end).trimEnd() : undefined,
      typeName: readable(spelled.typeName),
      typeText: readable(typeNameText(spelled.typeName)),
      description: localizedFormatText(field.description),
      ...(choices && choices.length > 0 ? { choices: [...choices] } : {}),
    });
  }
  return fields;
}

/** For a measured value (`memoryMB`), the key that takes a unit (`memory: 512 GB`); else its own key. */
function preferredKey(fieldKey: string, field: Field<unknown>): string {
  const withUnit = field.alternateKeys?.(fieldKey).find((alternate) => alternate.field.typeName.includes(' with unit'));
  return withUnit?.key ?? fieldKey;
}

function alternateField(fieldKey: string, field: Field<unknown>, key: string): Field<unknown> | undefined {
  if (key === fieldKey) return undefined;
  return field.alternateKeys?.(fieldKey).find((alternate) => alternate.key === key)?.field;
}

function unquoted(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/** The format writes enumerations for Markdown (`` `a` \\| `b` ``); the panel shows plain text. */
function readable(typeName: string): string {
  return typeName.replaceAll('\\|', '|').replaceAll('`', '');
}
