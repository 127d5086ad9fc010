/**
 * The rules' documentation in the user's language (docs/l10n.md). Each rule's prose (its
 * title, its description paragraph, the meaning of each of its thresholds and what each of
 * its sources says) is a catalog `rule-docs.<rule id>`, declared here from the rule
 * metadata, so that the English stays where it is written (the rule's `meta.docs`) and its
 * translation is in l10n/zh-cn/rule-docs.json. A source's target (a path or a URL) is a
 * citation and stays as it is; only its description after ' — ' is translated.
 *
 * The texts have no parameters; a description that shows a YAML mapping in braces
 * (`{ cabling: unknown }`) keeps it as text: @vscode/l10n leaves a `{...}` that names no
 * given parameter untouched.
 */

import { defineMessages, localize } from '../l10n/messages';
import type { RuleMeta } from './rule';
import { ALL_RULES } from './rules';
import { parseSourceEntry, SOURCE_DESCRIPTION_SEPARATOR } from './sources';

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

/** The message id of what the rule's `index`th source says. */
function sourceMessageId(index: number): string {
  return `source.${index}`;
}

/** Every rule's docs catalog, by rule id. */
const CATALOGS: ReadonlyMap<string, Readonly<Record<string, (data: Record<string, never>) => string>>> = new Map(
  ALL_RULES.map((meta) => {
    const templates: Record<string, string> = { title: meta.docs.title, description: meta.docs.description };
    for (const [name, option] of Object.entries(meta.options ?? {})) templates[optionMessageId(name)] = option.description;
    meta.docs.sources.forEach((source, index) => {
      const description = parseSourceEntry(source)?.description;
      if (description !== undefined) templates[sourceMessageId(index)] = description;
    });
    return [meta.id, defineMessages(`rule-docs.${meta.id}`, templates)];
  }),
);

/** A text of a rule's docs catalog, or the English text itself through the bundle for a rule outside the catalog. */
function text(meta: RuleMeta, id: string, english: string): string {
  const message = CATALOGS.get(meta.id)?.[id];
  return message ? message({}) : localize(english);
}

/** A source entry with its description in the user's language (its target as it is). */
function localizedSource(meta: RuleMeta, source: string, index: number): string {
  const parsed = parseSourceEntry(source);
  if (parsed?.description === undefined) return source;
  return `${parsed.target}${SOURCE_DESCRIPTION_SEPARATOR}${text(meta, sourceMessageId(index), parsed.description)}`;
}

/** The rule's title, description and sources in the user's language (a source's target as it is). */
export function localizedRuleDocs(meta: RuleMeta): LocalizedRuleDocs {
  return {
    title: text(meta, 'title', meta.docs.title),
    description: text(meta, 'description', meta.docs.description),
    sources: meta.docs.sources.map((source, index) => localizedSource(meta, source, index)),
  };
}

/** What one of the rule's thresholds means, in the user's language (undefined: the rule has no such option). */
export function localizedRuleOption(meta: RuleMeta, name: string): string | undefined {
  const option = meta.options?.[name];
  return option === undefined ? undefined : text(meta, optionMessageId(name), option.description);
}
