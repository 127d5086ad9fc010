// The analysis worker in the web extension host: a Web Worker that parses and analyzes
// documents, so the extension host never waits for a big design.
import { answer } from '../core/analysis/document-report';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(answer(event.data));
