// A worker in the web extension host: a Web Worker that parses and analyzes documents, or
// answers hover and definition questions, so the extension host never waits for a big design.
import { rehearse, workerReply, WorkerState } from './dispatch';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
const state = new WorkerState();
let rehearsing = false;
/** A step of the rehearsal each task, after the messages received meanwhile (which end it). */
function rehearseWhenIdle(): void {
  if (rehearsing || !state.rehearsal) return;
  rehearsing = true;
  setTimeout(() => {
    rehearsing = false;
    if (rehearse(state)) rehearseWhenIdle();
  }, 0);
}
scope.onmessage = (event) => {
  const reply = workerReply(event.data, state);
  if (reply !== undefined) scope.postMessage(reply);
  rehearseWhenIdle();
};
