import assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs inside VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
  });

  it('has a workspace folder open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const expected = process.env.VTOPO_API_TEST_WORKSPACE;
    if (expected) assert.equal(folders[0].uri.fsPath, expected);
  });

  it('has the VTopo extension installed', async () => {
    const ext = vscode.extensions.getExtension('vtopo.vtopo');
    assert.ok(ext, 'extension vtopo.vtopo is not installed');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
