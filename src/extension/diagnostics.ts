/**
 * Findings become diagnostics: on open at once, on change after a quiet period, cleared
 * on close. The analysis worker makes them (analysis-client.ts); a report on a version the
 * document has moved past is dropped. The findings behind the published diagnostics are
 * kept per document version so that quick fixes can find the fix data of the diagnostic
 * they are asked about.
 */

import * as vscode from 'vscode';
import type { DocumentReport, ReportedFinding } from '../core/analysis/document-report';
import type { Severity } from '../core/analysis/rule';
import type { AnalysisClient } from './analysis-client';
import { toRange } from './ranges';
import { readSettings } from './settings';

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

interface Published {
  readonly report: DocumentReport;
  readonly findings: ReadonlyArray<{ readonly diagnostic: vscode.Diagnostic; readonly finding: ReportedFinding }>;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(VTOPO_LANGUAGE);
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version last sent to the worker, per document. */
  private readonly requested = new Map<string, number>();
  private readonly published = new Map<string, Published>();
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
    const report = await this.client.request(key, () => {
      if (document.isClosed) return undefined;
      const settings = readSettings(document.uri);
      return { uri: key, version: document.version, text: document.getText(), rules: settings.rules, outlineLimit: settings.outlineLimit };
    });
    if (!report || document.isClosed || report.version !== document.version) return undefined;
    const findings = report.findings.map((finding) => ({ finding, diagnostic: this.toDiagnostic(document, finding) }));
    this.collection.set(document.uri, findings.map((entry) => entry.diagnostic));
    this.published.set(key, { report, findings });
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
    this.collection.delete(document.uri);
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

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.collection.dispose();
    this.published$.dispose();
  }

  private toDiagnostic(document: vscode.TextDocument, finding: ReportedFinding): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(document, finding.range), finding.message, SEVERITIES[finding.severity]);
    diagnostic.source = 'vtopo';
    diagnostic.code = { value: finding.ruleId, target: this.rulesDocument.with({ fragment: finding.ruleId }) };
    if (finding.related && finding.related.length > 0) {
      diagnostic.relatedInformation = finding.related.map(
        (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, related.range)), related.message),
      );
    }
    return diagnostic;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}
