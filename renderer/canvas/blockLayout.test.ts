import { describe, expect, it } from 'vitest';
import { BLOCK_GAP, detourLane, separateBlocks } from './blockLayout';
import type { Box } from './blockLayout';

const box = (id: string, x: number, y: number, height = 100): Box => ({
  id,
  x,
  y,
  width: 240,
  height,
});

describe('block layout', () => {
  it('leaves blocks that do not touch where they are', () => {
    expect(separateBlocks([box('a', 0, 0), box('b', 0, 140), box('c', 300, 20)]).size).toBe(0);
  });

  it('pushes the blocks below a grown block down, in its column only, keeping the gap', () => {
    const grown = { ...box('a', 0, 0), height: 180 };
    const moved = separateBlocks([
      box('c', 0, 280),
      grown,
      box('b', 0, 140),
      box('side', 300, 140),
    ]);
    expect(moved.get('b')).toBe(180 + BLOCK_GAP);
    // c was 40 below b; it is now pushed by b's new place, not left under it.
    expect(moved.get('c')).toBe(180 + BLOCK_GAP + 100 + BLOCK_GAP);
    expect(moved.has('side')).toBe(false);
  });

  it('routes a skip wire beside the blocks it would cross, and a short wire straight', () => {
    const boxes = [box('a', 0, 0), box('b', 0, 140), box('c', 0, 280), box('d', 0, 420)];
    expect(detourLane(boxes[0] as Box, boxes[1] as Box, boxes)).toBeUndefined();
    const lane = detourLane(boxes[0] as Box, boxes[3] as Box, boxes);
    expect(lane).toBeGreaterThan(240);
    // A block standing to the right of the way down pushes the lane past it too.
    const wide = [...boxes, box('side', 250, 200)].sort((p, q) => p.y - q.y);
    expect(detourLane(wide[0] as Box, wide[4] as Box, wide)).toBeGreaterThan(490);
  });
});
