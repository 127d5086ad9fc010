/** A small dual-fabric FC design (the array vendor white paper (docs/design/sources.md#seed-000) shape) to vary in the storage rule tests. */

import { analyzeText } from '../../../../src/core/analysis/engine';
import type { AnalysisRule, Finding } from '../../../../src/core/analysis/rule';
import { parseVtopo } from '../../../../src/core/model/parse';
import type { Report } from '../../../../src/core/model/report';

export const hba = (type = 'fc') => `{ type: ${type}, ports: { p0: { roles: [storage] }, p1: { roles: [storage] } } }`;

export interface DesignParts {
  readonly hosts?: string;
  readonly switches?: string;
  readonly arrays?: string;
  readonly datastores?: string;
  readonly links?: readonly string[];
  readonly vms?: string;
}

export const REDUNDANT_LINKS = [
  '[esx-01/hba1/p0, fc-a]',
  '[esx-01/hba2/p0, fc-b]',
  '[esx-02/hba1/p0, fc-a]',
  '[esx-02/hba2/p0, fc-b]',
  '[fq/a/fc0, fc-a]',
  '[fq/a/fc1, fc-b]',
  '[fq/b/fc0, fc-a]',
  '[fq/b/fc1, fc-b]',
] as const;

export function design(parts: DesignParts = {}): string {
  const host = (id: string) => `  ${id}:\n    cpu: { cores: 16, speed: 2 GHz }\n    memory: 256 GB\n    adapters:\n      hba1: ${hba()}\n      hba2: ${hba()}\n`;
  return [
    'vtopo: 1',
    'clusters:',
    '  prod: {}',
    'hosts:',
    (parts.hosts ?? `${host('esx-01')}${host('esx-02')}`).trimEnd(),
    'switches:',
    parts.switches ?? '  fc-a: { type: fc, fabric: A }\n  fc-b: { type: fc, fabric: B }',
    'arrays:',
    parts.arrays ??
      '  fq:\n    controllers:\n      a: { ports: { fc0: { type: fc }, fc1: { type: fc }, fc2: { type: fc } } }\n      b: { ports: { fc0: { type: fc }, fc1: { type: fc }, fc2: { type: fc } } }',
    'datastores:',
    parts.datastores ?? '  ds1: { array: fq, lun: 1 }',
    'links:',
    ...(parts.links ?? REDUNDANT_LINKS).map((link) => `  - ${link}`),
    'vms:',
    parts.vms ?? '  vm1: { host: esx-01, memory: 4 GB, datastore: ds1 }\n  vm2: { host: esx-02, memory: 4 GB, datastore: ds1 }',
    '',
  ].join('\n');
}

export function findings(text: string, ruleId: string): Finding[] {
  const all = analyzeText(text, { today: '2025-01-01' }).findings;
  const internal = all.filter((f) => f.internalError === true);
  if (internal.length > 0) throw new Error(internal.map((f) => f.message).join('\n'));
  return all.filter((f) => f.ruleId === ruleId);
}

/** Runs one rule with the document text in its context, as a host that passes it would. */
export function reportsWithText(rule: AnalysisRule, text: string): Report[] {
  const { topology } = parseVtopo(text);
  const context = { topology, option: (): number => 0, today: '2025-01-01', text };
  return [...rule.check(context)];
}

/** The text a finding's range covers. */
export function at(text: string, report: Pick<Report, 'range'>): string {
  return text.slice(report.range.start, report.range.end);
}

export function removeLink(link: string): string[] {
  return REDUNDANT_LINKS.filter((l) => l !== link);
}
