/**
 * Hover and definition away from the extension host: the query worker's reader
 * (core/language/queries.ts) and the extension host's client of it (query-client.ts), with
 * a fake worker running the real reader. A question about unchanged text is asked about
 * the version read and its answer mapped to today's text; only a question about text edited
 * since sends the text again; a dead worker leaves the answers to the extension host.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DesignReader } from '../../../src/core/language/queries';
import { isQueryAnswer, type LanguageQuery } from '../../../src/core/language/query-protocol';
import type { WorkerMessage, WorkerPort } from '../../../src/extension/analysis-client';
import { QueryClient, type QueriedDocument } from '../../../src/extension/query-client';

const DESIGN = `vtopo: 1
name: Two hosts
platform: vsphere
hosts:
  h1: { cpu: { sockets: 2, cores: 16, speed: 2.4 GHz }, memory: 256 GB }
  h2: { cpu: { sockets: 2, cores: 16, speed: 2.4 GHz }, memory: 256 GB }
vms:
  vm1: { host: h1, cpu: 4, memory: 64 GB }
  vm2: { host: h2, cpu: 4, memory: 64 GB }
`;

/** A document that can be edited like an editor's, reporting each change to the client. */
class Document implements QueriedDocument {
  readonly uri = 'file:///two.vtopo';
  version = 1;
  constructor(private text: string, private readonly client?: QueryClient) {}
  getText(): string {
    return this.text;
  }
  edit(offset: number, removed: number, inserted: string): void {
    this.text = this.text.slice(0, offset) + inserted + this.text.slice(offset + removed);
    this.version++;
    this.client?.recordChange(this.uri, this.version, [{ offset, removed, inserted: inserted.length }]);
  }
}

/** A worker that answers each question with the real reader, after the current turn. */
class FakeWorker implements WorkerPort {
  readonly reader = new DesignReader();
  readonly queries: LanguageQuery[] = [];
  private reply: ((reply: unknown) => void) | undefined;
  private failure: ((reason: string) => void) | undefined;
  post(message: WorkerMessage): void {
    if (!('kind' in message) || message.kind !== 'query') return;
    this.queries.push(message);
    setTimeout(() => this.reply?.(this.reader.answer(message)), 0);
  }
  onReply(listener: (reply: unknown) => void): void {
    this.reply = listener;
  }
  onFailure(listener: (reason: string) => void): void {
    this.failure = listener;
  }
  terminate(): void {}
  die(): void {
    this.failure?.('it exited with code 1');
  }
}

function fakeLog() {
  const lines: string[] = [];
  const log = { info: (line: string) => lines.push(`info ${line}`), warn: (line: string) => lines.push(`warn ${line}`), error: (line: string) => lines.push(`error ${line}`) };
  return { lines, log: log as unknown as ConstructorParameters<typeof QueryClient>[1] };
}

const at = (text: string, marker: string, within = 0) => text.indexOf(marker) + within;

describe('query worker', () => {
  it('answers hover and definition about the version it read, and asks for the text of any other', () => {
    const reader = new DesignReader();
    const offset = at(DESIGN, 'host: h2', 7);
    const query = (version: number, text?: string): LanguageQuery => ({ kind: 'query', id: version, uri: 'file:///a', version, offset, question: 'hover', ...(text === undefined ? {} : { text }) });
    assert.deepEqual(reader.answer(query(1)).result, { status: 'unread' });
    const hover = reader.answer(query(1, DESIGN));
    assert.ok(isQueryAnswer(structuredClone(hover)));
    assert.ok(hover.result.status === 'answered' && hover.result.hover?.markdown.includes('h2'));
    assert.deepEqual(reader.answer(query(2)).result, { status: 'unread' }, 'another version');
    const definition = reader.answer({ ...query(1), question: 'definition' }).result;
    assert.ok(definition.status === 'answered' && definition.definition);
    assert.equal(DESIGN.slice(definition.definition.targetId.start, definition.definition.targetId.end), 'h2');
    reader.forget('file:///a');
    assert.deepEqual(reader.answer(query(1)).result, { status: 'unread' }, 'forgotten');
  });

  it('keeps the last few documents it read', () => {
    const reader = new DesignReader();
    const read = (uri: string) => reader.answer({ kind: 'query', id: 1, uri, version: 1, text: DESIGN, offset: 0, question: 'hover' });
    for (const name of ['a', 'b', 'c', 'd', 'e']) read(name);
    const status = (uri: string) => reader.answer({ kind: 'query', id: 1, uri, version: 1, offset: 0, question: 'hover' }).result.status;
    assert.equal(status('a'), 'unread');
    assert.equal(status('e'), 'answered');
  });

  it('sends the text once, then asks about the version read while edits elsewhere move the answer', async () => {
    const worker = new FakeWorker();
    const client = new QueryClient(() => Promise.resolve(worker), fakeLog().log, () => new DesignReader());
    const document = new Document(DESIGN, client);
    const first = await client.hover(document, at(DESIGN, 'host: h2', 7));
    assert.ok(first?.markdown.includes('h2'));
    assert.equal(worker.queries.at(-1)?.text, DESIGN, 'the first question reads the text');

    // An edit above the hovered line: the version read still answers, its range moved by the insertion.
    document.edit(at(DESIGN, 'vms:'), 0, '# a comment\n');
    const moved = await client.hover(document, at(document.getText(), 'host: h2', 7));
    assert.equal(worker.queries.at(-1)?.text, undefined, 'no text sent for unchanged text');
    assert.equal(worker.queries.at(-1)?.version, 1);
    assert.ok(moved);
    assert.equal(document.getText().slice(moved.range.start, moved.range.end), 'h2');

    const definition = await client.definition(document, at(document.getText(), 'host: h1', 7));
    assert.ok(definition);
    assert.equal(document.getText().slice(definition.targetId.start, definition.targetId.end), 'h1');
    assert.equal(worker.queries.at(-1)?.text, undefined);
  });

  it('reads a document ahead of the first question, once', async () => {
    const worker = new FakeWorker();
    const client = new QueryClient(() => Promise.resolve(worker), fakeLog().log, () => new DesignReader());
    const document = new Document(DESIGN, client);
    client.prepare(document);
    client.prepare(document);
    const hover = await client.hover(document, at(DESIGN, 'host: h2', 7));
    assert.ok(hover?.markdown.includes('h2'));
    assert.deepEqual(worker.queries.map((query) => [query.question, query.text !== undefined]), [['read', true], ['hover', false]]);
  });

  it('sends the new text for a question about text edited since', async () => {
    const worker = new FakeWorker();
    const client = new QueryClient(() => Promise.resolve(worker), fakeLog().log, () => new DesignReader());
    const document = new Document(DESIGN, client);
    await client.hover(document, 0);
    // vm2 now runs on h1: the reference was edited since the version read.
    const edited = at(DESIGN, 'host: h2', 7);
    document.edit(edited, 1, '');
    document.edit(edited, 0, '1');
    assert.match(document.getText(), /vm2: \{ host: h1,/);
    const hover = await client.hover(document, edited);
    const last = worker.queries.at(-1);
    assert.equal(last?.text, document.getText());
    assert.equal(last?.version, 3);
    assert.ok(hover);
    assert.equal(document.getText().slice(hover.range.start, hover.range.end), 'h1');
    assert.ok(hover.markdown.includes('h1') && !hover.markdown.includes('h2'), hover.markdown);
  });

  it('answers in the extension host when the worker dies, and says so once', async () => {
    const worker = new FakeWorker();
    const { lines, log } = fakeLog();
    const client = new QueryClient(() => Promise.resolve(worker), log, () => new DesignReader());
    const document = new Document(DESIGN, client);
    await client.hover(document, 0);
    worker.post = () => worker.die();
    const hover = await client.hover(document, at(DESIGN, 'host: h2', 7));
    assert.ok(hover?.markdown.includes('h2'), 'answered here, from the text');
    assert.ok(await client.hover(document, at(DESIGN, 'host: h1', 7)));
    assert.deepEqual(lines.filter((line) => line.startsWith('warn')).map((line) => line.split(':')[0]), ['warn the query worker stopped']);
  });

  it('answers in the extension host when no worker can start', async () => {
    const { lines, log } = fakeLog();
    const client = new QueryClient(undefined, log, () => new DesignReader());
    const hover = await client.hover(new Document(DESIGN), at(DESIGN, 'host: h2', 7));
    assert.ok(hover?.markdown.includes('h2'));
    assert.match(lines.join('\n'), /warn this extension host cannot start workers; hover and go to definition read designs in the extension host/);
  });
});
