// A worker in the web extension host: a Web Worker that parses and analyzes documents, or
// answers hover and definition questions, so the extension host never waits for a big design.
import { rehearseWhenIdle, workerReply, WorkerState } from './dispatch';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
const state = new WorkerState();
scope.onmessage = (event) => {
  const reply = workerReply(event.data, state);
  if (reply !== undefined) scope.postMessage(reply);
  // A step of the rehearsal (if one is under way) each task, after the messages received meanwhile.
  rehearseWhenIdle(state, (step) => setTimeout(step, 0));
};
