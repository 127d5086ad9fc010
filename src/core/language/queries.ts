/**
 * Hover and go to definition away from the extension host (docs/performance.md): a
 * second worker reads a document's text when asked and answers questions about an offset
 * of the version it read, while the analysis worker may be busy with the next edit. This
 * is the job of TypeScript's "syntax server" next to its semantic one. The extension host
 * keeps the edits made since the version read (edit-trail.ts), so it asks about the old
 * text and maps the answer forward, and sends the new text only when the question is
 * about text edited since. Plain data in and out; no throw escapes.
 */

import { parseVtopo } from '../model/parse';
import { RecentDocuments } from '../text/recent-documents';
import type { LanguageQuery, QueryAnswer, QueryResult } from './query-protocol';
import { hoverAt } from './hover';
import { definitionAt, DesignIndex } from './navigation';

interface Read {
  readonly version: number;
  readonly text: string;
  readonly design: DesignIndex;
}

/** The worker's side: the designs it read, for the last 4 documents (others are read again when asked about), and the answers. */
export class DesignReader {
  private readonly read = new RecentDocuments<Read>(4);

  answer(query: LanguageQuery): QueryAnswer {
    const answered = (result: QueryResult): QueryAnswer => ({ kind: 'answer', id: query.id, result });
    try {
      if (query.text !== undefined) this.read.set(query.uri, { version: query.version, text: query.text, design: new DesignIndex(parseVtopo(query.text).topology) });
      const read = this.read.get(query.uri);
      if (!read || read.version !== query.version) return answered({ status: 'unread' });
      if (query.question === 'read') return answered({ status: 'answered' });
      if (query.question === 'hover') {
        const hover = hoverAt(read.text, query.offset, read.design);
        return answered(hover ? { status: 'answered', hover: { markdown: hover.markdown, range: hover.range } } : { status: 'answered' });
      }
      const definition = definitionAt(read.design, query.offset);
      return answered(definition
        ? { status: 'answered', definition: { origin: definition.origin, target: definition.declaration.range, targetId: definition.declaration.idRange } }
        : { status: 'answered' });
    } catch (error) {
      return answered({ status: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }

  forget(uri: string): void {
    this.read.delete(uri);
  }
}
