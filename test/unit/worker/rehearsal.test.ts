/**
 * The analysis worker's rehearsal: where it types, that every keystroke goes the way a
 * user's does (changes, not the whole text), that it stops at the first request and never
 * touches the documents the worker serves.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BENCH_SIZES, generateDesign } from '../../../bench/generate';
import { reportDocument, type DocumentReport, type DocumentReportRequest } from '../../../src/core/analysis/document-report';
import { applyChanges } from '../../../src/core/analysis/report-changes';
import { REHEARSAL_MAX_CHARACTERS, REHEARSED_KEYSTROKES, Rehearsal, rehearsalKeystroke, rehearsalLineEnds } from '../../../src/core/analysis/rehearsal';
import { rehearse, rehearseWhenIdle, WorkerState, workerReply } from '../../../src/worker/dispatch';

const BLOCK_DESIGN = `vtopo: 1
name: Two hosts
platform: vsphere
clusters:
  c1:
    ha: { admissionControl: { policy: percentage, hostFailuresToTolerate: 1 } }
hosts:
  h1:
    cluster: c1
    memory: 256 GB
  h2:
    cluster: c1
    memory: 256 GB
vms:
  vm1:
    host: h1  # the first VM
    memory: 64 GB
  vm2:
    host: h2
    memory: 'a quoted value'
`;

/** The text after the rehearsal's first `count` keystrokes. */
function typed(text: string, lineEnds: readonly number[], count: number): string {
  let result = text;
  for (let i = 0; i < count; i++) {
    const { offset, removed, text: inserted } = rehearsalKeystroke(lineEnds, i);
    result = result.slice(0, offset) + inserted + result.slice(offset + removed);
  }
  return result;
}

const withoutTime = (report: DocumentReport) => ({ ...report, elapsedMs: 0 });

const mediumDesign = () => generateDesign(BENCH_SIZES.find((size) => size.name === 'medium') ?? BENCH_SIZES[0]!);

describe('rehearsal', () => {
  it('types at the ends of lines that give a field a plain value, not after comments or quotes', () => {
    const lines = rehearsalLineEnds(BLOCK_DESIGN).map((end) => BLOCK_DESIGN.slice(BLOCK_DESIGN.lastIndexOf('\n', end - 1) + 1, end));
    assert.deepEqual(lines, ['    cluster: c1', '    memory: 256 GB', '    cluster: c1', '    memory: 256 GB', '    memory: 64 GB', '    host: h2']);
  });

  it('types before the carriage return of a CRLF line', () => {
    const crlf = BLOCK_DESIGN.replaceAll('\n', '\r\n');
    const ends = rehearsalLineEnds(crlf);
    assert.equal(ends.length, 6);
    for (const end of ends) assert.equal(crlf.slice(end, end + 2), '\r\n');
  });

  it('spreads its lines over the design: hosts and VMs alike', () => {
    const text = mediumDesign();
    const ends = rehearsalLineEnds(text);
    assert.equal(new Set(ends).size, 8);
    assert.deepEqual([...ends].sort((a, b) => a - b), ends);
    assert.ok(ends[0]! < text.indexOf('\nvms:'), 'the first is a host\'s');
    assert.ok(ends.at(-1)! > text.length * 0.9, 'the last is in the last tenth');
  });

  it('takes back each keystroke with the next, so the text is the same after every pair', () => {
    const ends = rehearsalLineEnds(BLOCK_DESIGN);
    assert.equal(typed(BLOCK_DESIGN, ends, 2 * ends.length + 2), BLOCK_DESIGN);
    assert.equal(typed(BLOCK_DESIGN, ends, 3), BLOCK_DESIGN.replace('    cluster: c1\n    memory: 256 GB\n', '    cluster: c1\n    memory: 256 GBx\n'));
  });

  it('is not made for a design too big for its keystrokes to be short, nor for one with nowhere to type', () => {
    const request = { uri: 'file:///a.vtopo', rules: {} };
    assert.ok(Rehearsal.of(request, BLOCK_DESIGN));
    assert.equal(Rehearsal.of(request, BLOCK_DESIGN + '#'.repeat(REHEARSAL_MAX_CHARACTERS)), undefined);
    assert.equal(Rehearsal.of(request, 'vtopo: 1\nhosts:\n  h1: { cluster: c1 }\n'), undefined);
  });

  it('types every keystroke as a change the worker accepts, then stops', () => {
    const rehearsal = Rehearsal.of({ uri: 'file:///a.vtopo', rules: {} }, BLOCK_DESIGN);
    assert.ok(rehearsal);
    let steps = 1;
    while (rehearsal.next()) steps++;
    assert.equal(rehearsal.keystrokes, REHEARSED_KEYSTROKES);
    assert.equal(steps, REHEARSED_KEYSTROKES + 1, 'the whole text, then each keystroke');
    assert.equal(rehearsal.next(), false);
  });
});

describe('the worker rehearses', () => {
  const uri = 'file:///medium.vtopo';
  const first: DocumentReportRequest = { uri, version: 1, rules: {}, outlineLimit: 100, text: mediumDesign() };

  it('after the first report on a design, until a request arrives; closing a document does not end it', () => {
    const state = new WorkerState();
    workerReply(first, state);
    assert.ok(state.rehearsal, 'a rehearsal is under way after the first report');
    assert.equal(rehearse(state), true);
    assert.equal(workerReply({ kind: 'forget', uri: 'file:///settings.json' }, state), undefined);
    assert.ok(state.rehearsal, 'closing another document leaves it under way');
    workerReply({ ...first, version: 2 }, state);
    assert.equal(state.rehearsal, undefined);
    assert.equal(rehearse(state), false);
  });

  it('a step per task, one scheduled at a time, until it is done or a request arrives', () => {
    const tasks: (() => void)[] = [];
    const later = (step: () => void) => tasks.push(step);
    const state = new WorkerState();
    workerReply(first, state);
    rehearseWhenIdle(state, later);
    rehearseWhenIdle(state, later);
    assert.equal(tasks.length, 1, 'a second call while a step waits schedules nothing');
    for (let i = 0; i < 3; i++) tasks.shift()?.();
    assert.equal(state.rehearsal?.keystrokes, 2, 'the whole text, then two keystrokes');
    assert.equal(tasks.length, 1);
    workerReply({ ...first, version: 2, text: first.text + '#' }, state);
    tasks.shift()?.();
    assert.equal(tasks.length, 0, 'the request ended it');

    const idle = new WorkerState();
    workerReply(first, idle);
    rehearseWhenIdle(idle, later);
    let steps = 0;
    for (let task = tasks.shift(); task; task = tasks.shift()) {
      steps++;
      task();
    }
    assert.equal(steps, REHEARSED_KEYSTROKES + 1);
    assert.equal(idle.rehearsal, undefined);
  });

  it('once per worker', () => {
    const state = new WorkerState();
    workerReply(first, state);
    workerReply({ ...first, uri: 'file:///other.vtopo' }, state);
    assert.equal(state.rehearsal, undefined, 'the second design is not rehearsed');
  });

  it('without touching the document it rehearses: the next report, sent as changes, is the report of its text', () => {
    const state = new WorkerState();
    const reply = workerReply(first, state) as { kind: 'report'; report: DocumentReport; serial: number };
    assert.equal(reply.kind, 'report');
    while (rehearse(state));
    assert.equal(state.rehearsal?.keystrokes, undefined);
    const offset = first.text!.indexOf('    host: ') + '    host: '.length;
    const edited = first.text!.slice(0, offset) + 'nowhere-' + first.text!.slice(offset);
    const next = workerReply({ uri, version: 2, rules: {}, outlineLimit: 100, base: reply.serial, changes: { base: 1, changes: [{ offset, removed: 0, text: 'nowhere-' }] } }, state) as
      { kind: 'changes'; changes: Parameters<typeof applyChanges>[1] };
    assert.equal(next.kind, 'changes');
    const report = applyChanges(reply.report, next.changes);
    assert.ok(report);
    assert.deepEqual(withoutTime(report), withoutTime(reportDocument({ uri, version: 2, rules: {}, outlineLimit: 100, text: edited })));
  });
});
