// The designer (custom text editor) inside the real extension host: opening it leaves the
// file untouched, intents become one undoable edit each, and stale intents are rejected.
// The canvas is simulated by calling the host's intent function directly.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exampleUri, waitFor } from './helpers';
import { applyDesignerIntent } from '../../../src/extension/designer';
import { parseVtopo } from '../../../src/core/model/parse';

const EXAMPLE = 'seed-000-fq1616r.vtopo';

function designerTabs(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputCustom && tab.input.viewType === 'vtopo.designer' && tab.input.uri.toString() === uri.toString());
}

async function openInDesigner(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.openWith', uri, 'vtopo.designer');
  await waitFor('the designer tab', () => designerTabs(uri).length > 0);
  return vscode.workspace.openTextDocument(uri);
}

/** Lines of `after` that differ from `before`, which must have as many lines. */
function changedLines(before: string, after: string): Array<{ line: number; before: string; after: string }> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'the edit adds or removes no line');
  return a.flatMap((line, index) => (line === b[index] ? [] : [{ line: index, before: line, after: b[index] ?? '' }]));
}

/**
 * Undo from a text editor of the document, as a user would. `undo` acts on the focused
 * editor; on a loaded machine the text editor may take a moment to get focus back from the
 * webview, so try again (an undo with nothing left to undo does nothing).
 */
async function undoInTextEditor(document: vscode.TextDocument, original: string): Promise<void> {
  for (let attempt = 0; attempt < 5 && document.getText() !== original; attempt++) {
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    await vscode.commands.executeCommand('undo');
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline && document.getText() !== original) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(document.getText(), original, 'undo restores the text exactly');
}

describe('VTopo designer in the extension host', () => {
  let onDisk: Uint8Array;

  before(async () => {
    const extension = vscode.extensions.getExtension('vtopo.vtopo');
    assert.ok(extension, 'vtopo.vtopo is not installed');
    await extension.activate();
    onDisk = await vscode.workspace.fs.readFile(exampleUri(EXAMPLE));
  });

  afterEach(async () => {
    // Put the example back as it was on disk, then close everything without a save prompt.
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === exampleUri(EXAMPLE).toString());
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes the designer command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('vtopo.openDesigner'));
  });

  it('opens a design without touching it; saving it unchanged keeps every byte', async () => {
    const uri = exampleUri(EXAMPLE);
    const document = await openInDesigner(uri);
    // Give the webview time to load and ask for the design.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(document.isDirty, false);
    assert.equal(document.getText(), new TextDecoder().decode(onDisk));
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.deepEqual(await vscode.workspace.fs.readFile(uri), onDisk);
  });

  it('opens beside the text with "Open Designer to the Side"', async () => {
    const uri = exampleUri(EXAMPLE);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('vtopo.openDesigner');
    const tab = await waitFor('the designer tab', () => designerTabs(uri)[0]);
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the designer opens in another column');
    assert.equal(document.isDirty, false);
  });

  it('moves a VM with one minimal edit that undo takes back exactly', async () => {
    const uri = exampleUri(EXAMPLE);
    const document = await openInDesigner(uri);
    const original = document.getText();
    const outcome = await applyDesignerIntent(document, { type: 'move-vm', vm: 'web-01', host: 'esx-01', baseVersion: document.version });
    assert.deepEqual(outcome, { applied: true, dangling: [] });
    assert.equal(document.isDirty, true);
    const changed = changedLines(original, document.getText());
    assert.deepEqual(changed.map(({ before, after }) => [before, after]), [['    host: esx-02', '    host: esx-01']]);
    assert.match(original.split('\n')[(changed[0]?.line ?? 0) - 1] ?? '', /^ {2}web-01:$/, 'the changed line is web-01\'s host');

    await undoInTextEditor(document, original);
    assert.equal(document.isDirty, false, 'back at the saved version');
  });

  it('deletes a host in one undo step and reports the elements left naming it', async () => {
    const uri = exampleUri(EXAMPLE);
    const document = await openInDesigner(uri);
    const original = document.getText();
    const outcome = await applyDesignerIntent(document, { type: 'delete-element', id: 'esx-02', baseVersion: document.version });
    assert.equal(outcome.applied, true);
    assert.ok(outcome.applied && outcome.dangling.includes('web-01'), `dangling: ${outcome.applied ? outcome.dangling.join(', ') : ''}`);
    assert.ok(!/^ {2}esx-02:/m.test(document.getText()), 'the host is gone');
    await undoInTextEditor(document, original);
  });

  it('rejects a stale intent and an impossible one, leaving the text alone', async () => {
    const uri = exampleUri(EXAMPLE);
    const document = await openInDesigner(uri);
    const seen = document.version;
    const first = await applyDesignerIntent(document, { type: 'set-field', id: 'web-01', key: 'cpus', value: '4', baseVersion: seen });
    assert.equal(first.applied, true);
    const afterFirst = document.getText();
    const stale = await applyDesignerIntent(document, { type: 'move-vm', vm: 'web-01', host: 'esx-01', baseVersion: seen });
    assert.equal(stale.applied, false);
    assert.match(stale.applied ? '' : stale.reason, /changed meanwhile/);
    const impossible = await applyDesignerIntent(document, { type: 'move-vm', vm: 'web-01', host: 'nowhere', baseVersion: document.version });
    assert.deepEqual(impossible, { applied: false, reason: 'unknown host "nowhere"' });
    assert.equal(document.getText(), afterFirst);
  });

  it('edits a file with CRLF line endings: the edits read and the line endings stay CRLF', async () => {
    const uri = vscode.Uri.joinPath(exampleUri(EXAMPLE), '..', 'crlf-copy.vtopo');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(new TextDecoder().decode(onDisk).replace(/\r?\n/g, '\r\n')));
    try {
      const document = await openInDesigner(uri);
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      const intents = [
        { type: 'set-field', id: 'esx-01', key: 'maxVms', value: '120' },
        { type: 'add-element', element: { kind: 'vm', id: 'crlf-vm', host: 'esx-01' } },
        { type: 'add-link', from: 'fc-a/20', to: 'fc-b/20' },
        { type: 'set-position', id: 'fc-a', position: { x: 250, y: 300 } },
      ] as const;
      for (const intent of intents) {
        const outcome = await applyDesignerIntent(document, { ...intent, baseVersion: document.version });
        assert.equal(outcome.applied, true, `${intent.type}: ${outcome.applied ? '' : outcome.reason}`);
      }
      const text = document.getText();
      assert.deepEqual(parseVtopo(text).problems.map((p) => p.message), []);
      assert.deepEqual(text.match(/(?<!\r)\n|\r(?!\n)/g) ?? [], [], 'every line break is CRLF');
      assert.match(text, /\r\n {4}maxVms: 120\r\n/);
      assert.match(text, /\r\n {2}- \[fc-a\/20, fc-b\/20\]\r\n/);
      assert.match(text, /\r\n {2}fc-a: \{ x: 250, y: 300 \}/);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('applies intents sent together one after the other: the second is stale', async () => {
    const uri = exampleUri(EXAMPLE);
    const document = await openInDesigner(uri);
    const seen = document.version;
    const [first, second] = await Promise.all([
      applyDesignerIntent(document, { type: 'set-position', id: 'esx-01', position: { x: 120, y: 100 }, baseVersion: seen }),
      applyDesignerIntent(document, { type: 'set-position', id: 'esx-02', position: { x: 420, y: 100 }, baseVersion: seen }),
    ]);
    assert.equal(first.applied, true);
    assert.equal(second.applied, false);
    assert.match(document.getText(), /esx-01: \{ x: 120, y: 100 \}/);
    assert.match(document.getText(), /esx-02: \{ x: 400, y: 100 \}/);
  });
});
