/**
 * JSON inventories (the Proxmox and Hyper-V importers read them). JSON.parse only: it never runs
 * code, and a "__proto__" key becomes an own property of the parsed object instead of changing
 * any prototype. Callers must not merge parsed objects into shared ones (Object.assign, spread).
 */

import { ImportInputError } from './errors';
import { defineMessages } from '../../l10n/messages';

const MESSAGES = defineMessages('import.json', {
  invalid: '{file} is not valid JSON (line {line}, column {column}): {reason}',
  syntaxError: 'syntax error',
});

/** Whether text looks like JSON: its first character that is not whitespace is `{` or `[`. */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text.slice(0, 4096))?.[0];
  return first === '{' || first === '[';
}

export function parseJsonInventory(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = lineAndColumn(text, jsonErrorOffset(text, message));
    throw new ImportInputError('invalid-json', file, MESSAGES.invalid({ file, line: String(line), column: String(column), reason: jsonErrorReason(message) }));
  }
}

/** Where the text stops being JSON: found by a scan of our own, since engines word (or omit) the position differently. */
function jsonErrorOffset(text: string, message: string): number {
  const scanned = firstJsonErrorOffset(text);
  if (scanned >= 0) return scanned;
  const position = /position (\d+)/i.exec(message);
  return position ? Math.min(Number(position[1]), text.length) : text.length;
}

// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** The offset of the first character that makes text invalid JSON, or -1 when it is valid. Iterative, so deep nesting cannot overflow the stack. */
export function firstJsonErrorOffset(text: string): number {
  let at = 0;
  const closers: string[] = [];
  let expect: 'value' | 'key' | 'after-value' = 'value';
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(text);
    at = WHITESPACE.lastIndex;
  };
  const token = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    if (!pattern.test(text)) return false;
    at = pattern.lastIndex;
    return true;
  };
  for (;;) {
    skipWhitespace();
    const char = text[at];
    if (expect === 'value') {
      if (char === '{' || char === '[') {
        closers.push(char === '{' ? '}' : ']');
        at++;
        skipWhitespace();
        if (text[at] === closers.at(-1)) {
          closers.pop();
          at++;
          expect = 'after-value';
        } else expect = char === '{' ? 'key' : 'value';
        continue;
      }
      if (!token(STRING) && !token(SCALAR)) return at;
      expect = 'after-value';
    } else if (expect === 'key') {
      if (!token(STRING)) return at;
      skipWhitespace();
      if (text[at] !== ':') return at;
      at++;
      expect = 'value';
    } else {
      const closer = closers.at(-1);
      if (closer === undefined) return at < text.length ? at : -1;
      if (char === ',') {
        at++;
        expect = closer === '}' ? 'key' : 'value';
      } else if (char === closer) {
        closers.pop();
        at++;
      } else return at;
    }
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/** The engine's message without its position and without the copy of the text newer V8 adds. */
function jsonErrorReason(message: string): string {
  const reason = message
    .replace(/^JSON\.parse: /, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ (in JSON )?at position \d+.*$/is, '')
    .replace(/ at line \d+ column \d+.*$/is, '')
    .replace(/\s+/g, ' ')
    .trim();
  return reason === '' ? MESSAGES.syntaxError({}) : reason;
}
