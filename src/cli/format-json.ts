/**
 * The machine format (docs/cli.md, "JSON output"): positions carry a 1-based line and
 * column, like the text format, and the 0-based UTF-16 offset the core works in.
 */

import type { Finding } from '../core/analysis/rule';
import type { SourceRange } from '../core/model/source';
import { countSeverities, type CheckRun, type CheckedFile, type CliPosition } from './check';

export const JSON_OUTPUT_VERSION = 1;

export function formatJson(run: CheckRun): string {
  const output = {
    version: JSON_OUTPUT_VERSION,
    files: [
      ...run.files.map((file) => ({ file: file.path, findings: file.findings.map((finding) => jsonFinding(file, finding)), clusters: file.clusters })),
      ...run.unreadable.map((problem) => ({ file: problem.path, error: problem.message, findings: [] })),
    ],
    summary: { files: run.files.length, unreadableFiles: run.unreadable.length, findings: countSeverities(run) },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function jsonFinding(file: CheckedFile, finding: Finding) {
  const range = (source: SourceRange): { start: CliPosition; end: CliPosition } => ({
    start: file.positionAt(source.start),
    end: file.positionAt(source.end),
  });
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    elementIds: finding.elementIds,
    file: file.path,
    range: range(finding.range),
    related: (finding.related ?? []).map((related) => ({ message: related.message, file: file.path, range: range(related.range) })),
    ...(finding.omitted === undefined ? {} : { omitted: finding.omitted }),
    ...(finding.fixes === undefined
      ? {}
      : {
          fixes: finding.fixes.map((fix) => ({
            title: fix.title,
            preferred: fix.preferred ?? false,
            edits: fix.edits.map((edit) => ({ range: range(edit.range), newText: edit.newText })),
          })),
        }),
  };
}
