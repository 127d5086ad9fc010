/** What the generators of scripts/generate-docs.ts share: how they write text, and in which language. */

import { useLanguage } from '../../src/core/l10n/messages';

export const GENERATOR = 'scripts/generate-docs.ts';

/** Text as one cell of a Markdown table: on one line, its bars escaped. */
export function tableCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

/** Sentences one after the other: a space after an English one, none after a Chinese one. */
export function joinSentences(...sentences: readonly string[]): string {
  return sentences.filter((sentence) => sentence !== '').reduce((text, sentence) => (text === '' || /[\u3000-\u303f\uff00-\uffef]$/.test(text) ? `${text}${sentence}` : `${text} ${sentence}`), '');
}

/** What `generate` returns with the texts of src/core in Chinese from `bundle`; English again afterwards. */
export function inChinese<T>(bundle: Readonly<Record<string, string>>, generate: () => T): T {
  useLanguage('zh-cn', bundle);
  try {
    return generate();
  } finally {
    useLanguage('en', undefined);
  }
}
