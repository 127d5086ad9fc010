import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/analysis/engine';
import { parseVtopo } from '../../../src/core/model/parse';
import { assertValidFindings } from '../../fixtures/check-findings';

function checkText(text: string): void {
  const parsed = parseVtopo(text);
  assertValidFindings(text, parsed.problems);
  assertValidFindings(text, analyzeText(text).findings);
}

/** Pieces of .vtopo-like YAML: known keys and values, indentation, flow and block syntax, anchors. */
const TOKENS = [
  'vtopo: 1', 'vtopo: 2', 'name: x', 'platform: vsphere', 'platform: hyperv', 'clusters:', 'hosts:', 'vms:', 'switches:', 'arrays:',
  'datastores:', 'links:', 'rules:', 'guestClusters:', 'layout:', 'analysis:', 'management:', 'ha:', 'detection:', 'cpu:', 'memory: 16 GB',
  'memoryGB: 4', 'memory: 512', 'speed: 2.6 GHz', 'cores: 8', 'adapters:', 'ports:', 'type: fc', 'type: anti-affinity', 'host: esx-01',
  'datastore: ds1', 'array: fq', 'controllers:', 'a:', 'b:', 'p0:', 'hba1:', 'esx-01:', 'esx-02:', 'vm-1:', 'prod:', 'fq:', 'ds1:', 'fc-a:',
  'cluster: prod', 'vms: [vm-1, vm-2]', '[esx-01/hba1/p0, fc-a]', '[fq/a/fc0, fc-a/3]', '{ from: x, to: y }', 'restartPriority: high',
  'id: esx-01', '- ', '-', ':', ': ', '? ', ',', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '&b ', '*b', '!!str ', '!tag ', '|', '>',
  '---', '...', '%YAML 1.2', '~', 'null', 'true', '1e9', '.inf', '-0', '__proto__:', 'constructor:', '<<:', ' ', '  ', '    ', '\t', '\n', '\r\n', '\uFEFF',
];

const yamlish = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join(''));
const linesOfYaml = fc
  .array(fc.tuple(fc.nat({ max: 8 }), fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 4 })), { maxLength: 40 })
  .map((lines) => lines.map(([indent, parts]) => `${' '.repeat(indent)}${parts.join(' ')}`).join('\n'));

describe('property: the reader and the analyzer never throw', () => {
  it('on random text of any code units, including lone surrogates', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkText), { numRuns: 300 });
  });

  it('on random ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 500 }), checkText), { numRuns: 300 });
  });

  it('on random YAML-ish token soup', () => {
    fc.assert(fc.property(yamlish, checkText), { numRuns: 400 });
  });

  it('on random indented lines of .vtopo keys', () => {
    fc.assert(fc.property(linesOfYaml, (body) => checkText(`vtopo: 1\n${body}\n`)), { numRuns: 400 });
  });
});
