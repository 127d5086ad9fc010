// The analysis worker in the desktop extension host: a Node worker thread (worker_threads)
// that parses and analyzes documents, so the extension host never waits for a big design.
import { parentPort } from 'node:worker_threads';
import { answer, isLanguageSetting } from '../core/analysis/document-report';
import { useLanguage } from '../core/l10n/messages';

const port = parentPort;
if (port) {
  port.on('message', (message: unknown) => {
    if (isLanguageSetting(message)) useLanguage(message.language, message.bundle);
    else port.postMessage(answer(message));
  });
}
