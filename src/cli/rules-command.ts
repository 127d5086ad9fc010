/** `vtopo rules`: the rule catalog, for people (text) and for tools (JSON). */

import type { RuleMeta } from '../core/analysis/rule';
import { localizedRuleDocs } from '../core/analysis/rule-docs';

export const RULES_OUTPUT_VERSION = 1;

export function formatRulesText(rules: readonly RuleMeta[]): string {
  const idWidth = Math.max(...rules.map((meta) => meta.id.length));
  const severityWidth = Math.max(...rules.map((meta) => meta.defaultSeverity.length));
  const indent = ' '.repeat(idWidth + severityWidth + 4);
  const lines = rules.flatMap((meta) => [
    `${meta.id.padEnd(idWidth)}  ${meta.defaultSeverity.padEnd(severityWidth)}  ${localizedRuleDocs(meta).title}`,
    `${indent}sources: ${localizedRuleDocs(meta).sources.join('; ')}`,
  ]);
  return `${lines.join('\n')}\n`;
}

export function formatRulesJson(rules: readonly RuleMeta[]): string {
  const output = {
    version: RULES_OUTPUT_VERSION,
    rules: rules.map((meta) => ({
      id: meta.id,
      defaultSeverity: meta.defaultSeverity,
      fixable: meta.fixable,
      title: meta.docs.title,
      description: meta.docs.description,
      sources: meta.docs.sources,
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
