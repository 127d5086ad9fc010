/** `vtopo rules`: the rule catalog, for people (text) and for tools (JSON). */

import type { RuleMeta } from '../core/analysis/rule';
import { localizedRuleDocs } from '../core/analysis/rule-docs';
import { defineMessages } from '../core/l10n/messages';
import { SEVERITY_WORDS } from './format-text';
import { displayWidth, padEnd } from './terminal';

const MESSAGES = defineMessages('cli.rules', {
  /** Under each rule, indented; `sources` are documents and pages, as the rule gives them. */
  sources: 'sources: {sources}',
});

export const RULES_OUTPUT_VERSION = 1;

export function formatRulesText(rules: readonly RuleMeta[]): string {
  const severity = (meta: RuleMeta) => SEVERITY_WORDS[meta.defaultSeverity]({});
  const idWidth = Math.max(...rules.map((meta) => meta.id.length));
  const severityWidth = Math.max(...rules.map((meta) => displayWidth(severity(meta))));
  const indent = ' '.repeat(idWidth + severityWidth + 4);
  // The rule's title and sources are its documentation, in the user's language (rule-docs.ts).
  const lines = rules.flatMap((meta) => [
    `${meta.id.padEnd(idWidth)}  ${padEnd(severity(meta), severityWidth)}  ${localizedRuleDocs(meta).title}`,
    `${indent}${MESSAGES.sources({ sources: localizedRuleDocs(meta).sources.join('; ') })}`,
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
