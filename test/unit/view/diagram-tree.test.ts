import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ancestorsOf, isInsideAny } from '../../../src/core/view/diagram-tree';
import type { DiagramNode } from '../../../src/core/view/diagram';
import { blades } from './fixtures/diagrams';

describe('diagram tree', () => {
  const byId = new Map(blades.nodes.map((node) => [node.id, node]));

  it('walks from a node out through what it is drawn in, nearest first', () => {
    assert.deepEqual([...ancestorsOf('blade-1', byId)].map((node) => node.id), ['enc-01', 'r02', 'dc1']);
    assert.deepEqual([...ancestorsOf('dc1', byId)], []);
    assert.deepEqual([...ancestorsOf('no-such-id', byId)], []);
    assert.ok(isInsideAny('arr-1/a/p0', new Set(['arr-1']), byId));
    assert.ok(!isInsideAny('arr-1', new Set(['arr-1']), byId), 'a node is not inside itself');
  });

  it('stops at a loop in the parents', () => {
    const node = (id: string, parent: string): DiagramNode => ({ id, parent, kind: 'rack', label: id, details: [], findingCount: 0 });
    const loop = new Map([['a', node('a', 'b')], ['b', node('b', 'a')]]);
    assert.deepEqual([...ancestorsOf('a', loop)].map((at) => at.id), ['b']);
  });
});
