/**
 * One analysis per document version: diagnostics, hover, definition and the outline all
 * read the same result, so a big design is parsed once per edit, not once per feature.
 * Analysis never throws into the extension host: a failure is logged and yields nothing.
 */

import * as vscode from 'vscode';
import { analyzeText, type Analysis } from '../core/analysis/engine';
import { DesignIndex } from '../core/language/navigation';
import { readSettings } from './settings';

export class AnalyzedVersion {
  private designIndex: DesignIndex | undefined;

  constructor(
    readonly version: number,
    /** Settings generation the analysis was made with. */
    readonly generation: number,
    readonly analysis: Analysis,
    /** How long the analysis took; big designs take seconds. */
    readonly elapsedMs: number,
  ) {}

  /** Offset lookups for hover and definition, built on first use. */
  get design(): DesignIndex {
    this.designIndex ??= new DesignIndex(this.analysis.topology);
    return this.designIndex;
  }
}

export class DocumentAnalyses {
  private readonly byUri = new Map<string, AnalyzedVersion>();
  private generation = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The analysis of the document as it is now, computed if this version has none yet. */
  current(document: vscode.TextDocument): AnalyzedVersion | undefined {
    const key = document.uri.toString();
    const cached = this.byUri.get(key);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached;
    const analyzed = this.analyze(document);
    if (analyzed) this.byUri.set(key, analyzed);
    return analyzed;
  }

  /**
   * The most recent analysis, possibly of an earlier version: enough for completion,
   * which only needs the ids, and never makes typing wait for a parse.
   */
  latest(document: vscode.TextDocument): AnalyzedVersion | undefined {
    return this.byUri.get(document.uri.toString()) ?? this.current(document);
  }

  /** How long the last analysis of the document took (0 if there was none); never analyzes. */
  lastDurationMs(document: vscode.TextDocument): number {
    return this.byUri.get(document.uri.toString())?.elapsedMs ?? 0;
  }

  forget(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }

  /** Settings changed: every cached analysis is out of date. */
  invalidate(): void {
    this.generation++;
  }

  private analyze(document: vscode.TextDocument): AnalyzedVersion | undefined {
    const started = performance.now();
    try {
      const analysis = analyzeText(document.getText(), { rules: readSettings(document.uri).rules });
      const elapsed = performance.now() - started;
      this.log.info(`Analyzed ${vscode.workspace.asRelativePath(document.uri)} (version ${document.version}): ${analysis.findings.length} findings in ${elapsed.toFixed(0)} ms`);
      return new AnalyzedVersion(document.version, this.generation, analysis, elapsed);
    } catch (error) {
      this.log.error(`Analysis of ${document.uri.toString()} failed:`, error instanceof Error ? error : String(error));
      return undefined;
    }
  }
}
