import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FC_DESIGN } from './fixtures';
import { edited, findingsOf, textAt } from '../rule-test';

const RULE = 'hba-mixed-firmware';
/** esx-01's hba2 header: the first `hba2:` in the file. */
const HBA2 = '      hba2:\n        type: fc\n        vendor: Emulex\n        model: LPe16002\n        firmware: "12.8.351"\n';

describe('hba-mixed-firmware', () => {
  it('accepts the array vendor white paper\'s hosts (docs/design/sources.md#seed-000): one vendor, one firmware per host', () => {
    assert.deepEqual(findingsOf(FC_DESIGN, RULE), []);
  });

  it('reports HBAs of one host on different firmware, on the odd one\'s firmware', () => {
    const text = edited(FC_DESIGN, [HBA2, HBA2.replace('12.8.351', '12.6.240')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /FC HBAs of host "esx-01" mix firmware versions \("esx-01\/hba1" 12\.8\.351, "esx-01\/hba2" 12\.6\.240\)/);
    assert.equal(textAt(text, finding), '"12.6.240"');
    assert.deepEqual(finding?.elementIds, ['esx-01', 'esx-01/hba1', 'esx-01/hba2']);
  });

  it('reads unquoted firmware numbers as written: 12.10 and 12.1 differ', () => {
    const HBA1 = '      hba1:\n        type: fc\n        vendor: Emulex\n        model: LPe16002\n        firmware: "12.8.351"\n';
    const text = edited(FC_DESIGN, [HBA1, HBA1.replace('"12.8.351"', '12.10')], [HBA2, HBA2.replace('"12.8.351"', '12.1')]);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.deepEqual(rest, []);
    assert.match(finding?.message ?? '', /mix firmware versions \("esx-01\/hba1" 12\.10, "esx-01\/hba2" 12\.1\)/);
  });

  it('reports mixed vendors once, not again as mixed firmware', () => {
    const text = edited(FC_DESIGN, [HBA2, HBA2.replace('Emulex', 'QLogic').replace('12.8.351', '9.10.00')]);
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /mix vendors \("esx-01\/hba1" Emulex, "esx-01\/hba2" QLogic\)/);
  });

  it('does not compare an FC HBA with a NIC', () => {
    const text = edited(FC_DESIGN, ['      nic1:\n        type: ethernet\n', '      nic1:\n        type: ethernet\n        vendor: Intel\n        firmware: "4.1"\n']);
    assert.deepEqual(findingsOf(text, RULE), []);
  });
});
