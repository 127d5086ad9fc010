/**
 * Findings become diagnostics: on open at once, on change after a quiet period, cleared
 * on close. The findings behind the published diagnostics are kept per document version
 * so that quick fixes can find the fix data of the diagnostic they are asked about.
 */

import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/analysis/rule';
import type { AnalyzedVersion, DocumentAnalyses } from './analyses';
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
  readonly analyzed: AnalyzedVersion;
  readonly findings: ReadonlyArray<{ readonly diagnostic: vscode.Diagnostic; readonly finding: Finding }>;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(VTOPO_LANGUAGE);
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly published = new Map<string, Published>();

  constructor(
    private readonly analyses: DocumentAnalyses,
    /** docs/rules.md inside the extension: each diagnostic's code links to its rule there. */
    private readonly rulesDocument: vscode.Uri,
  ) {}

  /**
   * Analyzes after `vtopo.analysis.debounceMs` without further edits, or after as long as
   * the last analysis took if that is longer: a design that takes seconds to analyze must
   * not block the editor again at every pause in typing.
   */
  schedule(document: vscode.TextDocument): void {
    if (!isAnalyzable(document)) return;
    const key = document.uri.toString();
    const delay = Math.max(readSettings(document.uri).debounceMs, this.analyses.lastDurationMs(document));
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (!document.isClosed) this.refresh(document);
    }, delay));
  }

  /** Analyzes now (if this version is not analyzed yet) and publishes the findings. */
  refresh(document: vscode.TextDocument): AnalyzedVersion | undefined {
    if (!isAnalyzable(document)) return undefined;
    const analyzed = this.analyses.current(document);
    if (!analyzed) return undefined;
    const key = document.uri.toString();
    if (this.published.get(key)?.analyzed !== analyzed) {
      const findings = analyzed.analysis.findings.map((finding) => ({ finding, diagnostic: this.toDiagnostic(document, finding) }));
      this.collection.set(document.uri, findings.map((entry) => entry.diagnostic));
      this.published.set(key, { analyzed, findings });
    }
    return analyzed;
  }

  clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.published.delete(key);
    this.collection.delete(document.uri);
  }

  /** Re-analyzes every open design, e.g. after the rule settings changed. */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** The finding behind a published diagnostic, if the document has not changed since. */
  findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
    const published = this.published.get(document.uri.toString());
    if (!published || published.analyzed.version !== document.version) return undefined;
    const code = codeOf(diagnostic);
    return published.findings.find(({ diagnostic: candidate }) =>
      codeOf(candidate) === code && candidate.message === diagnostic.message && candidate.range.isEqual(diagnostic.range))?.finding;
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.collection.dispose();
  }

  private toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
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
