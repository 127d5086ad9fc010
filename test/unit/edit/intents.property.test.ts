import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { editsForIntent, type DesignIntent, type NewElement } from '../../../src/core/edit/intents';
import { applyEdits, invertEdits } from '../../../src/core/edit/yaml-edits';
import type { TextEdit } from '../../../src/core/model/report';
import { parseVtopo } from '../../../src/core/model/parse';

const EXAMPLES_DIR = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.vtopo'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, EXAMPLES_DIR), 'utf8') }));

/** Intents per example: RUNS sequences of STEPS intents, each applied to the previous result (about 1,000 over the three examples, to keep the suite fast). */
const RUNS = 2;
const STEPS = 167;
const FRESH = ['new-0', 'new-1', 'new-2', 'new-3', 'new-4', 'new-5'];

/** Leaf fields per kind with values to set: valid ones, and some the reader refuses. */
const FIELD_VALUES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  host: [['model', '"R760"'], ['memory', '768 GB'], ['memoryGB', '1024'], ['cpu.cores', '48'], ['cpu.speed', '3 GHz'], ['maxVms', '120'], ['state', 'maintenance'], ['cluster', 'nowhere'], ['cpu.cores', '0'], ['colour', 'red']],
  vm: [['cpus', '4'], ['memoryGB', '16'], ['restartPriority', 'low'], ['role', 'web'], ['reservation.memory', '2 GB'], ['sharedDisks', '[]'], ['cpus', '-3'], ['power', 'sideways']],
  switch: [['fabric', 'B'], ['vendor', 'Brocade'], ['vlans', '[10, 20]'], ['mtu', '9000'], ['type', 'token-ring']],
  datastore: [['lun', '7'], ['capacity', '2 TB'], ['shared', 'true'], ['protocol', 'nfs']],
  port: [['mtu', '9000'], ['speed', '25 Gbps'], ['roles', '[storage, vm]'], ['vlan', '5000']],
  array: [['throughput', '2 GB/s'], ['mode', 'active-active'], ['vendor', 'APT']],
  adapter: [['firmware', '"1.2.3"'], ['type', 'cna']],
  rule: [['enabled', 'false']],
};

function intentsFor(text: string): fc.Arbitrary<Omit<DesignIntent, 'baseVersion'>> {
  const { declarations } = parseVtopo(text).topology;
  const all = [...declarations.values()];
  const idsOf = (...kinds: string[]) => [...all.filter((d) => kinds.includes(d.kind)).map((d) => d.id), ...FRESH];
  const element = fc.constantFrom(...all.filter((d) => d.kind !== 'cluster'));
  const anyId = fc.constantFrom(...idsOf(...new Set(all.map((d) => d.kind))));
  const hosts = fc.constantFrom(...idsOf('host'));
  const endpoints = fc.constantFrom(...idsOf('port', 'switch'), ...idsOf('switch').map((id) => `${id}/7`));
  const coordinate = fc.integer({ min: -2000, max: 2000 });
  const newElement: fc.Arbitrary<NewElement> = fc.oneof(
    fc.record({ kind: fc.constant('host' as const), id: anyId }),
    fc.record({ kind: fc.constant('vm' as const), id: anyId, host: hosts }),
    fc.record({ kind: fc.constant('switch' as const), id: anyId, switchType: fc.constantFrom('fc' as const, 'ethernet' as const), fabric: fc.constantFrom('A', 'B') }),
    fc.record({ kind: fc.constant('array' as const), id: anyId }),
    fc.record({ kind: fc.constant('datastore' as const), id: anyId }),
    fc.record({ kind: fc.constant('site' as const), id: anyId }),
    fc.record({ kind: fc.constant('rack' as const), id: anyId, site: fc.constantFrom(...idsOf('site')) }),
  );
  const placeable = fc.constantFrom(...idsOf('host', 'switch', 'array', 'rack'));
  const target = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constantFrom('site' as const, 'rack' as const, 'chassis' as const), id: fc.constantFrom(...idsOf('site', 'rack', 'chassis')) }),
  );
  const setField = element.chain((declaration) => {
    const pool = FIELD_VALUES[declaration.kind] ?? [['description', 'x']];
    return fc.constantFrom(...pool).map(([key, value]) => ({ type: 'set-field' as const, id: declaration.id, key, value }));
  });
  return fc.oneof(
    newElement.map((e) => ({ type: 'add-element' as const, element: e })),
    element.map((d) => ({ type: 'delete-element' as const, id: d.id })),
    fc.tuple(element, fc.constantFrom(...FRESH)).map(([d, name]) => ({ type: 'rename-element' as const, id: d.id, newId: d.id.includes('/') ? `${d.id.slice(0, d.id.lastIndexOf('/'))}/${name}` : name })),
    setField,
    setField,
    fc.record({ type: fc.constant('move-vm' as const), vm: fc.constantFrom(...idsOf('vm')), host: hosts }),
    fc.record({ type: fc.constant('add-link' as const), from: endpoints, to: endpoints }),
    fc.record({ type: fc.constant('delete-link' as const), link: fc.oneof(fc.record({ index: fc.nat(40) }), fc.record({ from: endpoints, to: endpoints })) }),
    fc.record({ type: fc.constant('set-position' as const), id: anyId, position: fc.record({ x: coordinate, y: coordinate }) }),
    fc.record({ type: fc.constant('set-positions' as const), positions: fc.array(fc.record({ id: anyId, position: fc.record({ x: coordinate, y: coordinate }) }), { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant('set-placement' as const), ids: fc.array(placeable, { minLength: 1, maxLength: 3 }), to: target }),
  ) as fc.Arbitrary<Omit<DesignIntent, 'baseVersion'>>;
}

/** Lines of `text` that the edits change (by index), with each line's text. */
function touchedLines(text: string, edits: readonly TextEdit[]): { lines: string[]; touched: Set<number> } {
  const lines = text.split('\n');
  const touched = new Set<number>();
  let start = 0;
  lines.forEach((line, index) => {
    const end = start + line.length;
    for (const { range, newText } of edits) {
      const changesContent = range.start < range.end && range.start <= end && range.end > start;
      const insertsInside = range.start === range.end && ((range.start > start && range.start < end) || (range.start === start && !newText.endsWith('\n') && newText !== '') || (range.start === end && !newText.startsWith('\n') && !newText.startsWith('\r\n')));
      if (changesContent || insertsInside) touched.add(index);
    }
    start = end + 1;
  });
  return { lines, touched };
}

function isSubsequence(needles: readonly string[], haystack: readonly string[]): boolean {
  let at = 0;
  for (const line of haystack) if (at < needles.length && needles[at] === line) at++;
  return at === needles.length;
}

const syntaxErrors = (text: string) => parseVtopo(text).problems.filter((p) => p.ruleId === 'syntax').length;

describe('designer intents on the examples (property)', () => {
  for (const example of examples) {
    it(`${example.name}: ${RUNS * STEPS} random intents keep comments and untouched lines, parse, and undo exactly`, () => {
      const counts = { applied: 0, rejected: 0 };
      fc.assert(
        fc.property(fc.array(intentsFor(example.text), { minLength: STEPS, maxLength: STEPS }), (bodies) => {
          let text = example.text;
          const undo: TextEdit[][] = [];
          const syntaxBefore = syntaxErrors(text);
          bodies.forEach((body, step) => {
            const intent = { ...body, baseVersion: step } as DesignIntent;
            const result = editsForIntent(text, intent);
            if ('rejected' in result) {
              counts.rejected++;
              return;
            }
            counts.applied++;
            const after = applyEdits(text, result.edits);
            const { lines, touched } = touchedLines(text, result.edits);
            // A deleted element takes the comment lines inside it (between two of its removed lines).
            const inside = (i: number) => intent.type === 'delete-element' && touched.has(i - 1) && touched.has(i + 1);
            const comments = [...touched].filter((i) => lines[i]?.trim().startsWith('#') && !inside(i));
            assert.deepEqual(comments.map((i) => lines[i]), [], `${intent.type} touched comment lines`);
            const untouched = lines.filter((_, i) => !touched.has(i));
            assert.ok(isSubsequence(untouched, after.split('\n')), `${intent.type} changed lines it did not touch`);
            if (intent.type !== 'delete-element' && intent.type !== 'delete-link') {
              assert.ok(touched.size <= result.edits.length, `${intent.type} touched ${touched.size} lines with ${result.edits.length} edits`);
            }
            assert.ok(syntaxErrors(after) <= syntaxBefore, `${intent.type} ${JSON.stringify(body)} made a syntax error`);
            undo.push(invertEdits(text, result.edits));
            text = after;
          });
          for (const inverse of undo.reverse()) text = applyEdits(text, inverse);
          assert.equal(text, example.text);
        }),
        { numRuns: RUNS, seed: 20260531 },
      );
      // Many intents name ids an earlier intent deleted or renamed, and some values are invalid on purpose.
      assert.ok(counts.applied > RUNS * STEPS * 0.2, `only ${counts.applied} of ${RUNS * STEPS} intents applied`);
    });
  }
});
