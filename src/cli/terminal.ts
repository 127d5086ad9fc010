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
