/**
 * `vtopo check`: analyzes each readable input with the core engine and keeps what the
 * formatters need (the findings, each cluster's capacity figures, and a line index to turn
 * offsets into lines and columns).
 */

import { analyzeText } from '../core/analysis/engine';
import { clusterFigures, type ClusterFigures } from '../core/capacity/figures';
import { findingCount, SEVERITIES, type Finding, type Severity } from '../core/analysis/rule';
import { structuralMeta } from '../core/analysis/rules';
import { inputTooLargeProblem } from '../core/model/parse';
import { LineIndex } from '../core/model/source';
import type { FailOn } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE_OR_INPUT } from './exit-codes';
import type { Input, InputError } from './inputs';

/** A position as the CLI prints it: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface CliPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface CheckedFile {
  /** The path as given on the command line (or found under a given directory). */
  readonly path: string;
  readonly findings: readonly Finding[];
  /** Each HA cluster's admission-control and N-1 figures, as numbers (the JSON output's `clusters`). */
  readonly clusters: readonly ClusterFigures[];
  readonly positionAt: (offset: number) => CliPosition;
}

export interface CheckRun {
  readonly files: readonly CheckedFile[];
  readonly unreadable: readonly InputError[];
}

export type SeverityCounts = Readonly<Record<Severity, number>>;

export function checkInputs(inputs: readonly Input[], unreadable: readonly InputError[]): CheckRun {
  return { files: inputs.map(checkInput), unreadable };
}

function checkInput(input: Input): CheckedFile {
  const text = input.kind === 'text' ? input.text : '';
  const lines = new LineIndex(text);
  const positionAt = (offset: number): CliPosition => {
    const { line, character } = lines.positionAt(offset);
    return { line: line + 1, column: character + 1, offset: Math.max(0, Math.min(offset, text.length)) };
  };
  if (input.kind !== 'text') return { path: input.path, findings: [tooLargeFinding(input.sizeBytes)], clusters: [], positionAt };
  const { findings, topology } = analyzeText(text);
  return { path: input.path, findings, clusters: clusterFigures(topology), positionAt };
}

/** What the reader reports for an oversized text, for a file too large to be read at all. */
function tooLargeFinding(sizeBytes: number): Finding {
  return { ...inputTooLargeProblem(sizeBytes), severity: structuralMeta('input-limit').defaultSeverity };
}

/** Findings by severity; a rule's summary finding counts the findings it leaves unlisted. */
export function countSeverities(run: CheckRun): SeverityCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of run.files) for (const finding of file.findings) counts[finding.severity] += findingCount(finding);
  return counts;
}

/** 0 when no finding is at or above the threshold, 1 when one is, 2 when an input could not be read. */
export function exitCodeOf(run: CheckRun, failOn: FailOn): number {
  if (run.unreadable.length > 0) return EXIT_USAGE_OR_INPUT;
  if (failOn === 'never') return EXIT_OK;
  const threshold = SEVERITIES.indexOf(failOn);
  const failing = run.files.some((file) => file.findings.some((finding) => SEVERITIES.indexOf(finding.severity) <= threshold));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
