import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandwidthText, dataText, frequencyText } from '../../../src/core/import/quantities';
import { parseQuantity } from '../../../src/core/model/units';

describe('import quantities', () => {
  it('are exact: the format reads back the number the inventory gave', () => {
    for (const mib of [512, 1536, 4096, 524288, 4194304, 5242623, 1000, 1]) {
      const parsed = parseQuantity(dataText(mib), 'data');
      assert.ok(parsed.ok && parsed.value === mib, `${mib} -> ${dataText(mib)}`);
    }
    assert.deepEqual([dataText(1536), dataText(4194304), dataText(5242623)], ['1.5 GB', '4 TB', '5242623 MB']);
    assert.deepEqual([frequencyText(2600), frequencyText(2133), frequencyText(2500.5)], ['2.6 GHz', '2.133 GHz', '2501 MHz']);
    assert.deepEqual([bandwidthText(10000), bandwidthText(100), bandwidthText(25000)], ['10 Gbps', '100 Mbps', '25 Gbps']);
  });
});
