import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { hoverAt } from '../../../src/core/language/hover';
import { DesignIndex } from '../../../src/core/language/navigation';

const seed = readFileSync(new URL('../../../examples/seed-000-fq1616r.vtopo', import.meta.url), 'utf8');
const design = new DesignIndex(analyzeText(seed).topology);

/** Hover on the `nth` character of the first occurrence of `snippet` in the seed-000-fq1616r example. */
function hoverOn(snippet: string, nth = 0) {
  const start = seed.indexOf(snippet);
  assert.ok(start >= 0, `"${snippet}" is in the seed-000-fq1616r example`);
  return hoverAt(seed, start + nth, design);
}

describe('hover', () => {
  it('shows a host\'s capacity, cluster and load on a reference to it', () => {
    const hover = hoverOn('host: esx-02', 'host: '.length + 2);
    assert.equal(hover?.markdown, [
      '**host** `esx-02`',
      '',
      '- CPU: 24 cores (2 sockets) at 2.6 GHz, intel-cascadelake',
      '- Memory: 384 GB',
      '- Cluster: prod',
      '- VMs: 1 (8 GB memory configured)',
    ].join('\n'));
    const start = seed.indexOf('host: esx-02') + 'host: '.length;
    assert.deepEqual(hover?.range, { start, end: start + 'esx-02'.length });
  });

  it('shows a VM\'s placement, size, datastore and restart priority on its id', () => {
    assert.equal(hoverOn('vcenter:\n    host')?.markdown, [
      '**VM** `vcenter`',
      '',
      '- Host: esx-01',
      '- CPUs: 4, memory: 21 GB',
      '- Datastore: vmfs-01',
      '- Restart priority: highest',
      '- Role: vcenter',
    ].join('\n'));
  });

  it('says when a VM takes its restart priority from its cluster', () => {
    assert.match(hoverOn('web-01:\n    host')?.markdown ?? '', /Restart priority: medium \(cluster default\)/);
  });

  it('shows what a cable end is cabled to', () => {
    assert.match(hoverOn('[esx-01/hba1/p0', 1)?.markdown ?? '', /\*\*port\*\* `esx-01\/hba1\/p0`[\s\S]*Speed: 16 Gbps[\s\S]*Cabled to: fc-a/);
  });

  it('shows a virtual switch\'s uplinks and port groups, and a port group\'s VLAN', () => {
    const text = readFileSync(new URL('../../../examples/racks-and-power.vtopo', import.meta.url), 'utf8');
    const index = new DesignIndex(analyzeText(text).topology);
    const vswitch = hoverAt(text, text.indexOf('set0:') + 1, index)?.markdown ?? '';
    assert.match(vswitch, /^\*\*virtual switch\*\* `hv-a1\/set0`\n\n- Type: set\n- Uplinks: hv-a1\/nic1\/p0, hv-a1\/nic2\/p0\n- Port groups: VM-Prod/);
    const group = hoverAt(text, text.indexOf('VM-Prod:') + 1, index)?.markdown ?? '';
    assert.match(group, /^\*\*port group\*\* `hv-a1\/set0\/VM-Prod`\n\n- VLAN: 30/);
    assert.doesNotMatch(`${vswitch}${group}`, /Not fully read/);
  });

  it('says so when a reference names nothing', () => {
    const text = 'vtopo: 1\nvms:\n  web-01:\n    host: esx-09\n    memory: 8 GB\n';
    const broken = new DesignIndex(analyzeText(text).topology);
    assert.equal(hoverAt(text, text.indexOf('esx-09'), broken)?.markdown, 'No host `esx-09` is declared in this file.');
  });

  it('shows a key\'s type and description from the format, under any spelling of its unit', () => {
    assert.equal(hoverOn('memory: 21 GB', 2)?.markdown, '**memory**: data with unit, e.g. "512 GB"\n\nConfigured memory (at most 1 PB).');
    assert.match(hoverOn('policy: percentage', 1)?.markdown ?? '', /^\*\*policy\*\*: `slots` \\\| `percentage`.*\n\nvSphere HA admission control policy.*\n\nDefault: `percentage`\.$/s);
  });

  it('explains an enumerated value with its key\'s description', () => {
    assert.match(hoverOn('policy: percentage', 'policy: '.length + 1)?.markdown ?? '', /^\*\*policy\*\*/);
  });

  it('shows nothing on free text or blank space', () => {
    assert.equal(hoverOn('Production cluster', 3), undefined);
    assert.equal(hoverAt(seed, seed.indexOf('\n\nmanagement') + 1, design), undefined);
  });
});
