// The analysis worker in the web extension host: a Web Worker that parses and analyzes
// documents, so the extension host never waits for a big design.
import { answer, isLanguageSetting } from '../core/analysis/document-report';
import { useLanguage } from '../core/l10n/messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  if (isLanguageSetting(event.data)) useLanguage(event.data.language, event.data.bundle);
  else scope.postMessage(answer(event.data));
};
