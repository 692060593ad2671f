import { describe, expect, it } from 'vitest';
import { initialViewport, READABLE_ZOOM } from './initialViewport';

const block = { width: 240, height: 104 };
const view = { width: 880, height: 850 };
const stack = (n: number) => Array.from({ length: n }, (_, i) => ({ x: 0, y: i * 140 }));

describe('initial viewport', () => {
  it('shows a short network whole, centred, at most at zoom 1', () => {
    const v = initialViewport(stack(3), block, view);
    expect(v.zoom).toBe(1);
    expect(v.x).toBe((880 - 240) / 2);
  });

  it('opens a tall network at zoom 1 from its input at the top instead of shrinking it', () => {
    const v = initialViewport(stack(12), block, view);
    expect(v.zoom).toBe(1);
    expect(v.y).toBe(32);
  });

  it('fits a network that fits at a readable zoom', () => {
    const v = initialViewport(stack(6), block, view);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(v.zoom).toBeLessThan(1);
  });
});
