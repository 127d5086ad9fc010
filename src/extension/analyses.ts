/**
 * The design as the extension host knows it, one reading per document version, for the
 * features that need the model itself: the designer, the preview, simulations, hover and
 * go to definition. (Diagnostics, the outline and the status bar come from the analysis
 * worker: see diagnostics.ts.) Computed on demand, never per keystroke: a version is parsed
 * when a feature first needs it, and its rules run only when one needs the findings (hover,
 * definition and completion never do). Hover and
 * definition answer from the last analysis while the document moves on, through the edits
 * made since; only a question about freshly edited text waits for a new analysis.
 * Analysis never throws into the extension host: a failure is logged and yields nothing.
 */

import * as vscode from 'vscode';
import { analyzeParsed, type Analysis } from '../core/analysis/engine';
import { parseVtopo, type ParseResult } from '../core/model/parse';
import type { Topology } from '../core/model/topology';
import { DesignIndex } from '../core/language/navigation';
import type { SourceRange } from '../core/model/source';
import { EditTrail } from '../core/text/edit-trail';
import { readSettings } from './settings';

export class AnalyzedVersion {
  private designIndex: DesignIndex | undefined;
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

  /** Offset lookups for hover and definition, built on first use. */
  get design(): DesignIndex {
    this.designIndex ??= new DesignIndex(this.parsed.topology);
    return this.designIndex;
  }
}

/** An analysis seen from the current text: an offset of it, and ranges of it mapped back to today's text. */
export interface PositionedAnalysis {
  readonly analyzed: AnalyzedVersion;
  /** The asked offset, in the analyzed version's text. */
  readonly offset: number;
  /** A range of the analyzed version's text in the current text, if it was not edited since. */
  toCurrent(range: SourceRange): SourceRange | undefined;
}

interface Known {
  analyzed: AnalyzedVersion | undefined;
  /** Edits since `analyzed` was made. */
  readonly trail: EditTrail;
}

export class DocumentAnalyses {
  private readonly byUri = new Map<string, Known>();
  private generation = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The analysis of the document as it is now, computed if this version has none yet. */
  current(document: vscode.TextDocument): AnalyzedVersion | undefined {
    const known = this.known(document);
    const cached = known.analyzed;
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached;
    const analyzed = this.analyze(document);
    if (analyzed) {
      known.analyzed = analyzed;
      known.trail.forgetThrough(analyzed.version);
    }
    return analyzed;
  }

  /**
   * An analysis that can answer about `offset` of the current text: the last one if the
   * text there was not edited since (unless `fresh`), else a new one.
   */
  at(document: vscode.TextDocument, offset: number, fresh = false): PositionedAnalysis | undefined {
    const known = this.known(document);
    const last = known.analyzed;
    if (last && last.generation === this.generation && !fresh) {
      const old = last.version === document.version ? offset : known.trail.toVersion(offset, last.version);
      if (old !== undefined) {
        return { analyzed: last, offset: old, toCurrent: (range) => mapRange(known.trail, range, last.version) };
      }
    }
    const analyzed = this.current(document);
    return analyzed && { analyzed, offset, toCurrent: (range) => range };
  }

  /** Keeps the edits of a change, so that the last analysis still answers about unchanged text. */
  recordChange(event: vscode.TextDocumentChangeEvent): void {
    const known = this.byUri.get(event.document.uri.toString());
    if (!known?.analyzed) return;
    const changes = event.contentChanges.map((change) => ({ offset: change.rangeOffset, removed: change.rangeLength, inserted: change.text.length }));
    if (!known.trail.record(event.document.version, changes)) this.forget(event.document.uri);
  }

  forget(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }

  /** Settings changed: every cached analysis is out of date. */
  invalidate(): void {
    this.generation++;
  }

  private known(document: vscode.TextDocument): Known {
    const key = document.uri.toString();
    let known = this.byUri.get(key);
    if (!known) {
      known = { analyzed: undefined, trail: new EditTrail() };
      this.byUri.set(key, known);
    }
    return known;
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

function mapRange(trail: EditTrail, range: SourceRange, from: number): SourceRange | undefined {
  const start = trail.fromVersion(range.start, from);
  const end = range.end === range.start ? start : trail.fromVersion(range.end - 1, from);
  if (start === undefined || end === undefined) return undefined;
  return { start, end: range.end === range.start ? start : end + 1 };
}
