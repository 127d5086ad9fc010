import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIMENSIONS, baseUnitOf, formatQuantity, parseQuantity, type Dimension } from '../../../src/core/model/units';

function valueOf(text: string, dimension: Dimension): number {
  const parsed = parseQuantity(text, dimension);
  assert.ok(parsed.ok, `"${text}" should parse as ${dimension}: ${parsed.ok ? '' : parsed.message}`);
  return parsed.value;
}

function messageOf(text: string, dimension: Dimension): string {
  const parsed = parseQuantity(text, dimension);
  assert.ok(!parsed.ok, `"${text}" should not parse as ${dimension}`);
  return parsed.message;
}

describe('parseQuantity', () => {
  it('reads data sizes in MB with binary multiples (1 GB = 1024 MB, as vSphere counts)', () => {
    assert.equal(valueOf('512 GB', 'data'), 512 * 1024);
    assert.equal(valueOf('512GB', 'data'), 512 * 1024);
    assert.equal(valueOf('8 TB', 'data'), 8 * 1024 * 1024);
    assert.equal(valueOf('64 MB', 'data'), 64);
    assert.equal(valueOf('512 KB', 'data'), 0.5);
    assert.equal(valueOf('2 GiB', 'data'), 2048);
    assert.equal(valueOf('16g', 'data'), 16384);
    assert.equal(valueOf('1.5 GB', 'data'), 1536);
    assert.equal(valueOf('.5 GB', 'data'), 512);
  });

  it('reads frequencies in MHz', () => {
    assert.equal(valueOf('2.6 GHz', 'frequency'), 2600);
    assert.equal(valueOf('800 MHz', 'frequency'), 800);
    assert.equal(valueOf('3ghz', 'frequency'), 3000);
  });

  it('reads link speeds in Mbps with decimal multiples (1 Gbps = 1000 Mbps)', () => {
    assert.equal(valueOf('16 Gbps', 'bandwidth'), 16000);
    assert.equal(valueOf('10GbE', 'bandwidth'), 10000);
    assert.equal(valueOf('32 GFC', 'bandwidth'), 32000);
    assert.equal(valueOf('100 Mb/s', 'bandwidth'), 100);
    assert.equal(valueOf('1 Gbit/s', 'bandwidth'), 1000);
  });

  it('reads throughput in MB/s', () => {
    assert.equal(valueOf('200 MB/s', 'throughput'), 200);
    assert.equal(valueOf('1.5 GB/s', 'throughput'), 1536);
    assert.equal(valueOf('400 MBps', 'throughput'), 400);
  });

  it('reads durations in seconds', () => {
    assert.equal(valueOf('30 s', 'duration'), 30);
    assert.equal(valueOf('15 seconds', 'duration'), 15);
    assert.equal(valueOf('500 ms', 'duration'), 0.5);
    assert.equal(valueOf('2 min', 'duration'), 120);
    assert.equal(valueOf('5 m', 'duration'), 300);
    assert.equal(valueOf('1 h', 'duration'), 3600);
  });

  it('accepts every declared symbol and alias of every dimension', () => {
    for (const [dimension, definition] of Object.entries(DIMENSIONS) as Array<[Dimension, (typeof DIMENSIONS)[Dimension]]>) {
      for (const unit of definition.units) {
        for (const spelling of [unit.symbol, ...unit.aliases]) {
          assert.equal(valueOf(`2 ${spelling}`, dimension), 2 * unit.factor, `${dimension}: 2 ${spelling}`);
        }
      }
    }
  });

  it('refuses a number without a unit, naming the dimension and an example', () => {
    assert.equal(messageOf('512', 'data'), 'expected a data with a unit, such as "512 GB"');
    assert.match(messageOf('30', 'duration'), /such as "30 s"/);
  });

  it('refuses a unit of another dimension, listing the accepted units', () => {
    assert.equal(messageOf('512 GHz', 'data'), 'unknown data unit "GHz"; use one of KB, MB, GB, TB');
    assert.equal(messageOf('16 GB', 'bandwidth'), 'unknown bandwidth unit "GB"; use one of Mbps, Gbps');
    assert.match(messageOf('2 parsecs', 'duration'), /unknown duration unit "parsecs"/);
  });

  it('refuses negative, exponent, empty and unit-only input', () => {
    for (const bad of ['-5 GB', '1e3 MB', '', 'GB', '5 G B', '1,5 GB', 'NaN GB', 'Infinity GB']) {
      assert.equal(parseQuantity(bad, 'data').ok, false, `"${bad}"`);
    }
  });
});

describe('formatQuantity and baseUnitOf', () => {
  it('formats with the largest unit that keeps the value at or above 1', () => {
    assert.equal(formatQuantity(524288, 'data'), '512 GB');
    assert.equal(formatQuantity(1536, 'data'), '1.5 GB');
    assert.equal(formatQuantity(0.5, 'duration'), '500 ms');
    assert.equal(formatQuantity(16000, 'bandwidth'), '16 Gbps');
    assert.equal(formatQuantity(90, 'duration'), '1.5 min');
  });

  it('round-trips formatted values through parseQuantity', () => {
    for (const [value, dimension] of [[524288, 'data'], [2600, 'frequency'], [16000, 'bandwidth'], [200, 'throughput'], [3600, 'duration']] as const) {
      assert.equal(valueOf(formatQuantity(value, dimension), dimension), value);
    }
  });

  it('names the base unit of each dimension', () => {
    assert.equal(baseUnitOf('data').symbol, 'MB');
    assert.equal(baseUnitOf('frequency').symbol, 'MHz');
    assert.equal(baseUnitOf('bandwidth').symbol, 'Mbps');
    assert.equal(baseUnitOf('throughput').symbol, 'MBps');
    assert.equal(baseUnitOf('duration').keySuffix, 'Seconds');
  });
});
