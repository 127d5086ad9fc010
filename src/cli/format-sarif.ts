/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: every rule of the catalog
 * in `tool.driver.rules`, one result per finding, locations relative to %SRCROOT%.
 */

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import type { Finding, RuleMeta, Severity } from '../core/analysis/rule';
import { ALL_RULES } from '../core/analysis/rules';
import type { SourceRange } from '../core/model/source';
import type { CheckRun, CheckedFile } from './check';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SOURCE_ROOT = '%SRCROOT%';
/** The partialFingerprints key; bump its version if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'vtopoFindingHash/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

export function formatSarif(run: CheckRun, cwd: string): string {
  const ruleIndex = new Map(ALL_RULES.map((meta, index) => [meta.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'vtopo', version, semanticVersion: version, rules: ALL_RULES.map(sarifRule) } },
      invocations: [{
        executionSuccessful: run.unreadable.length === 0,
        toolExecutionNotifications: run.unreadable.map((problem) => ({
          level: 'error',
          message: { text: `${problem.path}: ${problem.message}` },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.path, cwd) } }],
        })),
      }],
      columnKind: 'utf16CodeUnits',
      results: run.files.flatMap((file) => sarifResults(file, artifactLocation(file.path, cwd), ruleIndex)),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(meta: RuleMeta) {
  const sources = meta.docs.sources;
  return {
    id: meta.id,
    shortDescription: { text: meta.docs.title },
    fullDescription: { text: meta.docs.description },
    help: {
      text: `${meta.docs.description}\n\nSources: ${sources.join('; ')}.`,
      markdown: `${meta.docs.description}\n\n**Sources**\n\n${sources.map((source) => `- ${source}`).join('\n')}`,
    },
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
    properties: { fixable: meta.fixable },
  };
}

function sarifResults(file: CheckedFile, location: ArtifactLocation, ruleIndex: ReadonlyMap<string, number>) {
  const region = (range: SourceRange) => {
    const start = file.positionAt(range.start);
    const end = file.positionAt(range.end);
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  };
  const physicalLocation = (range: SourceRange) => ({ artifactLocation: location, region: region(range) });
  const occurrences = new Map<string, number>();
  return file.findings.map((finding) => {
    const hash = findingHash(finding);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    const index = ruleIndex.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(finding.range) }],
      relatedLocations: (finding.related ?? []).map((related, id) => ({ id, message: { text: related.message }, physicalLocation: physicalLocation(related.range) })),
      // Identical findings in one file (same rule, elements and message) are told apart by their order.
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
      ...(finding.elementIds.length === 0 && finding.omitted === undefined
        ? {}
        : { properties: { ...(finding.elementIds.length === 0 ? {} : { elementIds: finding.elementIds }), ...(finding.omitted === undefined ? {} : { omitted: finding.omitted }) } }),
      ...(finding.fixes === undefined
        ? {}
        : {
            fixes: finding.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [{
                artifactLocation: location,
                replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
              }],
            })),
          }),
    };
  });
}

/** Stable across runs and line shifts: the rule, the elements and the message, not the position. */
export function findingHash(finding: Pick<Finding, 'ruleId' | 'elementIds' | 'message'>): string {
  return createHash('sha256').update(JSON.stringify([finding.ruleId, finding.elementIds, finding.message])).digest('hex').slice(0, 32);
}

/** Relative to the working directory under %SRCROOT% (forward slashes, percent-encoded); outside it, a file: URI. */
export function artifactLocation(path: string, cwd: string): ArtifactLocation {
  const absolute = resolve(cwd, path);
  const fromRoot = relative(cwd, absolute);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return { uri: pathToFileURL(absolute).href };
  return { uri: fromRoot.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
