import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { movedElements, positionsAfterMoves, type Point } from '../../../src/core/view/designer-moves';
import { layoutCenter } from '../../../src/core/view/diagram';
import { seed } from './fixtures/diagrams';

describe('designer moves: what a move writes to the layout section', () => {
  const hostAnchor = layoutCenter(seed, 'esx-01');
  const at = (points: Record<string, Point>) => (id: string) => points[id];

  it('writes each moved element at its anchor moved as far as it went on the canvas, rounded', () => {
    assert.deepEqual(hostAnchor, { x: 100, y: 100 }, 'esx-01 has no saved position: its anchor is the middle of its first row of VMs');
    const before = new Map<string, Point>([['esx-01', { x: 0, y: 0 }], ['fc-a', { x: 40, y: 288 }], ['lan-1', { x: 320, y: 288 }]]);
    const now = at({ 'esx-01': { x: 10.4, y: -20.6 }, 'fc-a': { x: 40.3, y: 287.8 } });
    assert.deepEqual(movedElements(seed, before, now), [{ id: 'esx-01', position: { x: 110, y: 79 } }], 'fc-a jittered, lan-1 is not drawn: neither moved');
    assert.deepEqual(movedElements(seed, new Map([['fc-b', { x: 0, y: 0 }]]), at({ 'fc-b': { x: -30, y: 5 } })), [{ id: 'fc-b', position: { x: 400, y: 315 } }]);
  });

  it('moves a host\'s VMs and ports with it until the document comes back', () => {
    const positions = positionsAfterMoves(seed, [{ id: 'esx-01', position: { x: 110, y: 100 } }]);
    assert.deepEqual(positions.vcenter, { x: 26, y: 100 });
    assert.deepEqual(positions['esx-01/hba1/p0'], { x: 14, y: 150 });
    assert.deepEqual(positions['web-01'], seed.positions['web-01'], 'a VM of the other host stays');
    assert.deepEqual(seed.positions.vcenter, { x: 16, y: 100 }, 'the diagram itself is not changed');
    assert.deepEqual(positionsAfterMoves(seed, [{ id: 'fc-a', position: { x: 0, y: 0 } }])['fc-a'], { x: 0, y: 0 });
  });
});
