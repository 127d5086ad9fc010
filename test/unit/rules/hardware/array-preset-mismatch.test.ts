import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FC_DESIGN, ISCSI_DESIGN } from './fixtures';
import { edited, findingsOf, textAt } from '../rule-test';

const RULE = 'array-preset-mismatch';

describe('array-preset-mismatch', () => {
  it('accepts the examples: an AV100-G6 with one controller and 6 x 1GbE iSCSI, an FQ1616R with two controllers and 4 x 16Gb FC', () => {
    assert.deepEqual(findingsOf(ISCSI_DESIGN, RULE), []);
    assert.deepEqual(findingsOf(FC_DESIGN, RULE), []);
  });

  it('reports an AV100-G6 declared with two controllers and an FC port, on its model', () => {
    const text = edited(
      ISCSI_DESIGN,
      ['    mode: single\n', ''],
      ['          p5: { type: iscsi, speed: 1 Gbps, subnet: 10.10.2.0/24, mtu: 9000, address: 10.10.2.12 }\n', '          p5: { type: iscsi, speed: 1 Gbps, subnet: 10.10.2.0/24, mtu: 9000, address: 10.10.2.12 }\n      b:\n        ports:\n          fc0: { type: fc, speed: 8 Gbps }\n'],
    );
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.message, 'Array "av100" names model AV100-G6 (single controller, 6 x 1GbE iSCSI) but declares 2 controllers where the product has 1; 1 FC port where the product has none.');
    assert.equal(textAt(text, finding), 'AV100-G6');
  });

  it('reports an AV100-G10 with FC ports, and accepts its 2 x 10GbE + 6 x 1GbE iSCSI', () => {
    const g10 = edited(ISCSI_DESIGN, ['model: AV100-G6', 'model: AV100-G10'], ['p0: { type: iscsi, speed: 1 Gbps', 'p0: { type: iscsi, speed: 10 Gbps']);
    assert.deepEqual(findingsOf(g10, RULE), []);
    const withFc = edited(g10, ['p1: { type: iscsi, speed: 1 Gbps, subnet: 10.10.2.0/24, mtu: 9000, address: 10.10.2.10 }', 'p1: { type: fc, speed: 16 Gbps }']);
    assert.match(findingsOf(withFc, RULE)[0]?.message ?? '', /AV100-G10 .* declares 1 FC port where the product has none\.$/);
  });

  it('reports an FQ1616R declared with one controller, or with more ports than the product has', () => {
    const single = 'vtopo: 1\narrays:\n  fq:\n    model: FQ1616R\n    controllers:\n      a: { ports: { fc0: { type: fc, speed: 16 Gbps }, fc1: { type: fc, speed: 16 Gbps } } }\n';
    assert.match(findingsOf(single, RULE)[0]?.message ?? '', /FQ1616R \(dual controller, 4 x 16Gb FC \+ 4 x 1GbE iSCSI\) but declares 1 controller where the product has 2\.$/);
    const moreFc = edited(FC_DESIGN, ['          fc1: { type: fc, speed: 16 Gbps }\n', '          fc1: { type: fc, speed: 16 Gbps }\n          fc2: { type: fc, speed: 16 Gbps }\n']);
    assert.match(findingsOf(moreFc, RULE)[0]?.message ?? '', /declares 5 FC ports where the product has 4\.$/);
  });

  it('reports an FQ816R declared with 16 Gb FC ports, faster than the product\'s 8 Gb', () => {
    const text = edited(FC_DESIGN, ['model: FQ1616R', 'model: FQ816R']);
    assert.match(findingsOf(text, RULE)[0]?.message ?? '', /FC ports "fq1616r\/a\/fc0", .* faster than the product's 8 Gbps/);
  });
});
