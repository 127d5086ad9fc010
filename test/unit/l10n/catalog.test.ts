// The message catalogs against the zh-cn bundle, and a pseudo-localized run that finds text
// built outside a catalog (docs/l10n.md).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeText } from '../../../src/core/analysis/engine';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { declaredTemplates, localize, parametersOf, useLanguage } from '../../../src/core/l10n/messages';
import { domainKindName } from '../../../src/core/domain/domain-kinds';
import { pseudoLocalizationCorpus } from './corpus';

const BUNDLE: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));

/**
 * Rules whose texts are still built in code, not taken from a catalog: the list shrinks to
 * nothing as they move (docs/l10n.md, "Moving a rule"). A rule with a catalog must not be
 * here, and one without must.
 */
const PENDING_RULES = new Set<string>([]);

/** The rule ids that declare a catalog (`rule-id.messageId`). */
function rulesWithCatalogs(): Set<string> {
  const ids = new Set<string>(ALL_RULES.map((meta) => meta.id));
  return new Set([...declaredTemplates().keys()].map((key) => key.slice(0, key.indexOf('.'))).filter((scope) => ids.has(scope)));
}

/** Every source file that declares a catalog, found by its text: loading them declares every template. */
function modulesWithCatalogs(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && readFileSync(path, 'utf8').includes('defineMessages(')) found.push(path);
    }
  };
  for (const root of ['src/core', 'src/cli']) walk(root);
  return found;
}

describe('message catalogs and the zh-cn bundle', () => {
  before(async () => {
    for (const path of modulesWithCatalogs()) await import(resolve(path));
  });

  it('every declared message has a Simplified Chinese translation with the same parameters', () => {
    void domainKindName('site');
    const missing: string[] = [];
    const mismatched: string[] = [];
    for (const [id, template] of declaredTemplates()) {
      const chinese = BUNDLE[template];
      if (chinese === undefined) missing.push(`${id}: ${template}`);
      else if (parametersOf(chinese).join() !== parametersOf(template).join()) mismatched.push(`${id}: {${parametersOf(template).join('} {')}} but the translation has {${parametersOf(chinese).join('} {')}}`);
    }
    assert.deepEqual(missing, [], 'messages without a translation');
    assert.deepEqual(mismatched, [], 'translations whose parameters differ');
  });

  it('every translation of the core\'s texts translates a declared message (none is left behind when a text changes)', () => {
    const templates = new Set(declaredTemplates().values());
    const stale: string[] = [];
    for (const file of readdirSync('l10n/zh-cn').filter((name) => name.endsWith('.json') && !name.startsWith('extension'))) {
      const entries: Record<string, string> = JSON.parse(readFileSync(`l10n/zh-cn/${file}`, 'utf8'));
      for (const english of Object.keys(entries)) if (!templates.has(english)) stale.push(`${file}: ${english}`);
    }
    assert.deepEqual(stale, []);
  });

  it('the rules that still build their texts in code are exactly the pending list', () => {
    const converted = rulesWithCatalogs();
    const pendingButConverted = [...PENDING_RULES].filter((id) => converted.has(id));
    const convertedButNotListed = ALL_RULES.map((meta) => meta.id).filter((id) => !PENDING_RULES.has(id) && !converted.has(id));
    assert.deepEqual(pendingButConverted, [], 'these rules have a catalog now: take them off PENDING_RULES');
    assert.deepEqual(convertedButNotListed, [], 'these rules have no catalog: they build text in code');
  });
});

describe('pseudo-localization', () => {
  after(() => useLanguage('en', undefined));

  it('wraps every text of a rule with a catalog, findings and related locations alike', () => {
    useLanguage('qps-ploc', {}, { pseudoLocalize: true });
    const converted = rulesWithCatalogs();
    const seen = new Set<string>();
    const unwrapped: string[] = [];
    const wrapped = (text: string) => text.startsWith('⟦') && text.endsWith('⟧');
    for (const { name, text } of pseudoLocalizationCorpus()) {
      for (const finding of analyzeText(text, { today: '2026-12-04' }).findings) {
        if (!converted.has(finding.ruleId)) continue;
        seen.add(finding.ruleId);
        if (!wrapped(finding.message)) unwrapped.push(`${name}: ${finding.message}`);
        for (const related of finding.related ?? []) if (!wrapped(related.message)) unwrapped.push(`${name} (related): ${related.message}`);
      }
    }
    assert.deepEqual(unwrapped, []);
    assert.deepEqual([...converted].filter((id) => !seen.has(id)), [], 'rules with a catalog that no design of the corpus triggers (add a variant to corpus.ts)');
  });

  it('falls back to English for a text the bundle lacks, never to an id', () => {
    useLanguage('zh-cn', { 'rack': '机架' });
    assert.equal(localize('rack'), '机架');
    assert.equal(localize('a text nobody translated, about {host}', { host: 'esx-01' }), 'a text nobody translated, about esx-01');
  });

  it('fills parameters as @vscode/l10n does, in the language last chosen', () => {
    const template = '{vm} on {host}: {count} of {count} disks, { not: a parameter }, {missing}, {constructor}, {}';
    useLanguage('en', undefined);
    assert.equal(localize(template, { vm: 'web-1', host: 'esx-01', count: 2 }), 'web-1 on esx-01: 2 of 2 disks, { not: a parameter }, {missing}, {constructor}, {}');
    useLanguage('zh-cn', { [template]: '{host} 上的 {vm}' });
    assert.equal(localize(template, { vm: 'web-1', host: 'esx-01', count: 2 }), 'esx-01 上的 web-1');
    useLanguage('en', undefined);
    assert.equal(localize(template, { vm: 'web-1', host: 'esx-01', count: 2 }).startsWith('web-1 on esx-01'), true);
  });
});
