import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/analysis/engine';
import { assertValidFindings } from '../../fixtures/check-findings';

const EXAMPLES_DIR = new URL('../../../examples/', import.meta.url);

/** Every example, read when the tests run (others keep adding examples). */
const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.vtopo'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, EXAMPLES_DIR), 'utf8') }));

/** One edit a person (or a broken tool) might make, with positions as fractions of the text. */
type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'change-character'; at: number; to: string }
  | { kind: 'insert-key'; at: number; key: string; value: string }
  | { kind: 'truncate'; at: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const KEYS = ['vtopo', 'hosts', 'vms', 'memory', 'memoryGB', 'cpu', 'cluster', 'host', 'datastore', 'type', 'ports', 'links', 'id', 'platfrom', '__proto__', 'x'];
const VALUES = ['', '1', '512', '16 GB', 'esx-01', 'nope', '[a, b]', '{}', '*a', '&a x', '"', 'high', 'off', '- x', '[esx-01/hba1/p0, fc-a]'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fraction }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fraction }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fraction, other: fraction }),
  fc.record({ kind: fc.constant('change-character' as const), at: fraction, to: fc.oneof(fc.constantFrom(' ', '\t', '\n', ':', '-', '[', '{', '#', '"', '&', '*', '!', '|', 'x', '0', ''), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }),
  fc.record({ kind: fc.constant('insert-key' as const), at: fraction, key: fc.constantFrom(...KEYS), value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = Math.floor(m.at * lines.length);
  switch (m.kind) {
    case 'delete-line':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'swap-lines': {
      const other = Math.floor(m.other * lines.length);
      const swapped = [...lines];
      [swapped[line], swapped[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return swapped.join('\n');
    }
    case 'change-character': {
      const offset = Math.floor(m.at * text.length);
      return text.slice(0, offset) + m.to + text.slice(offset + 1);
    }
    case 'insert-key': {
      const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
      return [...lines.slice(0, line), `${indent}${m.key}: ${m.value}`, ...lines.slice(line)].join('\n');
    }
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
  }
}

describe('property: mutated examples never break the analyzer', () => {
  it('finds the examples', () => {
    assert.ok(examples.length >= 1);
    assert.ok(examples.some((e) => e.name === 'seed-000-fq1616r.vtopo'));
  });

  for (const example of examples) {
    it(`${example.name}: one to three random edits`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const text = mutations.reduce(mutate, example.text);
          assertValidFindings(text, analyzeText(text).findings);
        }),
        { numRuns: Math.max(40, Math.floor(600 / examples.length)) },
      );
    });

    it(`${example.name}: each kind of edit at every tenth of the file`, () => {
      for (let tenth = 0; tenth < 10; tenth++) {
        const at = tenth / 10;
        for (const m of [
          { kind: 'delete-line', at },
          { kind: 'duplicate-line', at },
          { kind: 'swap-lines', at, other: 1 - at - 0.05 },
          { kind: 'change-character', at, to: ':' },
          { kind: 'insert-key', at, key: 'platfrom', value: 'x' },
          { kind: 'truncate', at },
        ] satisfies Mutation[]) {
          const text = mutate(example.text, m);
          assertValidFindings(text, analyzeText(text).findings);
        }
      }
    });
  }
});
