// The extension's own texts in Simplified Chinese (docs/l10n.md): the contributions of
// package.json through package.nls*.json, and the texts of src/extension through
// vscode.l10n.t and l10n/zh-cn/extension*.json. Read as files: no vscode here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

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
