// VTopo inside the real extension host: diagnostics, quick fixes and language features
// through the public VS Code API, on the repo's examples (copied into the workspace).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exampleUri, waitFor } from './helpers';

async function openExample(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(exampleUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** VTopo's problems for a file: its diagnostics less the hints (the capacity report, design notes). */
function vtopoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vtopo' && d.severity !== vscode.DiagnosticSeverity.Hint);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return String(code);
}

function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = document.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" not found in ${document.uri.path}`);
  }
  return document.positionAt(index);
}

describe('VTopo in the extension host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension('vtopo.vtopo');
    assert.ok(extension, 'vtopo.vtopo is not installed');
    await extension.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens .vtopo files in the vtopo language', async () => {
    const document = await openExample('seed-000-fq1616r.vtopo');
    assert.equal(document.languageId, 'vtopo');
  });

  it('reports exactly the findings the AV100-G6 example promises, linked to their docs', async () => {
    const document = await openExample('iscsi-av100-g6.vtopo');
    const diagnostics = await waitFor('AV100-G6 diagnostics', () => {
      const found = vtopoDiagnostics(document.uri);
      return new Set(found.map(codeOf)).size >= 4 ? found : undefined;
    });
    assert.deepEqual([...new Set(diagnostics.map(codeOf))].sort(), ['array-single-controller', 'heartbeat-single-path', 'storage-path-spof', 'vm-local-datastore']);
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code !== null, 'diagnostic code carries a link');
      assert.ok(code.target.path.endsWith('/docs/rules.md'), code.target.toString());
      assert.equal(code.target.fragment, codeOf(diagnostic));
    }
    const local = diagnostics.find((d) => codeOf(d) === 'vm-local-datastore');
    assert.equal(local?.severity, vscode.DiagnosticSeverity.Error);
    assert.ok((local?.relatedInformation?.length ?? 0) > 0, 'related information points at the datastore');
    const array = diagnostics.find((d) => codeOf(d) === 'array-single-controller');
    assert.equal(array?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('shows the HA capacity report as a hint on the cluster', async () => {
    const document = await openExample('seed-000-fq1616r.vtopo');
    const report = await waitFor('the capacity report hint', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'vtopo' && codeOf(d) === 'ha-capacity-report'),
    );
    assert.equal(report.severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(document.getText(report.range), 'prod');
    assert.match(report.message, /failover capacity CPU \d+%, memory \d+%/);
  });

  it('reports no problem for the fully redundant Hyper-V design', async () => {
    const document = await openExample('hyperv-guest-cluster.vtopo');
    // Give the analyzer time to publish, then check that it published nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(vtopoDiagnostics(document.uri).map((d) => `${codeOf(d)}: ${d.message}`), []);
  });

  it('flags a typo as it is typed and repairs it with the quick fix', async () => {
    // The Hyper-V example has no problem, so "the diagnostic clears" means none is left.
    const document = await openExample('hyperv-guest-cluster.vtopo');
    const keyStart = positionOf(document, 'restartPriority: highest');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(keyStart, keyStart.translate(0, 'restartPriority'.length)), 'restartPriorty');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostic = await waitFor('unknown-key diagnostic', () => vtopoDiagnostics(document.uri).find((d) => codeOf(d) === 'unknown-key'));
    assert.match(diagnostic.message, /restartPriorty.*Did you mean "restartPriority"/);
    assert.equal(document.getText(diagnostic.range), 'restartPriorty');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.includes('restartPriority'));
    assert.ok(fix?.edit, `no quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor('the diagnostic to clear', () => vtopoDiagnostics(document.uri).length === 0);
    assert.ok(document.getText().includes('restartPriority: highest'));
  });

  it('shows a file\'s first 1,000 problems, errors first, says how many more there are, and all of them once they are fewer', async () => {
    // The Hyper-V example has no problem; 1,100 VMs on a host it does not have make 1,000
    // unresolved references and the rule's summary of the other 100, beside its two hints.
    const example = await openExample('hyperv-guest-cluster.vtopo');
    const bad = Array.from({ length: 1100 }, (_, index) => `  bad-${String(index).padStart(4, '0')}: { host: nowhere, cpus: 1, memory: 1 GB }\n`).join('');
    const document = await vscode.workspace.openTextDocument({ language: 'vtopo', content: example.getText().replace('\nvms:\n', `\nvms:\n${bad}`) });
    await vscode.window.showTextDocument(document);
    const all = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'vtopo');
    const shown = await waitFor('the first 1,000 problems and the note on the rest', () => (all().length === 1001 ? all() : undefined));
    assert.equal(shown.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 1000);
    const note = shown.filter((d) => d.severity === vscode.DiagnosticSeverity.Information);
    assert.equal(note.length, 1);
    assert.match(note[0]?.message ?? '', /^Not showing 3 further problems: a file shows its first 1,000, errors first\.$/);

    // Without 150 of those VMs: 950 errors and the two hints, all shown.
    const first = positionOf(document, '  bad-0000:');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, new vscode.Range(first, first.translate(150, 0)));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitFor('every problem, once there are fewer than 1,000', () => (all().length === 952 ? all() : undefined));
    assert.equal(after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 950);
    assert.deepEqual(after.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).map(codeOf).sort(), ['ha-capacity-report', 'management-self-dependency']);
    assert.ok(!after.some((d) => /Not showing/.test(d.message)));
  });

  it('completes host ids where a VM names its host', async () => {
    const document = await openExample('seed-000-fq1616r.vtopo');
    const valueStart = positionOf(document, 'host: esx-02').translate(0, 'host: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, valueStart);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('esx-01') && labels.includes('esx-02'), `labels: ${labels.join(', ')}`);
    assert.ok(!labels.includes('vmfs-01'), 'a datastore is not offered as a host');
  });

  it('completes from the lines of a document with CRLF breaks as from one with LF: values, and keys less those present', async () => {
    const lf = await openExample('seed-000-fq1616r.vtopo');
    const crlf = await vscode.workspace.openTextDocument({ language: 'vtopo', content: lf.getText().replace(/\r?\n/g, '\r\n') });
    // Shown last, so that the suite's clean-up reverts and closes it (unshown, the untitled document kept the clean-up waiting).
    await vscode.window.showTextDocument(crlf);
    assert.equal(crlf.eol, vscode.EndOfLine.CRLF);
    const labelsAt = async (document: vscode.TextDocument, position: vscode.Position) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      // VTopo's own items; the language's snippets (`host`, `vm`...) come from VS Code.
      return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet).map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).sort();
    };
    for (const document of [lf, crlf]) {
      const value = await labelsAt(document, positionOf(document, 'host: esx-02').translate(0, 'host: '.length));
      assert.ok(value.includes('esx-01') && !value.includes('vmfs-01'), `${document.eol}: ${value.join(', ')}`);
      // At the start of web-01's "cpus" key: the keys of a VM that web-01 does not have yet (host, memory... are its siblings).
      const keys = await labelsAt(document, positionOf(document, 'cpus: 2').translate(0, 0));
      assert.ok(keys.includes('protection') && !keys.includes('memory') && !keys.includes('host'), `${document.eol}: ${keys.join(', ')}`);
    }
    assert.deepEqual(await labelsAt(crlf, positionOf(crlf, 'cpus: 2')), await labelsAt(lf, positionOf(lf, 'cpus: 2')));
  });

  it('hovers a reference with the element it names, and goes to its definition', async () => {
    const document = await openExample('seed-000-fq1616r.vtopo');
    const reference = positionOf(document, 'host: esx-02').translate(0, 'host: '.length + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, reference);
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /esx-02/);
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, reference);
    assert.equal(definitions.length, 1);
    const target = definitions[0];
    const range = target && 'targetRange' in target ? (target.targetSelectionRange ?? target.targetRange) : target?.range;
    assert.ok(range);
    assert.equal(range.start.line, positionOf(document, '  esx-02:\n').line);
  });

  it('answers hover and definition through edits made since the design was read, and reads it again for edited text', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'vtopo', content: 'vtopo: 1\nhosts:\n  esx-01: {}\n  esx-02: {}\nvms:\n  web: { host: esx-02 }\n' });
    // Shown, so that the suite's clean-up reverts and closes it like the others.
    await vscode.window.showTextDocument(document);
    const hoverAt = async (position: vscode.Position) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return { text: hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), range: hovers[0]?.range };
    };
    const definitionLine = async (position: vscode.Position) => {
      const [target] = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, position);
      const range = target && 'targetRange' in target ? (target.targetSelectionRange ?? target.targetRange) : target?.range;
      return range?.start.line;
    };
    const reference = () => positionOf(document, 'host: esx-0').translate(0, 'host: '.length + 1);
    assert.match((await hoverAt(reference())).text, /esx-02/);
    // Two lines above everything: the answers move with the text.
    const above = new vscode.WorkspaceEdit();
    above.insert(document.uri, new vscode.Position(0, 0), '# moved\n# down\n');
    assert.ok(await vscode.workspace.applyEdit(above));
    const moved = await hoverAt(reference());
    assert.match(moved.text, /esx-02/);
    assert.equal(moved.range?.start.line, reference().line, 'the hover range is where the reference is now');
    assert.equal(await definitionLine(reference()), positionOf(document, '  esx-02:').line);
    // The reference itself edited: the design is read again.
    const inside = new vscode.WorkspaceEdit();
    inside.replace(document.uri, new vscode.Range(reference().translate(0, 4), reference().translate(0, 5)), '1');
    assert.ok(await vscode.workspace.applyEdit(inside));
    assert.match((await hoverAt(reference())).text, /esx-01/);
    assert.equal(await definitionLine(reference()), positionOf(document, '  esx-01:').line);
  });

  it('lists hosts, switches, arrays and VMs in the outline', async () => {
    const document = await openExample('seed-000-fq1616r.vtopo');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names = new Set<string>();
    const visit = (list: vscode.DocumentSymbol[]) => {
      for (const symbol of list) {
        names.add(symbol.name);
        visit(symbol.children);
      }
    };
    visit(symbols);
    for (const id of ['esx-01', 'esx-02', 'fc-a', 'fq1616r', 'vmfs-01', 'vcenter', 'web-01']) assert.ok(names.has(id), `outline lacks ${id}`);
  });

  it('registers every command it contributes, those whose work loads on first use too', async () => {
    const commands = await vscode.commands.getCommands(true);
    const manifest = vscode.extensions.getExtension('vtopo.vtopo')?.packageJSON as { contributes: { commands: { command: string }[] } } | undefined;
    const contributed = manifest?.contributes.commands.map((entry) => entry.command) ?? [];
    assert.ok(contributed.length >= 15, `the manifest lists ${contributed.length} commands`);
    for (const id of contributed) assert.ok(commands.includes(id), `${id} is not registered`);
  });

  it('opens the design preview beside the text', async () => {
    await openExample('seed-000-fq1616r.vtopo');
    await vscode.commands.executeCommand('vtopo.openPreview');
    await waitFor('the preview tab', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('vtopo.preview')),
    );
  });
});
