import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lanDesign } from '../../lan/fixtures';
import { findingsOf, textAt } from '../rule-test';

const RULE = 'management-single-stack';

const stacked = (one: string, two: string) =>
  lanDesign()
    .replace('lan-1: { type: ethernet, addresses: [10.0.10.1] }', `lan-1: { type: ethernet, addresses: [10.0.10.1]${one} }`)
    .replace('lan-2: { type: ethernet }', `lan-2: { type: ethernet${two} }`);

describe('management-single-stack', () => {
  it('accepts management uplinks on two independent switches', () => {
    assert.deepEqual(findingsOf(lanDesign(), RULE), []);
  });

  it('reports management uplinks on two switches of one stack, pointing at the stack', () => {
    const text = stacked(', stack: tor', ', stack: tor');
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 3);
    assert.equal(
      findings[0]?.message,
      'Host "esx-01": the uplinks of its management network "esx-01/vmk0" reach switches "lan-1", "lan-2", all members of stack "tor": a stack fails as one (a firmware upgrade reloads every member; a control-plane fault or a stack split reaches them all), cutting every uplink at once. Cable the network to two independent switches.',
    );
    assert.equal(textAt(text, findings[0]?.related?.[0]), 'tor');
    assert.deepEqual(findings[0]?.elementIds, ['esx-01', 'esx-01/vmk0', 'lan-1', 'lan-2']);
    assert.equal(findings[0]?.severity, 'warning');
  });

  it('accepts two stacks, or one stacked switch and one standalone', () => {
    assert.deepEqual(findingsOf(stacked(', stack: tor-a', ', stack: tor-b'), RULE), []);
    assert.deepEqual(findingsOf(stacked(', stack: tor', ''), RULE), []);
  });

  it('says nothing when the design does not describe the LAN', () => {
    assert.deepEqual(findingsOf(lanDesign({ hostLan: '' }).replace('lan-2: { type: ethernet }', 'lan-2: { type: ethernet, stack: tor }').replace('addresses: [10.0.10.1]', 'stack: tor'), RULE), []);
  });
});
