/**
 * Findings become diagnostics: on open at once, on change after a quiet period, cleared
 * on close. The analysis worker makes them (analysis-client.ts); a report on a version the
 * document has moved past is dropped. The findings behind the published diagnostics are
 * kept per document version so that quick fixes can find the fix data of the diagnostic
 * they are asked about. A document's diagnostics are spread over several collections, and
 * an edit sends the workbench only the collections whose diagnostics changed
 * (core/language/problem-parts.ts).
 */

import * as vscode from 'vscode';
import type { DocumentReport, ReportedFinding } from '../core/analysis/document-report';
import type { Severity } from '../core/analysis/rule';
import type { AnalysisClient } from './analysis-client';
import { fromLineRange } from './ranges';
import { readSettings } from './settings';
import { DocumentSync } from '../core/text/document-sync';
import { PROBLEM_PARTS, PROBLEMS_PER_FILE, partOf, shownProblems, spreadProblems } from '../core/language/problem-parts';
import { formatInteger } from '../core/l10n/format';

export const VTOPO_LANGUAGE = 'vtopo';

/** Git's views of old versions share the language; reporting them would double every problem. */
export function isAnalyzable(document: vscode.TextDocument): boolean {
  return document.languageId === VTOPO_LANGUAGE && document.uri.scheme !== 'git';
}

const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A finding and its diagnostic. */
interface Entry {
  readonly finding: ReportedFinding;
  readonly diagnostic: vscode.Diagnostic;
  /** The last matching (`diagnosticsOf`) that took this entry, by its number. */
  matching: number;
}

interface Published {
  readonly report: DocumentReport;
  readonly findings: readonly Entry[];
  /** What each collection holds of the document's diagnostics. */
  readonly parts: ReadonlyArray<readonly vscode.Diagnostic[]>;
  /** The diagnostic that says how many were left out, past PROBLEMS_PER_FILE. */
  readonly omittedNote: vscode.Diagnostic | undefined;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collections = Array.from({ length: PROBLEM_PARTS }, (_, index) =>
    vscode.languages.createDiagnosticCollection(index === 0 ? VTOPO_LANGUAGE : `${VTOPO_LANGUAGE}-${index}`));
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version last sent to the worker, per document. */
  private readonly requested = new Map<string, number>();
  private readonly published = new Map<string, Published>();
  private readonly ruleLinks = new Map<string, vscode.Uri>();
  /**
   * Each finding's entry, for as long as a report holds the finding: a report rebuilt from
   * the worker's changes holds the findings that did not change as the same objects
   * (report-changes.ts), so they find their diagnostics here.
   */
  private readonly entries = new WeakMap<ReportedFinding, Entry>();
  private matchings = 0;
  /** The collection of each diagnostic (by its rule and message), worked out once. */
  private readonly partIndexes = new WeakMap<vscode.Diagnostic, number>();
  /** What the analysis worker holds of each document's text, and the edits since. */
  private readonly syncs = new Map<string, DocumentSync>();
  private readonly published$ = new vscode.EventEmitter<DocumentReport>();
  /** A report was published: its document's problems, outline and status are new. */
  readonly onDidPublish = this.published$.event;

  constructor(
    private readonly client: AnalysisClient,
    /** docs/rules.md inside the extension: each diagnostic's code links to its rule there. */
    private readonly rulesDocument: vscode.Uri,
  ) {}

  /**
   * Analyzes after `vtopo.analysis.debounceMs` without further edits (none by default: the
   * analysis runs in the worker, and edits made while it runs are analyzed together next,
   * see analysis-client.ts). The pause never grows with the analysis time.
   */
  schedule(document: vscode.TextDocument): void {
    if (!isAnalyzable(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (!document.isClosed) void this.refresh(document);
    }, readSettings(document.uri).debounceMs));
  }

  /**
   * Analyzes the document as it is now and publishes the findings, unless the document
   * moved on meanwhile (then that report is dropped: the newer version's is on its way).
   */
  async refresh(document: vscode.TextDocument): Promise<DocumentReport | undefined> {
    if (!isAnalyzable(document)) return undefined;
    const key = document.uri.toString();
    const published = this.published.get(key)?.report;
    if (published && published.version === document.version && this.requested.get(key) === document.version) return published;
    this.requested.set(key, document.version);
    // The text is read when the worker is free for it: by then it may be a newer version.
    const report = await this.client.request(key, (whole) => {
      if (document.isClosed) return undefined;
      const settings = readSettings(document.uri);
      const text = this.syncOf(key).next(document.version, () => document.getText(), whole);
      return { uri: key, version: document.version, rules: settings.rules, outlineLimit: settings.outlineLimit, ...text };
    });
    if (!report || document.isClosed || report.version !== document.version) return undefined;
    const previous = this.published.get(key);
    const findings = this.diagnosticsOf(document, report.findings, previous);
    this.published.set(key, { report, findings, ...this.publish(document.uri, findings, previous) });
    this.published$.fire(report);
    return report;
  }

  /** The last published report on the document, of whichever version. */
  lastReport(document: vscode.TextDocument): DocumentReport | undefined {
    return this.published.get(document.uri.toString())?.report;
  }

  /**
   * The report on the document's current version, once the worker has made it; if the
   * request is cancelled first (the document changed again), the last one there is.
   */
  reportOn(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<DocumentReport | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const last = this.published.get(key)?.report;
    if (last?.version === version) return Promise.resolve(last);
    if (this.requested.get(key) !== version && !this.pending.has(key)) void this.refresh(document);
    return new Promise((resolve) => {
      const done = (report: DocumentReport | undefined) => {
        published.dispose();
        cancelled.dispose();
        resolve(report);
      };
      const published = this.onDidPublish((report) => {
        if (report.uri === key && report.version >= version) done(report);
      });
      const cancelled = token.onCancellationRequested(() => done(this.published.get(key)?.report));
    });
  }

  clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.requested.delete(key);
    this.published.delete(key);
    this.syncs.delete(key);
    for (const collection of this.collections) collection.delete(document.uri);
  }

  /**
   * Keeps an edit for the next request, which sends the analysis worker only the changes
   * since the text it holds (core/text/document-sync.ts).
   */
  recordChange(event: vscode.TextDocumentChangeEvent): void {
    const changes = event.contentChanges.map((change) => ({ offset: change.rangeOffset, removed: change.rangeLength, text: change.text }));
    this.syncs.get(event.document.uri.toString())?.record(event.document.version, changes);
  }

  private syncOf(key: string): DocumentSync {
    let sync = this.syncs.get(key);
    if (!sync) {
      sync = new DocumentSync();
      this.syncs.set(key, sync);
    }
    return sync;
  }

  /** Re-analyzes every open design, e.g. after the rule settings changed. */
  refreshAll(): void {
    this.requested.clear();
    for (const document of vscode.workspace.textDocuments) void this.refresh(document);
  }

  /** The finding behind a published diagnostic, if the document has not changed since. */
  findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): ReportedFinding | undefined {
    const published = this.published.get(document.uri.toString());
    if (!published || published.report.version !== document.version) return undefined;
    const code = codeOf(diagnostic);
    return published.findings.find(({ diagnostic: candidate }) =>
      codeOf(candidate) === code && candidate.message === diagnostic.message && candidate.range.isEqual(diagnostic.range))?.finding;
  }

  /** The link of a rule in the rule catalog, one per rule. */
  private ruleLink(ruleId: string): vscode.Uri {
    let link = this.ruleLinks.get(ruleId);
    if (!link) {
      link = this.rulesDocument.with({ fragment: ruleId });
      this.ruleLinks.set(ruleId, link);
    }
    return link;
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const collection of this.collections) collection.dispose();
    this.published$.dispose();
  }

  /**
   * Hands the diagnostics to VS Code: the first PROBLEMS_PER_FILE, errors first, spread over
   * the collections; a collection whose diagnostics are the same objects as before is not
   * set again, so the same diagnostics do not cross to the workbench again (typing in a
   * comment, say), and an edit that changes one problem sends one collection's.
   */
  private publish(uri: vscode.Uri, findings: Published['findings'], previous: Published | undefined): Pick<Published, 'parts' | 'omittedNote'> {
    // vscode.DiagnosticSeverity ranks as shownProblems does: Error 0, Warning 1, Information 2, Hint 3.
    const { shown, omitted } = shownProblems(findings.map((entry) => entry.diagnostic), (diagnostic) => diagnostic.severity);
    const summary = omitted > 0 ? omittedDiagnostic(omitted, shown[shown.length - 1]?.range.start ?? new vscode.Position(0, 0), previous?.omittedNote) : undefined;
    if (summary) shown.push(summary);
    // The note on the rest keeps its part whatever count it says.
    const parts = spreadProblems(shown, (diagnostic) => (diagnostic === summary ? 0 : this.partIndexOf(diagnostic)));
    parts.forEach((part, index) => {
      const before = previous?.parts[index] ?? [];
      if (sameDiagnostics(before, part)) return;
      if (part.length > 0) this.collections[index]?.set(uri, part);
      else this.collections[index]?.delete(uri);
    });
    return { parts, omittedNote: summary };
  }

  /**
   * The diagnostics of a report. A finding the worker did not send again (the same object,
   * report-changes.ts), or one that reads as one of the last report's at the same line and
   * character, keeps its diagnostic: typing in a big design changes a few findings, and
   * making thousands of diagnostics again on each keystroke only fed the garbage collector.
   * Nothing is made for the findings that are the same objects but the list of them.
   */
  private diagnosticsOf(document: vscode.TextDocument, findings: readonly ReportedFinding[], previous: Published | undefined): Entry[] {
    const matching = ++this.matchings;
    const matched: Entry[] = new Array<Entry>(findings.length);
    let unmatched = 0;
    findings.forEach((finding, index) => {
      const entry = this.entries.get(finding);
      if (entry && entry.matching !== matching) {
        entry.matching = matching;
        matched[index] = entry;
      } else unmatched++;
    });
    if (unmatched === 0) return matched;
    // The last report's diagnostics that no finding kept, by message, for the new findings to read as.
    const free = new Map<string, Entry[]>();
    for (const entry of previous?.findings ?? []) {
      if (entry.matching === matching) continue;
      const same = free.get(entry.diagnostic.message);
      if (same) same.push(entry);
      else free.set(entry.diagnostic.message, [entry]);
    }
    findings.forEach((finding, index) => {
      if (matched[index]) return;
      const range = fromLineRange(finding.range);
      const candidates = free.get(finding.message);
      const at = candidates?.findIndex((candidate) => reads(candidate.diagnostic, finding, range)) ?? -1;
      const diagnostic = candidates && at >= 0 ? candidates.splice(at, 1)[0]?.diagnostic : undefined;
      const entry: Entry = { finding, diagnostic: diagnostic ?? this.toDiagnostic(document, finding, range), matching };
      this.entries.set(finding, entry);
      matched[index] = entry;
    });
    return matched;
  }

  private partIndexOf(diagnostic: vscode.Diagnostic): number {
    let part = this.partIndexes.get(diagnostic);
    if (part === undefined) this.partIndexes.set(diagnostic, (part = partOf(`${codeOf(diagnostic) ?? ''}\n${diagnostic.message}`, PROBLEM_PARTS)));
    return part;
  }

  private toDiagnostic(document: vscode.TextDocument, finding: ReportedFinding, range: vscode.Range): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[finding.severity]);
    diagnostic.source = 'vtopo';
    diagnostic.code = { value: finding.ruleId, target: this.ruleLink(finding.ruleId) };
    if (finding.related && finding.related.length > 0) {
      diagnostic.relatedInformation = finding.related.map(
        (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, fromLineRange(related.range)), related.message),
      );
    }
    return diagnostic;
  }
}

/** Whether a diagnostic says what the finding says, at `range`, with the same related locations. */
function reads(diagnostic: vscode.Diagnostic, finding: ReportedFinding, range: vscode.Range): boolean {
  if (codeOf(diagnostic) !== finding.ruleId || diagnostic.severity !== SEVERITIES[finding.severity] || !diagnostic.range.isEqual(range)) return false;
  const related = finding.related ?? [];
  const information = diagnostic.relatedInformation ?? [];
  return related.length === information.length
    && related.every((entry, index) => entry.message === information[index]?.message && information[index].location.range.isEqual(fromLineRange(entry.range)));
}

/** Whether two lists hold the same diagnostics in the same order. */
function sameDiagnostics(a: readonly vscode.Diagnostic[], b: readonly vscode.Diagnostic[]): boolean {
  return a.length === b.length && a.every((diagnostic, index) => diagnostic === b[index]);
}

/**
 * Where VS Code would say it: at the start of the last diagnostic shown. The one published
 * before is kept when it says the same, so its collection is not sent again.
 */
function omittedDiagnostic(omitted: number, at: vscode.Position, before: vscode.Diagnostic | undefined): vscode.Diagnostic {
  const message = vscode.l10n.t('Not showing {0} further problems: a file shows its first {1}, errors first.', formatInteger(omitted), formatInteger(PROBLEMS_PER_FILE));
  if (before?.message === message && before.range.start.isEqual(at)) return before;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at), message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = 'vtopo';
  return diagnostic;
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}
