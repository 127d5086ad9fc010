// A worker in the web extension host: a Web Worker that parses and analyzes documents, or
// answers hover and definition questions, so the extension host never waits for a big design.
import { DesignReader } from '../core/language/queries';
import { workerReply } from './dispatch';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
const reader = new DesignReader();
scope.onmessage = (event) => {
  const reply = workerReply(event.data, reader);
  if (reply !== undefined) scope.postMessage(reply);
};
