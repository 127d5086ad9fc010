// The extension's own texts in Simplified Chinese (docs/l10n.md): the contributions of
// package.json through package.nls*.json, and the texts of src/extension through
// vscode.l10n.t and l10n/zh-cn/extension*.json. Read as files: no vscode here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parametersOf } from '../../../src/core/l10n/messages';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const MANIFEST = readFileSync('package.json', 'utf8');
const NLS = readJson('package.nls.json') as Record<string, unknown>;
const NLS_ZH_CN = readJson('package.nls.zh-cn.json') as Record<string, unknown>;

/** The `%key%` placeholders of package.json, in the order they appear. */
function placeholders(): string[] {
  const keys: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const match = /^%([^%\s]+)%$/.exec(value);
      if (match?.[1]) keys.push(match[1]);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  visit(JSON.parse(MANIFEST));
  return keys;
}

describe('package.json contributions by language (package.nls)', () => {
  const used = new Set(placeholders());

  it('the extension and its contributions name their texts by %key%', () => {
    const manifest = JSON.parse(MANIFEST) as {
      displayName: string;
      description: string;
      contributes: {
        commands: { command: string; title: string; category: string }[];
        customEditors: { displayName: string }[];
        configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string }> };
      };
    };
    const isKey = (text: string | undefined) => text !== undefined && /^%[^%\s]+%$/.test(text);
    const texts = [
      manifest.displayName,
      manifest.description,
      manifest.contributes.configuration.title,
      ...manifest.contributes.commands.flatMap((command) => [command.title, command.category]),
      ...manifest.contributes.customEditors.map((editor) => editor.displayName),
      ...Object.values(manifest.contributes.configuration.properties).map((property) => property.markdownDescription ?? property.description),
    ];
    assert.deepEqual(texts.filter((text) => !isKey(text)), []);
  });

  for (const [file, texts] of [['package.nls.json', NLS], ['package.nls.zh-cn.json', NLS_ZH_CN]] as const) {
    it(`${file} has a text for every key package.json uses, and no other`, () => {
      assert.deepEqual([...used].filter((key) => !(key in texts)), [], 'keys without a text');
      assert.deepEqual(Object.keys(texts).filter((key) => !used.has(key)), [], 'texts package.json does not use');
    });

    it(`${file} has no empty text`, () => {
      assert.deepEqual(Object.entries(texts).filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key), []);
    });
  }
});

// ------------------------------------------------------------------ src/extension

const SOURCES = 'src/extension';
const CALL = 'vscode.l10n.t(';

interface Call {
  readonly where: string;
  /** The English text, when the first argument is a literal. */
  readonly text?: string;
  /** The names of the second argument's properties, when it is an object literal. */
  readonly names?: readonly string[];
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

/** The string literal at `start` (a quote), as [its value, the offset after it]; undefined if it is not one without substitutions. */
function readLiteral(source: string, start: number): [string, number] | undefined {
  const quote = source[start];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let value = '';
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index] ?? '';
    if (char === quote) return [value, index + 1];
    if (char === '\\') {
      const next = source[++index] ?? '';
      value += ESCAPES[next] ?? next;
    } else if (quote === '`' && char === '$' && source[index + 1] === '{') {
      return undefined;
    } else if (quote !== '`' && char === '\n') {
      return undefined;
    } else {
      value += char;
    }
  }
  return undefined;
}

/** The property names of the object literal at `start` (`{ a, b: x }`), or undefined if there is none. */
function objectNames(source: string, start: number): string[] | undefined {
  if (source[start] !== '{') return undefined;
  let depth = 0;
  let part = '';
  const parts: string[] = [];
  for (let index = start; index < source.length; index++) {
    const char = source[index] ?? '';
    if (char === "'" || char === '"' || char === '`') {
      const literal = readLiteral(source, index);
      if (!literal) return undefined;
      part += 'literal';
      index = literal[1] - 1;
      continue;
    }
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth--;
    if (depth === 0) {
      parts.push(part);
      return parts.map((entry) => /^\s*([A-Za-z_$][\w$]*)/.exec(entry)?.[1] ?? entry.trim()).filter((name) => name !== '');
    }
    if (depth === 1 && char === ',') {
      parts.push(part);
      part = '';
    } else if (!(depth === 1 && char === '{' && index === start)) {
      part += char;
    }
  }
  return undefined;
}

/** Every vscode.l10n.t call of src/extension/*.ts. */
function l10nCalls(): Call[] {
  const calls: Call[] = [];
  for (const file of readdirSync(SOURCES).filter((name) => name.endsWith('.ts')).sort()) {
    const source = readFileSync(`${SOURCES}/${file}`, 'utf8');
    for (let at = source.indexOf(CALL); at !== -1; at = source.indexOf(CALL, at + 1)) {
      const where = `${file}:${source.slice(0, at).split('\n').length}`;
      let start = at + CALL.length;
      while (/\s/.test(source[start] ?? '')) start++;
      const literal = readLiteral(source, start);
      if (!literal) {
        calls.push({ where });
        continue;
      }
      let next = literal[1];
      while (/\s/.test(source[next] ?? '')) next++;
      if (source[next] !== ',') {
        calls.push({ where, text: literal[0], names: [] });
        continue;
      }
      next++;
      while (/\s/.test(source[next] ?? '')) next++;
      const names = objectNames(source, next);
      calls.push(names ? { where, text: literal[0], names } : { where, text: literal[0] });
    }
  }
  return calls;
}

/** The translations of the extension's texts: l10n/zh-cn/extension*.json. */
function extensionTranslations(): Map<string, string> {
  const translations = new Map<string, string>();
  for (const file of readdirSync('l10n/zh-cn').filter((name) => name.startsWith('extension') && name.endsWith('.json'))) {
    for (const [english, chinese] of Object.entries(readJson(`l10n/zh-cn/${file}`) as Record<string, string>)) translations.set(english, chinese);
  }
  return translations;
}

describe('the extension host\'s texts (vscode.l10n.t)', () => {
  const calls = l10nCalls();
  const translations = extensionTranslations();

  it('finds the texts', () => {
    assert.ok(calls.length > 50, `only ${calls.length} calls found`);
  });

  it('asks for each text by a literal English template, never one built in code', () => {
    assert.deepEqual(calls.filter((call) => call.text === undefined).map((call) => call.where), []);
  });

  it('gives each template exactly its {parameters}', () => {
    const wrong = calls
      .filter((call): call is Required<Call> => call.text !== undefined && call.names !== undefined)
      .filter((call) => parametersOf(call.text).join() !== [...new Set(call.names)].sort().join())
      .map((call) => `${call.where}: "${call.text}" gets {${call.names.join('} {')}}`);
    assert.deepEqual(wrong, []);
  });

  it('every text has a Simplified Chinese translation with the same parameters', () => {
    const missing: string[] = [];
    const mismatched: string[] = [];
    for (const { where, text } of calls) {
      if (text === undefined) continue;
      const chinese = translations.get(text);
      if (chinese === undefined) missing.push(`${where}: ${text}`);
      else if (parametersOf(chinese).join() !== parametersOf(text).join()) mismatched.push(`${where}: ${text}`);
    }
    assert.deepEqual(missing, [], 'texts without a translation in l10n/zh-cn/extension.json');
    assert.deepEqual(mismatched, [], 'translations whose parameters differ');
  });

  it('every translation translates a text the extension asks for (none is left behind when a text changes)', () => {
    const asked = new Set(calls.map((call) => call.text));
    assert.deepEqual([...translations.keys()].filter((english) => !asked.has(english)), []);
  });

  it('names a command as its palette title does', () => {
    const differ: string[] = [];
    for (const [key, english] of Object.entries(NLS)) {
      const chinese = typeof english === 'string' ? translations.get(english) : undefined;
      if (key.startsWith('command.') && chinese !== undefined && chinese !== NLS_ZH_CN[key]) differ.push(`${english}: ${chinese}, but the title is ${String(NLS_ZH_CN[key])}`);
    }
    assert.deepEqual(differ, []);
  });
});

/**
 * Where the extension hands VS Code a text for people: the first argument of a message,
 * and the properties of quick picks, progress, dialogs, CodeLenses and panels that VS Code
 * shows. A literal there (`showInformationMessage('Open a file')`) bypasses the bundle.
 */
const SHOWN_TEXT = /\b(?:show(?:Information|Warning|Error)Message|createWebviewPanel\([^,]+,)\(?\s*['"`]|\b(?:title|placeHolder|prompt|tooltip|filterName|what|openLabel|saveLabel)\s*:\s*['"`][A-Za-z]/g;

describe('the extension host\'s texts are never literals', () => {
  it('finds no text for people written as a literal in src/extension', () => {
    const literals: string[] = [];
    for (const file of readdirSync(SOURCES).filter((name) => name.endsWith('.ts')).sort()) {
      const source = readFileSync(`${SOURCES}/${file}`, 'utf8');
      for (const match of source.matchAll(SHOWN_TEXT)) literals.push(`${file}:${source.slice(0, match.index).split('\n').length}: ${match[0]}`);
    }
    assert.deepEqual(literals, []);
  });

  it('would find one', () => {
    const sample = "void vscode.window.showInformationMessage('Open a .vtopo file first.');\nconst pick = { title: 'Which host?' };";
    assert.equal([...sample.matchAll(SHOWN_TEXT)].length, 2);
  });
});
