// "VTopo: Import Inventory..." inside the real extension host, run with a source and a target
// URI (no dialogs) on the small generated RVTools estate written into the test workspace.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { importInventory } from '../../../src/core/import/import-inventory';
import type { ImportCommandResult } from '../../../src/extension/import-command';
import { smallEstateFiles } from '../../fixtures/rvtools/small-estate';
import { waitFor } from './helpers';

const COMMAND = 'vtopo.importInventory';

function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'import-test', ...path);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** Waits until the design's diagnostics name every rule of `codes`; returns the codes found. */
async function waitForCodes(uri: vscode.Uri, codes: readonly string[]): Promise<Set<string>> {
  return waitFor(`${codes.join(', ')} on ${uri.path}`, () => {
    const found = new Set(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vtopo').map(codeOf));
    return codes.every((code) => found.has(code)) ? found : undefined;
  });
}

function isOpen(uri: vscode.Uri): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString());
}

async function run(...args: unknown[]): Promise<ImportCommandResult | undefined> {
  return vscode.commands.executeCommand<ImportCommandResult | undefined>(COMMAND, ...args);
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('VTopo: Import Inventory in the extension host', () => {
  const files = smallEstateFiles();

  before(async () => {
    const extension = vscode.extensions.getExtension('vtopo.vtopo');
    assert.ok(extension, 'vtopo.vtopo is not installed');
    await extension.activate();
    for (const file of files) await vscode.workspace.fs.writeFile(workspaceUri(file.name), file.bytes);
    await vscode.workspace.fs.writeFile(workspaceUri('notes.txt'), new TextEncoder().encode('not an inventory\n'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is in the palette with no condition, as "VTopo: Import Inventory..."', () => {
    const manifest = vscode.extensions.getExtension('vtopo.vtopo')?.packageJSON as {
      contributes: { commands: { command: string; title: string; category?: string }[]; menus: { commandPalette: { command: string }[] } };
    };
    const command = manifest.contributes.commands.find((c) => c.command === COMMAND);
    assert.deepEqual(command && `${command.category}: ${command.title}`, 'VTopo: Import Inventory...');
    assert.ok(!manifest.contributes.menus.commandPalette.some((entry) => entry.command === COMMAND), 'no when clause hides it');
  });

  it('imports a workbook into the target, opens it and shows its problems', async () => {
    const source = workspaceUri('estate.xlsx');
    const target = workspaceUri('estate.vtopo');
    const result = await run(source, target);
    assert.ok(result && 'design' in result, JSON.stringify(result));
    assert.equal(result.design.toString(), target.toString());
    assert.deepEqual(result.summary.counts, [['cluster', 1], ['host', 3], ['VM', 8], ['datastore', 7]]);
    const written = decode(await vscode.workspace.fs.readFile(target));
    const expected = await importInventory({ name: 'estate.xlsx', bytes: await vscode.workspace.fs.readFile(source) });
    assert.equal(written, expected.text, 'the file is what importInventory gives');
    assert.match(written, /^# Imported by vtopo import from estate\.xlsx/);
    await waitFor('the design in an editor', () => isOpen(target));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'vtopo');
    const codes = await waitForCodes(target, ['lun-single-path', 'cabling-unknown']);
    assert.ok(codes.has('ha-disabled'), [...codes].join(', '));
  });

  it('imports the folder of a picked RVTools_tab*.csv file: every RVTools_tab*.csv beside it', async () => {
    const target = workspaceUri('export.vtopo');
    const result = await run(workspaceUri('export', 'RVTools_tabvHost.csv'), target);
    assert.ok(result && 'design' in result, JSON.stringify(result));
    const csv = files.filter((file) => file.name.startsWith('export/')).map((file) => ({ name: file.name.slice('export/'.length), bytes: file.bytes }));
    assert.equal(csv.length, 16);
    const expected = await importInventory({ name: 'export', files: csv });
    assert.equal(decode(await vscode.workspace.fs.readFile(target)), expected.text);
    const fromWorkbook = decode(await vscode.workspace.fs.readFile(workspaceUri('estate.vtopo')));
    const body = (text: string) => text.split('\n').filter((line, index) => index > 0 && !line.startsWith('inventory:')).join('\n');
    assert.equal(body(expected.text), body(fromWorkbook), 'the folder gives the workbook\'s design');
    await waitFor('the design in an editor', () => isOpen(target));
    await waitForCodes(target, ['lun-single-path', 'cabling-unknown']);
  });

  it('imports a folder named by a caller the same way', async () => {
    const target = workspaceUri('export-folder.vtopo');
    const result = await run(workspaceUri('export'), target);
    assert.ok(result && 'design' in result, JSON.stringify(result));
    assert.equal(decode(await vscode.workspace.fs.readFile(target)), decode(await vscode.workspace.fs.readFile(workspaceUri('export.vtopo'))));
  });

  it('shows one line and writes nothing for a file that is not an export, a missing file (CSV or not) or a folder without one', async () => {
    const cases: [vscode.Uri, string, RegExp][] = [
      [workspaceUri('notes.txt'), 'notes.vtopo', /^VTopo: notes\.txt is not an RVTools export \(\.xlsx, or RVTools_tab\*\.csv files in a folder or \.zip\) nor a JSON inventory$/],
      [workspaceUri('missing.xlsx'), 'missing.vtopo', /^VTopo: cannot read missing\.xlsx: no such file or folder$/],
      [workspaceUri('export', 'RVTools_tabvFloppy.csv'), 'floppy.vtopo', /^VTopo: cannot read RVTools_tabvFloppy\.csv: no such file or folder$/],
      [workspaceUri(), 'nothing.vtopo', /^VTopo: folder import-test has no RVTools_tab\*\.csv files; found: .*notes\.txt/],
    ];
    for (const [source, name, message] of cases) {
      const target = workspaceUri(name);
      const result = await run(source, target);
      assert.ok(result && 'error' in result, `${source.path}: ${JSON.stringify(result)}`);
      assert.match(result.error, message);
      assert.ok(!result.error.includes('\n'), 'one line');
      assert.equal(await exists(target), false, `${name} not written`);
    }
    assert.equal(vscode.window.visibleTextEditors.length, 0, 'nothing opened');
  });

  it('refuses arguments that are not URIs with a message, not a crash', async () => {
    const string = await run('estate.xlsx');
    assert.deepEqual(string, { error: 'VTopo: Import Inventory takes a file URI as its first argument (the inventory), not a string.' });
    const array = await run(workspaceUri('estate.xlsx'), [workspaceUri('x.vtopo')]);
    assert.deepEqual(array, { error: 'VTopo: Import Inventory takes a file URI as its second argument (the design to write), not an array.' });
    const object = await run({ path: '/etc/passwd', scheme: 'file' });
    assert.ok(object && 'error' in object && /not an object\.$/.test(object.error), JSON.stringify(object));
  });
});
