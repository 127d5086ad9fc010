/**
 * Text for a terminal: a design's ids, names and keys, and file names, may hold control
 * characters (an ESC starting a sequence that clears the screen or recolours the output, a
 * BEL, a C1 CSI). Text output shows each one visibly as `\xNN` instead of sending it.
 */

/** Control characters: C0 (but the line feed that ends lines), DEL and C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character but LF written as `\xNN` (ESC as `\x1b`). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** East Asian wide characters (CJK ideographs, kana, hangul, full-width forms and punctuation) take two columns of a terminal. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** How many terminal columns a text takes: its length, plus one for each wide character. */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
