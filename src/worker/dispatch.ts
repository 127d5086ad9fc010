// What a worker does with each message, the same in the desktop process and the Web
// Worker. A worker either analyzes documents (reports) or answers hover and definition
// questions (queries): the extension host starts one of each, from the same script.
import { answer, isLanguageSetting } from '../core/analysis/document-report';
import { useLanguage } from '../core/l10n/messages';
import { DesignReader, isForgetDocument, isLanguageQuery } from '../core/language/queries';

/** Handles one message; returns the reply to send, if there is one. */
export function workerReply(message: unknown, reader: DesignReader): unknown {
  if (isLanguageSetting(message)) {
    useLanguage(message.language, message.bundle);
    return undefined;
  }
  if (isForgetDocument(message)) {
    reader.forget(message.uri);
    return undefined;
  }
  if (isLanguageQuery(message)) return reader.answer(message);
  return answer(message);
}
