/**
 * The analysis worker's job and the extension host's client of it, with a fake worker:
 * one request in flight, the newest version per document, stale requests answered with
 * nothing, the fallback to in-process analysis when the worker cannot start or dies.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, reportDocument, type DocumentReport, type DocumentReportRequest } from '../../../src/core/analysis/document-report';
import { analyzeText } from '../../../src/core/analysis/engine';
import { unpackOutline } from '../../../src/core/language/packed-outline';
import { AnalysisClient, type WorkerMessage, type WorkerPort } from '../../../src/extension/analysis-client';
import { LineIndex, lineRangeOf } from '../../../src/core/model/source';
import { WorkerState, workerReply } from '../../../src/worker/dispatch';

const DESIGN = `vtopo: 1
name: Two hosts
platform: vsphere
clusters:
  c1: { ha: { admissionControl: { policy: percentage, hostFailuresToTolerate: 1 } } }
hosts:
  h1: { cluster: c1, cpu: { sockets: 2, cores: 16, speed: 2.4 GHz }, memory: 256 GB }
  h2: { cluster: c1, cpu: { sockets: 2, cores: 16, speed: 2.4 GHz }, memory: 256 GB }
vms:
  vm1: { host: h1, cpu: 4, memory: 64 GB }
  vm2: { host: h2, cpu: 4, memory: 300 GB, unknownKey: 1 }
`;

const request = (version: number, text = DESIGN, uri = 'file:///a.vtopo'): DocumentReportRequest => ({ uri, version, text, rules: {} });

/** Messages a log channel would show, kept for the assertions. */
function fakeLog() {
  const lines: string[] = [];
  const log = { info: (line: string) => lines.push(`info ${line}`), warn: (line: string) => lines.push(`warn ${line}`), error: (line: string) => lines.push(`error ${line}`) };
  return { lines, log: log as unknown as ConstructorParameters<typeof AnalysisClient>[1] };
}

/** A worker that answers when told to, with the real `answer`. */
class FakeWorker implements WorkerPort {
  readonly received: DocumentReportRequest[] = [];
  readonly told: unknown[] = [];
  /** With a state, it answers as the real worker does (reports as changes, texts kept); without, each request alone. */
  constructor(private readonly state?: WorkerState) {}
  private reply: ((reply: unknown) => void) | undefined;
  private failure: ((reason: string) => void) | undefined;
  terminated = false;
  post(message: WorkerMessage): void {
    if ('rules' in message) this.received.push(message);
    else this.told.push(message);
    if (this.state && !('rules' in message)) workerReply(message, this.state);
  }
  onReply(listener: (reply: unknown) => void): void {
    this.reply = listener;
  }
  onFailure(listener: (reason: string) => void): void {
    this.failure = listener;
  }
  terminate(): void {
    this.terminated = true;
  }
  answerNext(): void {
    const next = this.received.shift();
    assert.ok(next, 'the worker has no request to answer');
    this.reply?.(this.state ? workerReply(next, this.state) : answer(next));
  }
  die(): void {
    this.failure?.('it exited with code 1');
  }
}

/** A request whose text is fixed when it is made. */
const ask = (client: AnalysisClient, made: DocumentReportRequest) => client.request(made.uri, () => made);

/** A report but for the time it took, which differs between two analyses of the same text. */
const withoutTime = (report: DocumentReport | undefined) => report && { ...report, elapsedMs: 0 };

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A client of a worker that answers as the real one does, holding the report on version 1 of a.vtopo. */
async function withFirstReport() {
  const worker = new FakeWorker(new WorkerState());
  const { lines, log } = fakeLog();
  const client = new AnalysisClient(() => Promise.resolve(worker), log, () => answer);
  const first = ask(client, request(1));
  await tick();
  worker.answerNext();
  return { worker, lines, client, firstReport: await first };
}

describe('analysis worker', () => {
  it('reports the findings, the outline and the N-1 status of a version', () => {
    const report = reportDocument(request(7));
    assert.equal(report.version, 7);
    const lines = new LineIndex(DESIGN);
    assert.deepEqual(
      report.findings.map(({ ruleId, message, range }) => ({ ruleId, message, range })),
      analyzeText(DESIGN).findings.map(({ ruleId, message, range }) => ({ ruleId, message, range: lineRangeOf(lines, range) })),
      'the findings, with lines and characters for offsets',
    );
    assert.ok(report.findings.every((finding) => !('elementIds' in finding)), 'without the element ids only the designer reads');
    assert.ok(report.findings.some((finding) => finding.ruleId === 'unknown-key'));
    assert.deepEqual(unpackOutline(report.outline, (entry) => entry.id), ['c1', 'h1', 'h2', 'vm1', 'vm2']);
    assert.match(report.n1.text, /N-1/);
    // Plain data: what crosses the worker boundary is what was made.
    assert.deepEqual(structuredClone(report), report);
  });

  it('answers a malformed message with an error, not a throw', () => {
    for (const message of [null, 'text', { uri: 'x', version: 'one', text: '', rules: {} }, { uri: 'x', version: 1, text: 3, rules: {} }]) {
      assert.equal(answer(message).kind, 'error');
    }
  });

  it('sends one request at a time and only the newest waiting version of a document', async () => {
    const worker = new FakeWorker();
    const { log } = fakeLog();
    const client = new AnalysisClient(() => Promise.resolve(worker), log, () => answer);
    const first = ask(client, request(1));
    await tick();
    const second = ask(client, request(2));
    const third = ask(client, request(3));
    const other = ask(client, request(1, DESIGN, 'file:///b.vtopo'));
    assert.equal(await second, undefined, 'a waiting request replaced by a newer version gets no report');
    assert.deepEqual(worker.received.map((sent) => sent.version), [1]);
    worker.answerNext();
    assert.equal((await first)?.version, 1);
    await tick();
    assert.deepEqual(worker.received.map((sent) => `${sent.uri} ${sent.version}`), ['file:///a.vtopo 3']);
    worker.answerNext();
    assert.equal((await third)?.version, 3);
    await tick();
    worker.answerNext();
    assert.equal((await other)?.uri, 'file:///b.vtopo');
    client.dispose();
    await tick();
    assert.ok(worker.terminated);
  });

  it('reads a waiting document when its turn comes, and skips one that has nothing to send', async () => {
    const worker = new FakeWorker();
    const { log } = fakeLog();
    const client = new AnalysisClient(() => Promise.resolve(worker), log, () => answer);
    let version = 1;
    const first = ask(client, request(1));
    await tick();
    const closed = client.request('file:///closed.vtopo', () => undefined);
    const waiting = client.request('file:///a.vtopo', () => request(version));
    version = 4; // typed while the first version was analyzed
    worker.answerNext();
    assert.equal((await first)?.version, 1);
    assert.equal(await closed, undefined);
    await tick();
    assert.deepEqual(worker.received.map((sent) => sent.version), [4]);
    worker.answerNext();
    assert.equal((await waiting)?.version, 4);
  });

  it('never analyzes a request carrying changes as if its text were empty', () => {
    const changes = { uri: 'file:///a.vtopo', version: 2, rules: {}, changes: { base: 1, changes: [] } };
    assert.throws(() => reportDocument(changes), /needs the text they apply to/);
    assert.deepEqual(answer(changes), { kind: 'unread', uri: 'file:///a.vtopo', version: 2 }, 'without the texts it holds, the worker asks for the whole text');
  });

  it('sends the whole text again when the worker does not hold the version the changes apply to', async () => {
    const worker = new FakeWorker();
    const client = new AnalysisClient(() => Promise.resolve(worker), fakeLog().log, () => answer);
    const asked: boolean[] = [];
    const report = client.request('file:///a.vtopo', (whole) => {
      asked.push(whole);
      return whole ? request(2) : { uri: 'file:///a.vtopo', version: 2, rules: {}, changes: { base: 1, changes: [{ offset: 0, removed: 0, text: '# edited\n' }] } };
    });
    await tick();
    worker.answerNext();
    await tick();
    assert.deepEqual(asked, [false, true], 'the changes first, then the whole text');
    assert.equal(worker.received[0]?.text, DESIGN);
    worker.answerNext();
    assert.equal((await report)?.version, 2);
  });

  it('analyzes in process when the worker cannot start, and says so', async () => {
    const { lines, log } = fakeLog();
    const client = new AnalysisClient(() => Promise.reject(new Error('no workers here')), log, () => answer);
    const report = await ask(client, request(4));
    assert.equal(report?.version, 4);
    assert.deepEqual(lines.map((line) => line.split(':')[0]), ['warn the analysis worker could not start']);
    assert.match(lines[0] ?? '', /no workers here; designs are analyzed in the extension host from now on/);
  });

  it('answers the request in flight in process when the worker dies, and keeps going there', async () => {
    const worker = new FakeWorker();
    const { lines, log } = fakeLog();
    const client = new AnalysisClient(() => Promise.resolve(worker), log, () => answer);
    const pending = ask(client, request(5));
    await tick();
    worker.die();
    assert.equal((await pending)?.version, 5);
    assert.ok(worker.terminated);
    assert.equal((await ask(client, request(6)))?.version, 6);
    assert.equal(worker.received.length, 1, 'nothing more is sent to a dead worker');
    assert.match(lines.join('\n'), /the analysis worker stopped: it exited with code 1/);
  });

  it('receives each report after the first as its changes, and starts again whole after a document closed', async () => {
    const { worker, lines, client, firstReport } = await withFirstReport();
    const edited = DESIGN.replace('unknownKey: 1', 'unknownKex: 1');
    const second = ask(client, request(2, edited));
    await tick();
    assert.equal(worker.received[0]?.base, 1, 'the request names the report the host holds');
    worker.answerNext();
    const secondReport = await second;
    assert.deepEqual(withoutTime(secondReport), withoutTime(reportDocument(request(2, edited))), 'the report rebuilt from the changes is the whole report');
    assert.equal(secondReport?.outline, firstReport?.outline, 'what did not change is not received again');
    assert.ok(secondReport?.findings.some((finding) => firstReport?.findings.includes(finding)), 'nor are the findings that did not change');
    client.forget('file:///a.vtopo');
    await tick();
    assert.deepEqual(worker.told, [{ kind: 'forget', uri: 'file:///a.vtopo' }]);
    const third = ask(client, request(1));
    await tick();
    assert.equal(worker.received[0]?.base, undefined, 'after a close, a whole report is asked for');
    worker.answerNext();
    assert.deepEqual(withoutTime(await third), withoutTime(reportDocument(request(1))));
    assert.deepEqual(lines.filter((line) => !line.startsWith('info')), []);
  });

  it('drops the reply on a document closed while it was analyzed', async () => {
    const { worker, lines, client } = await withFirstReport();
    const second = ask(client, request(2));
    await tick();
    client.forget('file:///a.vtopo');
    worker.answerNext();
    assert.equal(await second, undefined);
    assert.deepEqual(lines.filter((line) => !line.startsWith('info')), [], 'nothing to log: the document is gone');
  });

  it('logs a failed analysis and reports nothing for it', async () => {
    const worker = new FakeWorker();
    const { lines, log } = fakeLog();
    const client = new AnalysisClient(() => Promise.resolve(worker), log, () => answer);
    const pending = ask(client, request(8));
    await tick();
    worker.received.shift();
    // A reply for another version than the one asked is not taken as its report.
    (worker as unknown as { reply: (reply: unknown) => void }).reply(answer(request(9)));
    assert.equal(await pending, undefined);
    assert.match(lines.join('\n'), /version 8\) failed: an unexpected reply/);
  });
});
