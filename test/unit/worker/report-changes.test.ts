/**
 * Reports sent as their changes: through any series of edits, the report the extension host
 * rebuilds from the changes is the report the worker made, and a keystroke within a line
 * sends only the findings it changed.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { reportDocument, type DocumentReport, type DocumentReportRequest } from '../../../src/core/analysis/document-report';
import { applyChanges, SentReports, type ReportChanges } from '../../../src/core/analysis/report-changes';
import { BENCH_SIZES, generateDesign, mulberry32, type DesignSize } from '../../../bench/generate';

const URI = 'file:///design.vtopo';
const SEED = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');

const request = (version: number, text: string): DocumentReportRequest => ({ uri: URI, version, text, rules: {} });

/** The worker and the host, wired as the extension wires them, without the processes. */
class Pair {
  readonly worker = new SentReports();
  held: { report: DocumentReport; serial: number | undefined } | undefined;
  private sentChanges: ReportChanges | undefined;

  /** The changes the last exchange sent, if it sent changes rather than a whole report. */
  lastChanges(): ReportChanges | undefined {
    return this.sentChanges;
  }

  /** Sends the report on `text` across, as the worker would; returns what the host rebuilt. */
  exchange(version: number, text: string): DocumentReport {
    const made = reportDocument(request(version, text));
    // What crosses a process boundary is a structured clone.
    const sent = structuredClone(this.worker.send(made, this.held?.serial));
    this.sentChanges = sent.kind === 'changes' ? sent.changes : undefined;
    const report = sent.kind === 'report' ? sent.report : this.held && applyChanges(this.held.report, sent.changes);
    assert.ok(report, 'the changes apply to the report the host holds');
    this.held = { report, serial: sent.serial };
    assert.deepEqual(report, made, `version ${version}: the host's report is the worker's`);
    return report;
  }
}

/** Offsets of `needle` in `text`, first match. */
function after(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `the example has "${needle}"`);
  return at + needle.length;
}

describe('reports sent as their changes', () => {
  it('sends a keystroke within a line as the findings it changed, keeping the outline, the ids and the lenses', () => {
    const pair = new Pair();
    const first = pair.exchange(1, SEED);
    assert.equal(pair.lastChanges(), undefined, 'the first report is sent whole');
    // A character typed after a key makes an unknown key, as in the performance journey.
    const at = after(SEED, '\nname');
    const typed = `${SEED.slice(0, at)}x${SEED.slice(at)}`;
    const second = pair.exchange(2, typed);
    const changes = pair.lastChanges();
    assert.ok(changes, 'the second report is sent as changes');
    assert.equal(changes.outline, undefined);
    assert.equal(changes.ids, undefined);
    assert.equal(changes.lenses, undefined);
    assert.ok(changes.added.length >= 1 && changes.added.length <= 2, `only the changed findings are sent (${changes.added.length})`);
    assert.ok(changes.added.some((finding) => finding.ruleId === 'unknown-key'));
    assert.equal(second.outline, first.outline, 'the host keeps the outline it had');
    const kept = second.findings.filter((finding) => first.findings.includes(finding)).length;
    assert.equal(kept, second.findings.length - changes.added.length, 'every finding not sent is one the host had');
    // Deleting it again brings back the first report's findings, none sent.
    pair.exchange(3, SEED);
    assert.deepEqual(pair.lastChanges()?.added, []);
  });

  it('stays the worker\'s report through random edits: new lines, deletions, pasted entries', () => {
    const random = mulberry32(11);
    const pair = new Pair();
    let text = SEED;
    pair.exchange(1, text);
    const pieces = ['x', '\n', '  ', 'host: esx-99\n', '#', ': 1', '- a\n', '\n  extra: { cores: 4 }\n'];
    for (let version = 2; version < 40; version++) {
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.4 && text.length > 0) {
        text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 30)));
      } else {
        text = text.slice(0, at) + (pieces[Math.floor(random() * pieces.length)] as string) + text.slice(at);
      }
      pair.exchange(version, text);
    }
  });

  it('sends only the findings added or changed, wherever they are and however many were removed', () => {
    const base = reportDocument(request(1, generateDesign(BENCH_SIZES[0] as DesignSize)));
    assert.ok(base.findings.length > 40, 'the design has findings to shuffle');
    const finding = (index: number) => base.findings[index] as DocumentReport['findings'][number];
    const changed = (index: number) => ({ ...finding(index), message: `${finding(index).message} (changed)` });
    const lists: ReadonlyArray<{ readonly what: string; readonly findings: DocumentReport['findings']; readonly sent: number }> = [
      { what: 'one added in the middle', findings: [...base.findings.slice(0, 10), changed(3), ...base.findings.slice(10)], sent: 1 },
      { what: 'one removed near the start', findings: base.findings.filter((_, index) => index !== 2), sent: 0 },
      { what: 'twenty removed in a row', findings: base.findings.filter((_, index) => index < 1 || index > 20), sent: 0 },
      { what: 'two changed far apart', findings: base.findings.map((_, index) => (index === 1 || index === base.findings.length - 2 ? changed(index) : finding(index))), sent: 2 },
      { what: 'the first and the last swapped', findings: [finding(base.findings.length - 1), ...base.findings.slice(1, -1), finding(0)], sent: 0 },
      { what: 'all reversed', findings: [...base.findings].reverse(), sent: 0 },
    ];
    for (const { what, findings, sent } of lists) {
      const worker = new SentReports();
      const first = worker.send(base, undefined);
      const next: DocumentReport = { ...base, version: 2, findings };
      const reply = structuredClone(worker.send(next, first.serial));
      assert.equal(reply.kind, 'changes', what);
      if (reply.kind !== 'changes') continue;
      assert.deepEqual(applyChanges(base, reply.changes), next, `${what}: the host rebuilds the report`);
      assert.equal(reply.changes.added.length, sent, `${what}: only the new findings are sent`);
    }
  });

  it('sends the whole report when the host does not hold the last one sent', () => {
    const worker = new SentReports();
    const first = worker.send(reportDocument(request(1, SEED)), undefined);
    assert.equal(first.kind, 'report');
    assert.equal(worker.send(reportDocument(request(2, SEED)), undefined).kind, 'report', 'the host holds none');
    const third = worker.send(reportDocument(request(3, SEED)), first.serial);
    assert.equal(third.kind, 'report', 'the host holds an older one than the last sent');
    assert.equal(worker.send(reportDocument(request(4, SEED)), third.serial).kind, 'changes');
    worker.forget(URI);
    assert.equal(worker.send(reportDocument(request(5, SEED)), (third.serial ?? 0) + 1).kind, 'report', 'a document let go of starts again whole');
  });

  it('refuses changes that do not fit the report they name', () => {
    const worker = new SentReports();
    const first = worker.send(reportDocument(request(1, SEED)), undefined);
    assert.equal(first.kind, 'report');
    const next = worker.send(reportDocument(request(2, `${SEED}\nbogus: 1\n`)), first.serial);
    assert.equal(next.kind, 'changes');
    const { changes } = next;
    assert.ok(applyChanges(first.report, changes));
    assert.equal(applyChanges(first.report, { ...changes, findings: Int32Array.from([...changes.findings, first.report.findings.length]) }), undefined, 'an index past the base report');
    assert.equal(applyChanges(first.report, { ...changes, added: [] }), undefined, 'fewer findings sent than it uses');
    assert.equal(applyChanges(first.report, { ...changes, findings: changes.findings.filter((index) => index !== -1) }), undefined, 'more sent than it uses');
    assert.equal(applyChanges(first.report, { ...changes, uri: 'file:///other.vtopo' }), undefined, 'another document');
  });
});
