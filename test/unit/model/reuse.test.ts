/**
 * A parse given the last one (model/reuse.ts) takes back the entries an edit left alone and
 * reads the rest, and what it gives is always what a whole parse of the same text gives:
 * when taking an entry back would differ (an id now declared twice, a section renamed, a
 * comment that changes where the entry ends), the entry is read again or the parse starts
 * over. The property test (test/unit/property/incremental.test.ts) follows random edits.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entriesReused, parseVtopo, type ParseResult } from '../../../src/core/model/parse';
import { editBetween } from '../../../src/core/model/source';
import { BENCH_SIZES, generateDesign, withOneVmEdited } from '../../../bench/generate';

function readOf(parsed: ParseResult): unknown {
  return { file: parsed.topology.file, declarations: [...parsed.topology.declarations], references: parsed.topology.references, problems: parsed.problems };
}

/** Parses `after` given the parse of `before`, checks it against a whole parse, and says how many entries it took back. */
function reparse(before: string, after: string): number {
  const parsed = parseVtopo(after, parseVtopo(before));
  assert.deepEqual(readOf(parsed), readOf(parseVtopo(after)), `the parse of\n${after}\nafter\n${before}`);
  return entriesReused(parsed);
}

const MAPPED = [
  'vtopo: 1',
  'clusters:',
  '  prod: {}',
  'hosts:',
  '  esx-01: { cluster: prod, cpu: { sockets: 2, cores: 16, speed: 2.4 GHz }, memory: 512 GB }',
  '  esx-02:',
  '    cluster: prod',
  '    cpu: { sockets: 2, cores: 16, speed: 2.4 GHz }',
  '    memory: 512 GB',
  '    adapters:',
  '      nic1: { type: ethernet, ports: { p0: { speed: 10 Gbps } } }',
  'vms:',
  '  web-1:',
  '    host: esx-01',
  '    memory: 8 GB',
  '  web-2:',
  '    host: esx-02',
  '    memory: 8 GB',
  '  db-1:',
  '    host: esx-02',
  '    memory: 64 GB',
  '    cpus: 8',
  '',
].join('\n');

const LISTED = [
  'vtopo: 1',
  'hosts:',
  '  - id: esx-01',
  '    memory: 512 GB',
  '  - id: esx-02',
  '    memory: 512 GB',
  'vms:',
  '- id: web-1',
  '  host: esx-01',
  '- id: web-2',
  '  host: esx-02',
  '  memory: 8 GB',
  '',
].join('\n');

describe('a parse that takes back the last one\'s entries', () => {
  it('takes back every entry an edit left alone, before and after it, in both forms of a section', () => {
    assert.equal(reparse(MAPPED, MAPPED), 6, 'the same text: every entry');
    assert.equal(reparse(MAPPED, MAPPED.replace('memory: 8 GB\n  web-2', 'memory: 16 GB\n  web-2')), 5, 'all but web-1');
    assert.equal(reparse(MAPPED, MAPPED.replace('esx-01: { cluster: prod', 'esx-01: { cluster: test')), 5, 'all but esx-01');
    assert.equal(reparse(LISTED, LISTED.replace('  host: esx-01', '  host: esx-02')), 3, 'all but web-1');
    assert.equal(reparse(LISTED, LISTED.replace('- id: esx-02\n    memory: 512 GB', '- id: esx-02\n    memory: 1024 GB')), 3, 'all but esx-02');
  });

  it('moves the entries after the edit, and everything they hold, to where they are now', () => {
    const after = MAPPED.replace('  web-1:\n', '  # the front end\n  web-1:\n');
    assert.equal(reparse(MAPPED, after), 5, 'all but web-1, on whose line the texts start to differ');
    const parsed = parseVtopo(after, parseVtopo(MAPPED));
    const db = parsed.topology.declarations.get('db-1');
    assert.equal(after.slice(db?.idRange.start, db?.idRange.end), 'db-1');
  });

  it('on a generated design, reads only the VM an edit changed', () => {
    const text = generateDesign(BENCH_SIZES[0] as (typeof BENCH_SIZES)[number]);
    const everything = reparse(text, text);
    assert.ok(everything > 1000, `entries: ${everything}`);
    assert.equal(reparse(text, withOneVmEdited(text)), everything - 1);
  });

  it('reads an entry again when a comment after it now belongs to its last value', () => {
    // yaml extends a value's range over a comment indented under it: the entry ends elsewhere.
    const before = MAPPED.replace('    memory: 8 GB\n  web-2:', '    memory: 8 GB\n  # web-2 next\n  web-2:');
    const after = before.replace('  # web-2 next', '      # web-2 next');
    assert.ok(reparse(before, after) < 6);
  });

  it('reads again an entry whose next line moved under it', () => {
    reparse(MAPPED, MAPPED.replace('\n  web-2:', '\n    web-2:'));
    reparse(MAPPED, MAPPED.replace('\n  web-2:\n    host: esx-02\n    memory: 8 GB', '\n  web-2:\n    host: esx-02\n  memory: 8 GB'));
  });

  it('gives what reading gives when an id becomes, or stops being, declared twice', () => {
    const twice = MAPPED.replace('  web-1:', '  db-1:');
    reparse(MAPPED, twice);
    reparse(twice, MAPPED);
    const hostTwice = MAPPED.replace('  esx-01: {', '  esx-02: {');
    reparse(MAPPED, hostTwice);
    reparse(hostTwice, MAPPED);
  });

  it('gives what reading gives when a section is renamed, to an unknown key or to another section', () => {
    reparse(MAPPED, MAPPED.replace('vms:', 'vmz:'));
    reparse(MAPPED, MAPPED.replace('vms:', 'switches:'));
    reparse(MAPPED.replace('vms:', 'switches:'), MAPPED);
    reparse(MAPPED, MAPPED.replace('hosts:\n', 'hosts:\n  adapters:\n'));
  });

  it('reads again the hosts that take keys from a profile, and the profiles', () => {
    const profiled = [
      'vtopo: 1',
      'hostProfiles:',
      '  r750: { memory: 512 GB, adapters: { hba1: { type: fc, ports: { p0: { speed: 32 Gbps } } } } }',
      'hosts:',
      '  esx-01: { profile: r750 }',
      '  esx-02: { memory: 256 GB }',
      'vms:',
      '  web-1: { host: esx-01 }',
      '',
    ].join('\n');
    assert.equal(reparse(profiled, profiled.replace('web-1: { host: esx-01 }', 'web-1: { host: esx-02 }')), 1, 'esx-02 only: esx-01 read its profile');
    reparse(profiled, profiled.replace('memory: 512 GB', 'memory: 768 GB'));
  });

  it('reads everything when the new text is outside the fast reader\'s YAML, and after', () => {
    const anchored = MAPPED.replace('    memory: 64 GB', '    memory: &big 64 GB');
    assert.equal(reparse(MAPPED, anchored), 0);
    assert.equal(reparse(anchored, MAPPED), 0, 'a parse by yaml keeps no entries');
    assert.equal(reparse(MAPPED, MAPPED.replace('vms:', 'vms: [')), 0);
  });

  it('finds the edit between two texts, over long common starts and ends', () => {
    const long = 'x'.repeat(5000);
    assert.deepEqual(editBetween(`${long}a${long}`, `${long}bc${long}`), { start: 5000, beforeEnd: 5001, afterEnd: 5002 });
    assert.deepEqual(editBetween(`${long}`, `${long}y`), { start: 5000, beforeEnd: 5000, afterEnd: 5001 });
    assert.deepEqual(editBetween(`a${long}`, `${long}`), { start: 0, beforeEnd: 1, afterEnd: 0 });
    assert.equal(editBetween(long, long), undefined);
  });
});
