// The analysis worker in the desktop extension host: a Node worker thread (worker_threads)
// that parses and analyzes documents, so the extension host never waits for a big design.
import { parentPort } from 'node:worker_threads';
import { answer } from '../core/analysis/document-report';

const port = parentPort;
if (port) port.on('message', (message: unknown) => port.postMessage(answer(message)));
