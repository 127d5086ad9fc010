import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hosts } from './design';
import { findingsOf, textAt } from '../rule-test';

const design = (vmLines: string, extra = '') => `vtopo: 1\nclusters:\n  prod: {}\nhosts:\n${hosts(2)}\nvms:\n${vmLines}\n${extra}analysis:\n  asOf: 2025-06-30\n`;

describe('vm-sprawl', () => {
  it('flags a VM idle longer than 90 days as info, on its lastActive, with its age', () => {
    const text = design('  old-web: { host: h1, memory: 4 GB, lastActive: 2025-01-01 }\n  busy: { host: h2, memory: 4 GB, lastActive: 2025-06-29 }');
    const [finding, ...rest] = findingsOf(text, 'vm-sprawl');
    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'info');
    assert.match(finding?.message ?? '', /VM "old-web" has been idle for 180 days \(last active 2025-01-01, threshold 90 days\)\. It still holds storage/);
    assert.equal(textAt(text, finding), '2025-01-01');
  });

  it('prices sprawl with the VM sprawl and HA planning handbook\'s model (docs/design/sources.md#seed-002): 15:1 on a $30,000 host is $2,000 a VM, with a total on costs', () => {
    const vms = '  old-1: { host: h1, memory: 4 GB, power: off }\n  old-2: { host: h2, memory: 4 GB, lastActive: 2024-12-01 }';
    const text = design(vms, 'costs:\n  hostCost: 30000\n  consolidationRatio: 15\n');
    const findings = findingsOf(text, 'vm-sprawl');
    assert.deepEqual(findings.map((f) => f.message), [
      'VM "old-1" is powered off with no lastActive date; at 15:1 consolidation of a $30,000 host it ties up about $2,000. It still holds storage, licences and backup: reclaim it or record why it stays.',
      'VM "old-2" has been idle for 211 days (last active 2024-12-01, threshold 90 days); at 15:1 consolidation of a $30,000 host it ties up about $2,000. It still holds storage, licences and backup: reclaim it or record why it stays.',
      '2 idle or powered-off VMs tie up about $4,000 ($2,000 each at 15:1 consolidation).',
    ]);
    assert.equal(textAt(text, findings[0]), 'off');
    assert.equal(textAt(text, findings[2]), 'costs');
  });

  it('derives the consolidation ratio from the design and uses the file\'s currency', () => {
    const vms = Array.from({ length: 6 }, (_, i) => `  vm-${i}: { host: h1, memory: 4 GB }`).join('\n');
    const text = design(`${vms}\n  old: { host: h1, memory: 4 GB, power: suspended }`, 'costs:\n  currency: EUR\n  hostCost: 9000\n');
    const message = findingsOf(text, 'vm-sprawl')[0]?.message ?? '';
    assert.match(message, /is suspended with no lastActive date; at 3:1 \(6 powered-on VMs on 2 hosts\) consolidation of a 9,000 EUR host it ties up about 3,000 EUR/);
  });

  it('leaves running VMs and VMs stopped within the threshold alone; the threshold is an option', () => {
    const recent = '  stopped: { host: h1, memory: 4 GB, power: off, lastActive: 2025-06-01 }\n  running: { host: h2, memory: 4 GB }';
    assert.deepEqual(findingsOf(design(recent), 'vm-sprawl'), []);
    const strict = design(recent).replace('analysis:\n', 'analysis:\n  rules:\n    vm-sprawl: { idleDays: 20 }\n');
    assert.deepEqual(findingsOf(strict, 'vm-sprawl').map((f) => f.elementIds), [['stopped']]);
  });
});
