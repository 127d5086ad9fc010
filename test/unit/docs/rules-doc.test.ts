import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../src/core/analysis/rules';
import { sourceEntryMarkdown } from '../../../src/core/analysis/sources';
import { RULES_DOC_PATH } from '../../../scripts/generate-docs';

const doc = readFileSync(RULES_DOC_PATH, 'utf8');

describe('rules reference (docs/rules.md)', () => {
  it('has an anchor equal to the rule id right before each rule\'s heading', () => {
    for (const meta of ALL_RULES) {
      assert.ok(doc.includes(`<a id="${meta.id}"></a>\n\n## ${meta.id}\n`), meta.id);
    }
  });

  it('lists every rule in the table with its default severity and whether it is fixable', () => {
    for (const meta of ALL_RULES) {
      const row = doc.split('\n').find((line) => line.startsWith(`| [\`${meta.id}\`](#${meta.id}) |`));
      assert.ok(row, meta.id);
      assert.ok(row.includes(`| ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : 'no'} |`), row);
    }
  });

  it('shows how to configure each rule in the file and in VS Code settings', () => {
    for (const meta of ALL_RULES) {
      const section = doc.slice(doc.indexOf(`## ${meta.id}\n`)).split('\n<a id=')[0] ?? '';
      const fileSnippet = meta.options ? `    ${meta.id}: { severity: ` : `    ${meta.id}: off`;
      assert.ok(section.includes(fileSnippet), `${meta.id}: analysis.rules snippet`);
      for (const [name, option] of Object.entries(meta.options ?? {})) {
        assert.ok(section.includes(`| \`${name}\` | ${option.default} |`), `${meta.id}: threshold ${name} documented`);
      }
      assert.ok(section.includes(`"vtopo.rules": { "${meta.id}":`), `${meta.id}: vtopo.rules snippet`);
      for (const source of meta.docs.sources) assert.ok(section.includes(`- ${sourceEntryMarkdown(source, 'docs')}`), `${meta.id}: ${source}`);
    }
  });
});
