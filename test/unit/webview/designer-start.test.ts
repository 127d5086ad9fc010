import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

/** The webview modules that only define things: every one but the entries (webview/*.ts). */
const modules = ['webview/designer', 'webview/common'].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => join(dir, name)));

describe('designer start-up', () => {
  it('builds nothing when its modules are imported: Node has no DOM, so a module touching it would throw', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    for (const path of modules) await import(pathToFileURL(path).href);
    assert.ok(modules.includes(join('webview', 'designer', 'app.ts')));
    const app: { start?: unknown } = await import(pathToFileURL(join('webview', 'designer', 'app.ts')).href);
    assert.equal(typeof app.start, 'function', 'start-up is one explicit call');
  });
});
