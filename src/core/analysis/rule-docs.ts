/**
 * The rules' documentation in the user's language (docs/l10n.md). Each rule's prose (its
 * title, its description paragraph and the meaning of each of its thresholds) is a catalog
 * `rule-docs.<rule id>`, declared here from the rule metadata, so that the English stays
 * where it is written (the rule's `meta.docs`) and its translation is in
 * l10n/zh-cn/rule-docs.json. The sources are citations and stay as they are.
 *
 * The texts have no parameters; a description that shows a YAML mapping in braces
 * (`{ cabling: unknown }`) keeps it as text: @vscode/l10n leaves a `{...}` that names no
 * given parameter untouched.
 */

import { defineMessages, localize } from '../l10n/messages';
import type { RuleMeta } from './rule';
import { ALL_RULES } from './rules';

/** The prose of a rule's docs, in the user's language; the sources as they are. */
export interface LocalizedRuleDocs {
  readonly title: string;
  readonly description: string;
  readonly sources: readonly string[];
}

/** The message id of a threshold's meaning in a rule's docs catalog. */
function optionMessageId(name: string): string {
  return `option.${name}`;
}

/** Every rule's docs catalog, by rule id. */
const CATALOGS: ReadonlyMap<string, Readonly<Record<string, (data: Record<string, never>) => string>>> = new Map(
  ALL_RULES.map((meta) => {
    const templates: Record<string, string> = { title: meta.docs.title, description: meta.docs.description };
    for (const [name, option] of Object.entries(meta.options ?? {})) templates[optionMessageId(name)] = option.description;
    return [meta.id, defineMessages(`rule-docs.${meta.id}`, templates)];
  }),
);

/** A text of a rule's docs catalog, or the English text itself through the bundle for a rule outside the catalog. */
function text(meta: RuleMeta, id: string, english: string): string {
  const message = CATALOGS.get(meta.id)?.[id];
  return message ? message({}) : localize(english);
}

/** The rule's title and description in the user's language, with its sources. */
export function localizedRuleDocs(meta: RuleMeta): LocalizedRuleDocs {
  return {
    title: text(meta, 'title', meta.docs.title),
    description: text(meta, 'description', meta.docs.description),
    sources: meta.docs.sources,
  };
}

/** What one of the rule's thresholds means, in the user's language (undefined: the rule has no such option). */
export function localizedRuleOption(meta: RuleMeta, name: string): string | undefined {
  const option = meta.options?.[name];
  return option === undefined ? undefined : text(meta, optionMessageId(name), option.description);
}
