import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { STRUCTURAL_RULE_IDS } from '../../../src/core/model/report';
import { vtopoFile } from '../../../src/core/model/format';
import type { Field } from '../../../src/core/model/schema';
import { DIMENSIONS } from '../../../src/core/model/units';

const repository = new URL('../../../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, repository), 'utf8'));

interface Grammar {
  readonly repository: Readonly<Record<string, { readonly match?: string }>>;
}
const grammar = readJson('syntaxes/vtopo.tmLanguage.json') as Grammar;
const grammarPattern = (name: string): string => grammar.repository[name]?.match ?? '';

/** Every enumerated value of the format (booleans aside), found by walking format.ts. */
function formatEnumValues(): Set<string> {
  const values = new Set<string>();
  const seen = new Set<Field<unknown>>();
  const walk = (field: Field<unknown>) => {
    if (seen.has(field)) return;
    seen.add(field);
    if (field.typeName !== 'boolean') for (const value of field.completions ?? []) values.add(value);
    for (const child of Object.values(field.children?.() ?? {})) walk(child);
    const item = field.items?.();
    if (item) walk(item);
  };
  walk(vtopoFile);
  return values;
}

/** The alternatives of the first group in a pattern that lists words as `(a|b|c)`. */
function alternatives(pattern: string, after: string): Set<string> {
  const start = pattern.indexOf('(', pattern.indexOf(after) + after.length) + 1;
  return new Set(pattern.slice(start, pattern.indexOf(')', start)).split('|'));
}

describe('TextMate grammar', () => {
  it('is a set of patterns that compile', () => {
    for (const [name, rule] of Object.entries(grammar.repository)) {
      if (rule.match) assert.doesNotThrow(() => new RegExp(rule.match ?? ''), name);
    }
  });

  it('highlights every enumerated value the format declares', () => {
    const highlighted = alternatives(grammarPattern('enum-value'), '-\\s)');
    assert.deepEqual([...formatEnumValues()].filter((value) => !highlighted.has(value)), []);
  });

  it('highlights every unit the reader accepts', () => {
    const highlighted = alternatives(grammarPattern('quantity'), '\\s*');
    const spellings = Object.values(DIMENSIONS).flatMap((dimension) => dimension.units.flatMap((unit) => [unit.symbol, ...unit.aliases]));
    assert.deepEqual(spellings.filter((spelling) => !highlighted.has(spelling)), []);
  });

  it('marks exactly the top-level keys of the format as sections', () => {
    assert.deepEqual(alternatives(grammarPattern('section-key'), '^'), new Set(Object.keys(vtopoFile.children?.() ?? {})));
  });
});

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly body: readonly string[];
}
const snippets = readJson('snippets/vtopo.json') as Record<string, Snippet>;

/** The text a snippet inserts when every placeholder keeps its default (first choice). */
function expand(snippet: Snippet, indent = ''): string {
  const defaults = new Map<string, string>();
  const text = snippet.body.map((line, index) => (index === 0 || line === '' ? line : indent + line)).join('\n');
  const withDefaults = text
    .replace(/\$\{(\d+)\|([^,|]*)[^|]*\|\}/g, (_, tabStop: string, first: string) => (defaults.set(tabStop, first), first))
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, tabStop: string, value: string) => (defaults.set(tabStop, value), value));
  return withDefaults.replace(/\$(\d+)/g, (_, tabStop: string) => defaults.get(tabStop) ?? '');
}

const structural = new Set<string>(STRUCTURAL_RULE_IDS);

describe('snippets', () => {
  const skeleton = expand(snippets['New design'] as Snippet);

  it('start a new design that reads without errors', () => {
    const findings = analyzeText(skeleton).findings;
    assert.deepEqual(findings.filter((finding) => finding.severity === 'error' || structural.has(finding.ruleId)).map((finding) => finding.message), []);
  });

  it('give elements that read without problems under their section of a design', () => {
    const sections: Record<string, string> = {
      Host: 'hosts', VM: 'vms', 'FC switch': 'switches', 'Ethernet switch': 'switches', 'Dual-controller array': 'arrays',
      Datastore: 'datastores', Link: 'links', 'Cluster with HA': 'clusters', 'Anti-affinity rule': 'rules', 'Guest cluster': 'guestClusters',
    };
    for (const [name, section] of Object.entries(sections)) {
      const snippet = snippets[name];
      assert.ok(snippet, `snippet "${name}" exists`);
      const design = `vtopo: 1\n${section}:\n  ${expand(snippet, '  ')}`;
      const problems = analyzeText(design).findings.filter((finding) => structural.has(finding.ruleId) && finding.ruleId !== 'unresolved-reference');
      assert.deepEqual(problems.map((finding) => finding.message), [], name);
    }
  });
});

describe('package.json contributions', () => {
  interface Manifest {
    readonly icon: string;
    readonly contributes: {
      readonly languages: ReadonlyArray<{ readonly configuration: string; readonly icon: { readonly light: string; readonly dark: string } }>;
      readonly grammars: ReadonlyArray<{ readonly path: string }>;
      readonly snippets: ReadonlyArray<{ readonly path: string }>;
    };
  }
  const manifest = readJson('package.json') as Manifest;

  it('point at files that exist', () => {
    const { languages, grammars, snippets: snippetFiles } = manifest.contributes;
    const paths = [
      manifest.icon,
      ...languages.flatMap((language) => [language.configuration, language.icon.light, language.icon.dark]),
      ...grammars.map((entry) => entry.path),
      ...snippetFiles.map((entry) => entry.path),
    ];
    assert.deepEqual(paths.filter((path) => !existsSync(new URL(path, repository))), []);
  });
});
