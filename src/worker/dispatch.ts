// What a worker does with each message, the same in the desktop process and the Web
// Worker. A worker either analyzes documents (reports) or answers hover and definition
// questions (queries): the extension host starts one of each, from the same script.
import { answer, isDocumentReportRequest, isLanguageSetting, type WorkerMemory } from '../core/analysis/document-report';
import type { AnalysisMemory } from '../core/analysis/incremental';
import { Rehearsal } from '../core/analysis/rehearsal';
import { RecentDocuments } from '../core/text/recent-documents';
import { SentReports } from '../core/analysis/report-changes';
import { useLanguage } from '../core/l10n/messages';
import { DesignReader } from '../core/language/queries';
import { isForgetDocument, isLanguageQuery } from '../core/language/query-protocol';
import { DocumentTexts } from '../core/text/document-sync';

/** Documents whose last analysis the worker keeps (each holds the reports of every rule). */
const KEPT_ANALYSES = 4;

/** What a worker holds between messages: the documents' texts, last reports and analyses, and the designs read for questions. */
export class WorkerState implements WorkerMemory {
  readonly texts = new DocumentTexts();
  readonly sent = new SentReports();
  readonly analyses = new RecentDocuments<AnalysisMemory>(KEPT_ANALYSES);
  readonly reader = new DesignReader();
  /** The rehearsal under way (rehearsal.ts): one per worker, after its first report, until the next request. */
  rehearsal: Rehearsal | undefined;
  /** A rehearsal was started: the worker's code is warm from then on, whatever its next design. */
  rehearsed = false;
  /** A step of the rehearsal is scheduled (rehearseWhenIdle). */
  rehearsalScheduled = false;
}

/** Handles one message; returns the reply to send, if there is one. */
export function workerReply(message: unknown, state: WorkerState): unknown {
  if (isLanguageSetting(message)) {
    useLanguage(message.language, message.bundle);
    return undefined;
  }
  if (isForgetDocument(message)) {
    state.texts.forget(message.uri);
    state.sent.forget(message.uri);
    state.analyses.delete(message.uri);
    state.reader.forget(message.uri);
    return undefined;
  }
  // A request ends the rehearsal: the user is at work. (Closing a document does not.)
  state.rehearsal = undefined;
  if (isLanguageQuery(message)) return state.reader.answer(message);
  const reply = answer(message, state);
  if (!state.rehearsed && reply.kind === 'report' && isDocumentReportRequest(message) && message.text !== undefined) {
    state.rehearsal = Rehearsal.of(message, message.text);
    state.rehearsed = state.rehearsal !== undefined;
  }
  return reply;
}

/**
 * Runs the rehearsal under way, if any, a step at a time, each in a task of its own that
 * `later` schedules, so the messages received meanwhile are handled first (and end it).
 */
export function rehearseWhenIdle(state: WorkerState, later: (step: () => void) => void): void {
  if (state.rehearsalScheduled || !state.rehearsal) return;
  state.rehearsalScheduled = true;
  later(() => {
    state.rehearsalScheduled = false;
    if (rehearse(state)) rehearseWhenIdle(state, later);
  });
}

/** Runs the next step of the rehearsal under way, if any; whether a step is left. */
export function rehearse(state: WorkerState): boolean {
  if (state.rehearsal?.next()) return true;
  state.rehearsal = undefined;
  return false;
}
