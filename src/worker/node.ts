// The analysis worker on desktop: a Node process forked from the extension host
// (src/extension/analysis-process.ts) that parses and analyzes documents, so the extension
// host never waits for a big design nor holds its memory.
import { answer, isLanguageSetting } from '../core/analysis/document-report';
import { useLanguage } from '../core/l10n/messages';

process.title = 'VTopo analysis';
process.on('message', (message: unknown) => {
  if (isLanguageSetting(message)) useLanguage(message.language, message.bundle);
  else process.send?.(answer(message));
});
// The extension host went away (or stopped this process): so does the analysis.
process.on('disconnect', () => process.exit(0));
