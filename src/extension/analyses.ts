/**
 * The design as the extension host knows it, one reading per document version, for the
 * features that need the model itself: the designer, the preview and simulations.
 * (Diagnostics, the outline, the status bar and completion's ids come from the analysis
 * worker, see diagnostics.ts; hover and definition from the query worker, see
 * query-client.ts.) Computed on demand, never per keystroke: a version is parsed when a
 * feature first needs it, and its rules run only when one needs the findings.
 * Analysis never throws into the extension host: a failure is logged and yields nothing.
 */

import * as vscode from 'vscode';
import { analyzeParsed, type Analysis } from '../core/analysis/engine';
import { parseVtopo, type ParseResult } from '../core/model/parse';
import type { Topology } from '../core/model/topology';
import { readSettings } from './settings';

export class AnalyzedVersion {
  private analyzed: Analysis | undefined;

  constructor(
    readonly version: number,
    /** Settings generation the analysis was made with. */
    readonly generation: number,
    private readonly parsed: ParseResult,
    /** Runs the rules on the parsed design, with the settings of `generation`; logs what it did. */
    private readonly runRules: (parsed: ParseResult) => Analysis,
  ) {}

  /** The text of that version. */
  get text(): string {
    return this.parsed.text;
  }

  get topology(): Topology {
    return this.parsed.topology;
  }

  /** The design and its findings: the rules run on first use. */
  get analysis(): Analysis {
    this.analyzed ??= this.runRules(this.parsed);
    return this.analyzed;
  }
}

export class DocumentAnalyses {
  /** The last version read of each document. */
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

  forget(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }

  /** Settings changed: every cached analysis is out of date. */
  invalidate(): void {
    this.generation++;
  }

  private analyze(document: vscode.TextDocument): AnalyzedVersion | undefined {
    const name = `${vscode.workspace.asRelativePath(document.uri)} (version ${document.version})`;
    const rules = readSettings(document.uri).rules;
    const runRules = (parsed: ParseResult): Analysis => {
      const started = performance.now();
      const analysis = analyzeParsed(parsed, { rules });
      this.log.info(`Analyzed ${name} in the extension host: ${analysis.findings.length} findings in ${(performance.now() - started).toFixed(0)} ms`);
      return analysis;
    };
    const started = performance.now();
    try {
      const parsed = parseVtopo(document.getText());
      this.log.info(`Read ${name} in the extension host in ${(performance.now() - started).toFixed(0)} ms`);
      return new AnalyzedVersion(document.version, this.generation, parsed, runRules);
    } catch (error) {
      this.log.error(`Reading ${document.uri.toString()} failed:`, error instanceof Error ? error : String(error));
      return undefined;
    }
  }
}
