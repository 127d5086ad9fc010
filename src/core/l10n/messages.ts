/**
 * User-facing text by id, in the ecosystem's way (docs/l10n.md): each module declares its
 * message templates once, by id, with named parameters (`{host}`), as ESLint rules declare
 * `meta.messages`; code asks for a message by id with its data and never builds a sentence
 * itself. English is the source and the key: `@vscode/l10n` looks the template up in the
 * bundle of the user's language (`l10n/bundle.l10n.zh-cn.json`, the bundle VS Code gives the
 * extension as `vscode.l10n.bundle`), and falls back to English, never to an id.
 *
 * The parameters of a template are checked by the compiler: a message asked for without one
 * of its parameters, or with one it does not have, does not build.
 */

import * as l10n from '@vscode/l10n';

/** What a parameter may be: formatted numbers and lists arrive as strings. */
export type MessageValue = string | number;

/** The `{name}` parameters of a template, as a union of their names (braces around spaces, `{ a: b }`, are text). */
export type TemplateParameters<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string} ${string}` ? never : Name) | TemplateParameters<Rest>
  : never;

/** A message's data: exactly its template's parameters. */
export type MessageData<Template extends string> = [TemplateParameters<Template>] extends [never] ? Record<string, never> : { readonly [Name in TemplateParameters<Template>]: MessageValue };

/** A catalog: each id a function from the template's data to the text in the user's language. */
export type Catalog<Templates extends Readonly<Record<string, string>>> = {
  readonly [Id in keyof Templates]: (data: MessageData<Templates[Id]>) => string;
};

/** Every template declared by any catalog, for the tests that hold the bundles to them. */
const declared = new Map<string, string>();

/** The language the texts are in, for `Intl` formatting; `en` until a bundle is loaded. */
let locale = 'en';
/** Pseudo-localization: every text wrapped, to find text that does not come from a catalog. */
let pseudo = false;

/**
 * Declares a module's messages. `scope` names the catalog in errors and tests (a rule id, a
 * module); a template declared twice with different text under one id is a bug.
 */
export function defineMessages<const Templates extends Readonly<Record<string, string>>>(scope: string, templates: Templates): Catalog<Templates> {
  const catalog: Record<string, (data: Readonly<Record<string, MessageValue>>) => string> = {};
  for (const [id, template] of Object.entries(templates)) {
    declared.set(`${scope}.${id}`, template);
    catalog[id] = (data) => localize(template, data);
  }
  return catalog as Catalog<Templates>;
}

/** A `{name}` parameter, as `@vscode/l10n` reads one (any text up to the closing brace). */
const PARAMETER = /{([^}]+)}/;

/**
 * Each template's text in the user's language, split once at its parameters: the text
 * between them at even places, their names at odd ones. Filling a template is then a join,
 * not a regular-expression replace: the analysis and the failover simulator make tens of
 * thousands of messages (docs/performance.md). Emptied when the language changes.
 */
const split = new Map<string, readonly string[]>();

/** A template in the user's language with its parameters filled in (a parameter without data stays as written, as `@vscode/l10n` leaves it). */
export function localize(template: string, data: Readonly<Record<string, MessageValue>> = {}): string {
  let pieces = split.get(template);
  if (!pieces) {
    // Without data, `l10n.t` gives the bundle's text for the template unfilled.
    pieces = l10n.t(template).split(PARAMETER);
    split.set(template, pieces);
  }
  let text = pieces[0] as string;
  for (let index = 1; index < pieces.length; index += 2) {
    const name = pieces[index] as string;
    const value = Object.hasOwn(data, name) ? data[name] : undefined;
    text += (value === undefined ? `{${name}}` : String(value)) + (pieces[index + 1] as string);
  }
  return pseudo ? `⟦${text}⟧` : text;
}

/**
 * The bundle of the user's language (undefined: English), as VS Code gives it
 * (`vscode.l10n.bundle`) or the CLI reads it. `pseudoLocalize` wraps every text in ⟦ ⟧.
 */
export function useLanguage(language: string, bundle: Readonly<Record<string, string>> | undefined, options: { readonly pseudoLocalize?: boolean } = {}): void {
  locale = bundle ? language : 'en';
  pseudo = options.pseudoLocalize ?? false;
  l10n.config({ contents: { ...(bundle ?? {}) } });
  split.clear();
}

/** The language of the texts, for `Intl` (`en`, `zh-cn`). */
export function currentLocale(): string {
  return locale;
}

/** Every declared template by `scope.id`. */
export function declaredTemplates(): ReadonlyMap<string, string> {
  return declared;
}

/** The `{name}` parameters a template or its translation uses, sorted. */
export function parametersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/{([A-Za-z][A-Za-z0-9]*)}/g)].map((match) => match[1] ?? ''))].sort();
}
