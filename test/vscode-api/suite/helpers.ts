// Helpers shared by the API suites (bundled into each suite file by build.mjs).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** How long a suite waits for the extension to react (diagnostics, editors, webviews). */
export const TIMEOUT_MS = 15_000;

/** An example design in the test workspace (the repo's examples/ is copied in). */
export function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'examples', name);
}

/** Polls `probe` until it returns a value (not undefined or false), or fails after TIMEOUT_MS. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
