/**
 * The format's own texts: the descriptions of its fields and the hints of its patterns,
 * shown in hover, completion and the designer. They are data, declared with the format at
 * module load and kept in English there (the JSON schema and docs/format.md are English);
 * each is declared as a message template (scope `format.fields`), so that the catalog test
 * holds its translation, and is translated where it is shown (`localizedFormatText`).
 */

import { defineMessages, localize } from '../l10n/messages';

const declared = new Set<string>();

/** Declares a text of the format as a template and returns it unchanged (English). */
export function formatText(english: string): string {
  if (!declared.has(english)) {
    declared.add(english);
    defineMessages('format.fields', { [`text${declared.size}`]: english });
  }
  return english;
}

/** A text of the format (a field's description, a pattern's hint) in the user's language. */
export function localizedFormatText(english: string): string {
  return localize(english);
}
