// Runs `vtopo` in-process against real files in a fresh temporary directory, capturing output.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nodeFileSystem } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Workspace {
  readonly dir: string;
  /** Runs `vtopo ...args` with the workspace as working directory. */
  vtopo(...args: string[]): Promise<CliResult>;
}

/** Creates the files (relative path -> text or bytes), runs the body, removes everything. */
export async function inWorkspace(files: Readonly<Record<string, string | Uint8Array>>, body: (workspace: Workspace) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vtopo-cli-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    await body({ dir, vtopo: (...args) => runInDirectory(dir, args) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runInDirectory(cwd: string, args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    files: nodeFileSystem(cwd),
  });
  return { exitCode, stdout, stderr };
}

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
/** The reference design examples/seed-000-fq1616r.vtopo (relative to the repository root): no errors; LAN warnings (one network card per host) and hints. */
export const SEED_000 = 'examples/seed-000-fq1616r.vtopo';

/**
 * A small design with known problems on the lines the tests point at: line 8 a misspelt
 * key, line 9 a reference to an undeclared cluster after an emoji (two UTF-16 code units),
 * line 11 a single-controller array, line 14 the datastore on it.
 */
export const BROKEN_DESIGN = [
  'vtopo: 1',
  'clusters:',
  '  prod: {}',
  'hosts:',
  '  esx-01:',
  '    cluster: prod',
  '    cpu: { cores: 8, speed: 2 GHz }',
  '    memroy: 64 GB',
  '  esx-02: { model: "🚀 rack", cluster: prd, cpu: { cores: 8, speed: 2 GHz }, memory: 64 GB }',
  'arrays:',
  '  av:',
  '    model: AV100-G6',
  'datastores:',
  '  ds1: { protocol: vmfs, array: av }',
  '',
].join('\n');
