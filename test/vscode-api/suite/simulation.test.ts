// The simulator's commands and CodeLenses inside the real extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exampleUri } from './helpers';

/** Lenses get their command when resolved (as when they come into view): resolve them all. */
const RESOLVE_ALL = 1000;

const COMMANDS = [
  'vtopo.simulateHostFailure',
  'vtopo.simulateComponentFailure',
  'vtopo.simulateSiteFailure',
  'vtopo.simulateMigration',
  'vtopo.enterMaintenanceMode',
  'vtopo.runFailureSweep',
  'vtopo.runFailureSweepN2',
  'vtopo.exportDesignReview',
];

describe('VTopo simulator in the extension host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension('vtopo.vtopo');
    assert.ok(extension, 'vtopo.vtopo is not installed');
    await extension.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers the simulation commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(COMMANDS.filter((command) => !registered.has(command)), []);
  });

  it('puts "Simulate failure" above each host, switch, controller, array and NIC', async () => {
    const uri = exampleUri('seed-000-fq1616r.vtopo');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, RESOLVE_ALL);
    const simulate = lenses.filter((lens) => lens.command?.title === 'Simulate failure');
    const above = (id: string) => simulate.find((lens) => document.getText(lens.range) === id);
    for (const id of ['esx-01', 'esx-02', 'fc-a', 'fc-b', 'fq1616r']) assert.ok(above(id), `no lens above ${id}`);
    assert.equal(simulate.length, 2 + 4 + 1 + 2 + 2, 'two hosts, four switches, one array, two controllers, two NICs (the FC HBAs get none)');
    const nics = simulate.filter((lens) => document.getText(lens.range) === 'nic1').map((lens) => lens.command?.arguments?.[1]);
    assert.deepEqual(nics, [{ kind: 'adapter', id: 'esx-01/nic1' }, { kind: 'adapter', id: 'esx-02/nic1' }]);
    const host = above('esx-01')?.command;
    assert.equal(host?.command, 'vtopo.simulateHostFailure');
    assert.equal(host?.arguments?.[1], 'esx-01');
    assert.deepEqual(above('fc-a')?.command?.arguments?.[1], { kind: 'switch', id: 'fc-a' });
    assert.equal(document.getText(above('esx-01')?.range), 'esx-01');
    assert.equal(above('esx-01')?.range.start.line, document.getText().split('\n').findIndex((line) => line === '  esx-01:'));
  });

  it('puts "Simulate failure" above a virtual switch, and runs it as a virtual-switch failure', async () => {
    const text = [
      'vtopo: 1',
      'clusters:',
      '  prod: {}',
      'hosts:',
      '  h1:',
      '    cpu: { cores: 8, speed: 2 GHz }',
      '    memory: 64 GB',
      '    adapters:',
      '      nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps }, p1: { speed: 10 Gbps } } }',
      '    virtualSwitches:',
      '      vswitch0:',
      '        uplinks: [h1/nic1/p0, h1/nic1/p1]',
      '        portGroups:',
      '          VM-Prod: { vlan: 30 }',
      'switches:',
      '  lan-1: { type: ethernet }',
      'links:',
      '  - [h1/nic1/p0, lan-1]',
      '  - [h1/nic1/p1, lan-1]',
      'vms:',
      '  web: { host: h1, memory: 4 GB, networks: [VM-Prod] }',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'vtopo', content: text });
    await vscode.window.showTextDocument(document);
    try {
      await lensesRun(document);
    } finally {
      // An untitled document would ask to be saved when the editors close: revert it.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  async function lensesRun(document: vscode.TextDocument): Promise<void> {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, RESOLVE_ALL);
    const vswitch = found.find((lens) => lens.command?.title === 'Simulate failure' && document.getText(lens.range) === 'vswitch0');
    assert.ok(vswitch, `no lens above vswitch0: ${JSON.stringify(found.map((lens) => document.getText(lens.range)))}`);
    assert.deepEqual(vswitch.command?.arguments?.[1], { kind: 'virtual-switch', id: 'h1/vswitch0' });
    assert.ok(found.some((lens) => document.getText(lens.range) === 'nic1'), 'and above the NIC');
    const report = await vscode.commands.executeCommand<{ kind: string; result: { summary: { vmsUnreachable: number } } }>('vtopo.simulateComponentFailure', document.uri, vswitch.command?.arguments?.[1]);
    assert.equal(report.kind, 'failure');
    assert.equal(report.result.summary.vmsUnreachable, 1, 'web runs unreachable without its virtual switch');
  }

  it('puts "Simulate failure" above each site and site link, and fails a site as a whole: the metro example survives site east', async () => {
    const uri = exampleUri('hyperv-metro.vtopo');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, RESOLVE_ALL);
    const above = (id: string) => lenses.find((lens) => lens.command?.title === 'Simulate failure' && document.getText(lens.range) === id);
    assert.deepEqual(above('east')?.command?.arguments?.[1], { kind: 'site', id: 'east' });
    assert.deepEqual(above('east-west')?.command?.arguments?.[1], { kind: 'site-link', id: 'east-west' });
    const report = await vscode.commands.executeCommand<{ kind: string; result: { summary: { vmsRestarted: number; vmsDown: number }; vms: Array<{ vmId: string; outcome: { kind: string; host?: string } }> } }>('vtopo.simulateComponentFailure', uri, above('east')?.command?.arguments?.[1]);
    assert.equal(report.kind, 'failure');
    assert.deepEqual([report.result.summary.vmsRestarted, report.result.summary.vmsDown], [2, 0]);
    const restarted = report.result.vms.filter((vm) => vm.outcome.kind === 'restarted').map((vm) => vm.vmId);
    assert.deepEqual(restarted, ['dc-01', 'sql-01']);
    assert.ok(report.result.vms.filter((vm) => vm.outcome.kind === 'restarted').every((vm) => vm.outcome.host?.startsWith('hv-w')), 'east\'s VMs restart in west');
  });

  it('acts on the designer\'s design when the designer is the active editor (no text editor is active then)', async () => {
    const uri = exampleUri('seed-000-fq1616r.vtopo');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'vtopo.designer');
    assert.equal(vscode.window.activeTextEditor, undefined, 'the designer, not a text editor, is active');
    const report = await vscode.commands.executeCommand<{ kind: string; design: string; result: { vms: Array<{ vmId: string; outcome: { kind: string } }> } } | undefined>('vtopo.simulateHostFailure', undefined, 'esx-01');
    assert.equal(report?.kind, 'failure');
    assert.equal(report?.design, 'seed-000-fq1616r.vtopo');
    assert.deepEqual(report?.result.vms.filter((vm) => vm.outcome.kind === 'restarted').map((vm) => vm.vmId), ['vcenter', 'sql-01', 'web-02']);
  });

  it('runs the CodeLens command: esx-01 fails and its three VMs restart on esx-02', async () => {
    const uri = exampleUri('seed-000-fq1616r.vtopo');
    const report = await vscode.commands.executeCommand<{ kind: string; result: { vms: Array<{ vmId: string; outcome: { kind: string; host?: string } }> } }>('vtopo.simulateHostFailure', uri, 'esx-01');
    assert.equal(report.kind, 'failure');
    const restarted = report.result.vms.filter((vm) => vm.outcome.kind === 'restarted').map((vm) => [vm.vmId, vm.outcome.host]);
    assert.deepEqual(restarted, [['vcenter', 'esx-02'], ['sql-01', 'esx-02'], ['web-02', 'esx-02']]);
  });

  it('exports the design review with the simulation the panel shows: the same review vtopo report writes', async () => {
    const uri = exampleUri('seed-000-fq1616r.vtopo');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('vtopo.simulateComponentFailure', uri, { kind: 'switch', id: 'fc-a' });
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const target = vscode.Uri.joinPath(folder.uri, 'review-test', 'seed-review.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('vtopo.exportDesignReview', uri, 'html', target);
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<h1>Design review: Seed 000 - VMware HA on an FQ1616R FC SAN<\/h1>/);
    assert.match(html, /<section id="simulations">\n<h2>Simulations<\/h2>\n<h3>Switch fc-a fails<\/h3>/);
    assert.match(html, /<span class="badge fail">Fail<\/span><\/td><td>Network \(LAN\)<\/td>/);
    const markdown = vscode.Uri.joinPath(folder.uri, 'review-test', 'seed-review.md');
    await vscode.commands.executeCommand('vtopo.exportDesignReview', uri, 'md', markdown);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(markdown)), /^# Design review: Seed 000/);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'review-test'), { recursive: true });
  });
});
