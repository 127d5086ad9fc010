// A worker on desktop: a Node process forked from the extension host
// (src/extension/analysis-process.ts) that parses and analyzes documents, or answers hover
// and definition questions, so the extension host never waits for a big design nor holds
// its memory.
import { rehearseWhenIdle, workerReply, WorkerState } from './dispatch';

process.title = process.argv[2] === 'queries' ? 'VTopo queries' : 'VTopo analysis';
const state = new WorkerState();
process.on('message', (message: unknown) => {
  const reply = workerReply(message, state);
  if (reply !== undefined) process.send?.(reply);
  // A step of the rehearsal (if one is under way) each turn of the event loop, after the messages received meanwhile.
  rehearseWhenIdle(state, setImmediate);
});
// The extension host went away (or stopped this process): so does the worker.
process.on('disconnect', () => process.exit(0));
