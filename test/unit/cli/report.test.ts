import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inWorkspace, REPOSITORY_ROOT, runInDirectory, SEED_000 } from './harness';

const vtopo = (...args: string[]) => runInDirectory(REPOSITORY_ROOT, args);

describe('vtopo report', () => {
  it('writes the HTML review to standard output by default', async () => {
    const { exitCode, stdout, stderr } = await vtopo('report', SEED_000);
    assert.equal(stderr, '');
    assert.equal(exitCode, 0);
    assert.match(stdout, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(stdout, /<h1>Design review: Seed 000 - VMware HA on an FQ1616R FC SAN<\/h1>/);
    assert.doesNotMatch(stdout, /<section id="simulations">/);
  });

  it('writes Markdown, with a simulation for each --fail, to the -o file', async () => {
    const design = await readFile(join(REPOSITORY_ROOT, SEED_000), 'utf8');
    await inWorkspace({ 'seed.vtopo': design }, async ({ dir, vtopo: run }) => {
      const { exitCode, stdout, stderr } = await run('report', 'seed.vtopo', '--format', 'md', '-o', 'review.md', '--fail', 'switch:fc-a', '--fail', 'host:esx-02');
      assert.equal(exitCode, 0);
      assert.equal(stdout, '');
      assert.equal(stderr, 'vtopo: wrote the design review of seed.vtopo to review.md\n');
      const written = await readFile(join(dir, 'review.md'), 'utf8');
      assert.deepEqual(written.split('\n').filter((line) => line.startsWith('### ') && /fails$/.test(line)), ['### Switch fc-a fails', '### Host esx-02 fails']);
    });
  });

  it('refuses an element the design does not have, a format it does not know, and a second file', async () => {
    const unknown = await vtopo('report', SEED_000, '--fail', 'switch:fc-c');
    assert.equal(unknown.exitCode, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /unknown switch "fc-c": the design's switches are fc-a, fc-b, lan-1, lan-2/);
    const format = await vtopo('report', SEED_000, '--format', 'pdf');
    assert.equal(format.exitCode, 2);
    assert.match(format.stderr, /^vtopo: invalid value "pdf" for --format: expected html, md\nRun 'vtopo help report' for usage\.\n$/);
    const two = await vtopo('report', SEED_000, SEED_000);
    assert.equal(two.exitCode, 2);
    assert.match(two.stderr, /report reads one FILE/);
    const kind = await vtopo('report', SEED_000, '--fail', 'blade:x');
    assert.equal(kind.exitCode, 2);
    assert.match(kind.stderr, /Run 'vtopo help report' for usage/);
  });

  it('says what is not a design', async () => {
    await inWorkspace({ 'notes.vtopo': '- a list\n- not a design\n' }, async ({ vtopo: run }) => {
      const { exitCode, stderr } = await run('report', 'notes.vtopo');
      assert.equal(exitCode, 2);
      assert.match(stderr, /notes\.vtopo: not a VTopo design/);
    });
  });

  it('has a help page', async () => {
    const { exitCode, stdout } = await vtopo('report', '--help');
    assert.equal(exitCode, 0);
    assert.match(stdout, /^Usage: vtopo report FILE \[--format html\|md\] \[-o OUT\] \[--fail KIND:ID\]\.\.\./);
  });
});
