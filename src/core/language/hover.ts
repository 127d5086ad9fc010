/**
 * Hover: on an id, the element's key facts; on a key (or an enumerated value), what the
 * format says about it: type, description, default.
 */

import type { SourceRange } from '../model/source';
import { cursorContext } from './cursor';
import { describeElement } from './describe';
import type { DesignIndex } from './navigation';
import { fieldAtPath, keyField, type AnyField } from './schema-path';
import { HOVER, typeNameText } from './messages';
import { kindText } from '../model/messages';
import { localizedFormatText } from '../model/format-texts';

export interface Hover {
  readonly markdown: string;
  /** The text the hover is about. */
  readonly range: SourceRange;
}

export function hoverAt(text: string, offset: number, design: DesignIndex): Hover | undefined {
  const reference = design.referenceAt(offset);
  if (reference) {
    const declaration = design.resolve(reference);
    return {
      range: reference.range,
      markdown: declaration ? describeElement(design.topology, declaration) : HOVER.notDeclared({ what: kindText(reference.target, 'portOrSwitch'), id: reference.id }),
    };
  }
  const declaration = design.declarationAt(offset);
  if (declaration) return { range: declaration.idRange, markdown: describeElement(design.topology, declaration) };
  return keyHover(text, offset);
}

function keyHover(text: string, offset: number): Hover | undefined {
  const context = cursorContext(text, offset);
  if (!context || context.word.start === context.word.end) return undefined;
  if (context.position === 'key') {
    const key = text.slice(context.word.start, context.word.end);
    const owner = fieldAtPath(context.path);
    const field = owner && keyField(owner, key);
    return field && { range: context.word, markdown: describeField(key, field) };
  }
  const key = context.path[context.path.length - 1];
  const field = fieldAtPath(context.path);
  if (typeof key !== 'string' || !field?.completions) return undefined;
  return { range: context.word, markdown: describeField(key, field) };
}

export function describeField(key: string, field: AnyField): string {
  const notes = [
    field.required ? HOVER.required({}) : undefined,
    field.defaultValue !== undefined && typeof field.defaultValue !== 'object' ? HOVER.default({ value: String(field.defaultValue) }) : undefined,
  ].filter((note): note is string => note !== undefined);
  const title = HOVER.fieldTitle({ key, type: typeNameText(field.typeName) });
  return [title, localizedFormatText(field.description), ...(notes.length > 0 ? [notes.join(' ')] : [])].join('\n\n');
}
