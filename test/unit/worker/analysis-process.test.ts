/**
 * The desktop analysis worker as a real process (src/extension/analysis-process.ts running
 * src/worker/node.ts): reports cross the process boundary intact, the user's language
 * reaches it, and a process that dies says why, while one stopped on purpose says nothing.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { reportDocument, type DocumentReportRequest, type WorkerReply } from '../../../src/core/analysis/document-report';
import { isQueryAnswer } from '../../../src/core/language/query-protocol';
import type { WorkerPort } from '../../../src/extension/analysis-client';
import { startAnalysisProcess } from '../../../src/extension/analysis-process';

const WORKER = join(import.meta.dirname, '..', '..', '..', 'src', 'worker', 'node.ts');
const TSX = { execArgv: ['--import', 'tsx'] };

const DESIGN = `vtopo: 1
name: One host
platform: vsphere
hosts:
  h1: { cpu: { sockets: 2, cores: 16, speed: 2.4 GHz }, memory: 256 GB }
vms:
  vm1: { host: h1, cpu: 4, memory: 64 GB, unknownKey: 1 }
`;

const request: DocumentReportRequest = { uri: 'file:///one.vtopo', version: 3, text: DESIGN, rules: {} };

const started: WorkerPort[] = [];
after(() => started.forEach((port) => port.terminate()));

async function start(script = WORKER): Promise<WorkerPort> {
  const port = await startAnalysisProcess(script, TSX);
  started.push(port);
  return port;
}

const nextReply = (port: WorkerPort) => new Promise<WorkerReply>((resolve) => port.onReply((reply) => resolve(reply as WorkerReply)));
const nextFailure = (port: WorkerPort) => new Promise<string>((resolve) => port.onFailure(resolve));

describe('analysis process', () => {
  it('answers a request with the report made in process, outline included', async () => {
    const port = await start();
    const reply = nextReply(port);
    port.post(request);
    const answered = await reply;
    assert.equal(answered.kind, 'report');
    const { elapsedMs, ...report } = answered.kind === 'report' ? answered.report : assert.fail('no report');
    const { elapsedMs: ignored, ...expected } = reportDocument(request);
    assert.ok(elapsedMs >= 0 && ignored >= 0);
    assert.deepEqual(report, expected);
    assert.ok(report.outline.numbers instanceof Int32Array, 'the packed outline crosses as an Int32Array');
  });

  it('writes its findings in the language it was given', async () => {
    const bundle = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const port = await start();
    const reply = nextReply(port);
    port.post({ kind: 'language', language: 'zh-cn', bundle });
    port.post(request);
    const answered = await reply;
    const unknownKey = answered.kind === 'report' ? answered.report.findings.find((finding) => finding.ruleId === 'unknown-key') : undefined;
    assert.ok(unknownKey, 'the unknown key is reported');
    assert.match(unknownKey.message, /[\u4e00-\u9fff]/, `a Chinese message: ${unknownKey.message}`);
  });

  it('answers hover questions as the query worker', async () => {
    const port = await startAnalysisProcess(WORKER, { ...TSX, args: ['queries'] });
    started.push(port);
    const reply = nextReply(port) as Promise<unknown>;
    port.post({ kind: 'query', id: 7, uri: request.uri, version: 1, text: DESIGN, offset: DESIGN.indexOf('host: h1') + 6, question: 'hover' });
    const answer = await reply;
    assert.ok(isQueryAnswer(answer) && answer.id === 7 && answer.result.status === 'answered', JSON.stringify(answer));
    assert.match(answer.result.hover?.markdown ?? '', /h1/);
  });

  it('says why when the process dies, with the end of what it wrote to standard error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vtopo-process-'));
    const script = join(dir, 'dies.js');
    writeFileSync(script, 'process.stderr.write("FATAL ERROR: out of memory\\n"); process.exit(3);\n');
    const port = await start(script);
    assert.match(await nextFailure(port), /code 3: FATAL ERROR: out of memory/);
  });

  it('reports nothing when stopped on purpose', async () => {
    const port = await start();
    let failed = false;
    port.onFailure(() => (failed = true));
    port.terminate();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(failed, false);
  });
});
