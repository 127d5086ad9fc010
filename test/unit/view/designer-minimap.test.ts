import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromMinimap, MINIMAP_MIN_NODES, minimapTransform, minimapVisible, panToCenter, toMinimap } from '../../../src/core/view/designer-minimap';

describe('designer minimap', () => {
  it('shows on designs with enough nodes unless the user chose', () => {
    assert.equal(minimapVisible(MINIMAP_MIN_NODES - 1, undefined), false);
    assert.equal(minimapVisible(MINIMAP_MIN_NODES, undefined), true);
    assert.equal(minimapVisible(5, true), true);
    assert.equal(minimapVisible(5000, false), false);
  });

  it('fits the model box into the map, centred, and maps back', () => {
    const t = minimapTransform({ x1: -100, y1: 0, x2: 300, y2: 100 }, 200, 140, 10);
    assert.equal(t.scale, 180 / 400);
    const topLeft = toMinimap(t, { x: -100, y: 0 });
    const bottomRight = toMinimap(t, { x: 300, y: 100 });
    assert.ok(Math.abs(topLeft.x - 10) < 1e-9 && Math.abs(bottomRight.x - 190) < 1e-9);
    assert.ok(Math.abs(topLeft.y + bottomRight.y - 140) < 1e-9, 'centred vertically');
    const back = fromMinimap(t, toMinimap(t, { x: 42, y: 17 }));
    assert.ok(Math.abs(back.x - 42) < 1e-9 && Math.abs(back.y - 17) < 1e-9);
    assert.ok(Number.isFinite(minimapTransform({ x1: 5, y1: 5, x2: 5, y2: 5 }, 200, 140).scale), 'a single point still maps');
  });

  it('pans so the model point is in the middle of the viewport', () => {
    const pan = panToCenter({ x: 100, y: 50 }, 2, { width: 800, height: 600 });
    assert.deepEqual(pan, { x: 200, y: 200 });
  });
});
