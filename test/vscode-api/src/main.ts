// Test-only extension: runs the mocha API suite inside the real extension host.
// Active only when the server was started with VTOPO_API_TEST_RESULTS=/abs/results.json.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function activate(context: vscode.ExtensionContext): void {
  registerPeerDiagnostics(context);
  const resultsFile = process.env.VTOPO_API_TEST_RESULTS;
  if (!resultsFile) return;
  const startedMarker = `${resultsFile}.started`;
  // A reconnecting/reloaded window restarts the extension host: run only once.
  if (fs.existsSync(resultsFile) || fs.existsSync(startedMarker)) return;
  fs.writeFileSync(startedMarker, String(process.pid));
  process.setSourceMapsEnabled?.(true); // readable stack traces from the esbuild bundles
  void runSuite(context.extensionPath, resultsFile);
}

export function deactivate(): void {}

/** A VM's host line whose id was typed on (`    host: esx-0048x`): what the peer reports. */
const PEER_PROBLEM = /^ {4}host: \S*x$/;

/** The peer's files: alone (`*.peer.txt`), or with VTopo's problems on the design beside it (`*.peer-problems.txt`). */
const PEER_FILE = /\.peer(-problems)?\.txt$/;

/**
 * The peer of the performance journey's keystroke-to-Problems figure (test/e2e/performance.e2e.mjs):
 * in a file named `*.peer.txt`, an error on each VM host line that ends in `x`, found on the
 * lines each edit touched and published at once, in the change event. It is the least an
 * extension can do between a keystroke and the Problems count: what VS Code itself takes.
 * In a file named `*.peer-problems.txt` it also publishes, every time, the problems VTopo
 * finds in the design (read once from `*.peer-problems.json`, the output of
 * `vtopo check --format json`): what VS Code takes to show that many problems again.
 */
function registerPeerDiagnostics(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection('peer');
  const flagged = new Map<string, Map<number, vscode.Diagnostic>>();
  const standing = new Map<string, vscode.Diagnostic[]>();
  // A warning on the first line says the peer watches the file: the journey waits for it before typing.
  const watching = (document: vscode.TextDocument) => new vscode.Diagnostic(new vscode.Range(0, 0, 0, document.lineAt(0).text.length), 'watched by the peer', vscode.DiagnosticSeverity.Warning);
  const standingOf = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    let diagnostics = standing.get(key);
    if (!diagnostics) {
      diagnostics = document.fileName.endsWith('.peer-problems.txt') ? vtopoProblems(document.uri, document.fileName.replace(/\.txt$/, '.json')) : [];
      standing.set(key, diagnostics);
    }
    return diagnostics;
  };
  const publish = (document: vscode.TextDocument) => {
    if (PEER_FILE.test(document.fileName)) collection.set(document.uri, [watching(document), ...standingOf(document), ...(flagged.get(document.uri.toString())?.values() ?? [])]);
  };
  vscode.workspace.textDocuments.forEach(publish);
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(publish),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (!PEER_FILE.test(document.fileName) || contentChanges.length === 0) return;
      const key = document.uri.toString();
      const lines = flagged.get(key) ?? new Map<number, vscode.Diagnostic>();
      flagged.set(key, lines);
      for (const change of contentChanges) {
        for (let line = change.range.start.line; line <= change.range.start.line + change.text.split('\n').length - 1; line++) {
          const text = document.lineAt(line).text;
          if (PEER_PROBLEM.test(text)) lines.set(line, new vscode.Diagnostic(new vscode.Range(line, 10, line, text.length), 'unknown host (peer)', vscode.DiagnosticSeverity.Error));
          else lines.delete(line);
        }
      }
      publish(document);
    }),
  );
}

interface CliPosition {
  readonly line: number;
  readonly column: number;
}
interface CliFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  readonly range: { readonly start: CliPosition; readonly end: CliPosition };
  readonly related: ReadonlyArray<{ readonly message: string; readonly range: { readonly start: CliPosition; readonly end: CliPosition } }>;
}

const PEER_SEVERITIES = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };

/** The findings of `vtopo check --format json` on one file, as VTopo's extension shows them (code, link, related locations). */
function vtopoProblems(uri: vscode.Uri, jsonFile: string): vscode.Diagnostic[] {
  const output = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { files: Array<{ findings: CliFinding[] }> };
  const range = (r: CliFinding['range']) => new vscode.Range(r.start.line - 1, r.start.column - 1, r.end.line - 1, r.end.column - 1);
  return (output.files[0]?.findings ?? []).map((finding) => {
    const diagnostic = new vscode.Diagnostic(range(finding.range), finding.message, PEER_SEVERITIES[finding.severity]);
    diagnostic.source = 'vtopo';
    diagnostic.code = { value: finding.ruleId, target: vscode.Uri.file('/docs/rules.md').with({ fragment: finding.ruleId }) };
    if (finding.related.length > 0) diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range(related.range)), related.message));
    return diagnostic;
  });
}

function writeResults(resultsFile: string, data: unknown): void {
  const tmp = `${resultsFile}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  fs.renameSync(tmp, resultsFile);
}

function formatError(err: unknown): string {
  if (err instanceof Error) {
    const e = err as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
    let s = e.stack ?? `${e.name}: ${e.message}`;
    if ('expected' in e && 'actual' in e && !/\n\s*[+-] /.test(s)) {
      s += `\n  expected: ${safeJson(e.expected)}\n  actual:   ${safeJson(e.actual)}`;
    }
    return s;
  }
  return String(err);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

async function runSuite(extensionPath: string, resultsFile: string): Promise<void> {
  const tests: TestResult[] = [];
  const started = Date.now();
  try {
    const grep = process.env.VTOPO_API_TEST_GREP;
    const mocha = new Mocha({
      ui: 'bdd',
      timeout: Number(process.env.VTOPO_API_TEST_TIMEOUT ?? 30_000),
      color: false,
      reporter: Mocha.reporters.Base,
      ...(grep ? { grep } : {}),
    });
    const suiteDir = path.join(extensionPath, 'out', 'suite');
    const files = fs
      .readdirSync(suiteDir)
      .filter((f) => f.endsWith('.test.js'))
      .sort()
      .map((f) => path.join(suiteDir, f));
    // Load files ourselves (what mocha.loadFiles does) with the host's real require,
    // so `require('vscode')` inside the suites resolves to the API.
    const req = createRequire(path.join(extensionPath, 'out', 'main.js'));
    for (const file of files) {
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      try {
        const mod = req(file);
        mocha.suite.emit('require', mod, file, mocha);
      } catch (err) {
        tests.push({ title: `load ${path.basename(file)}`, state: 'failed', error: formatError(err) });
      }
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err) =>
        tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: formatError(err) }),
      );
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    });
  } catch (err) {
    tests.push({ title: 'API test runner', state: 'failed', error: formatError(err) });
  }
  const passed = tests.filter((t) => t.state === 'passed').length;
  const failed = tests.filter((t) => t.state === 'failed').length;
  writeResults(resultsFile, {
    passed,
    failed,
    pending: tests.filter((t) => t.state === 'pending').length,
    vscodeVersion: vscode.version,
    durationMs: Date.now() - started,
    tests,
  });
}
