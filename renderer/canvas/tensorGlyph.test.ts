import { describe, expect, it } from 'vitest';
import { glyphGeometry } from './tensorGlyph';

describe('tensor glyph', () => {
  it('draws an image-shaped output as a slab: face by H×W, depth by channels, log-scaled', () => {
    const input = glyphGeometry([null, 28, 28, 1]);
    const conv = glyphGeometry([null, 26, 26, 32]);
    const pooled = glyphGeometry([null, 5, 5, 64]);
    if (input.kind !== 'slab' || conv.kind !== 'slab' || pooled.kind !== 'slab')
      throw new Error('expected slabs');
    expect(input.side).toBeGreaterThan(pooled.side);
    expect(conv.depth).toBeGreaterThan(input.depth);
    expect(pooled.depth).toBeGreaterThan(conv.depth);
  });

  it('clamps huge and tiny tensors to what a block can hold', () => {
    const huge = glyphGeometry([null, 4096, 4096, 100000]);
    const tiny = glyphGeometry([null, 1, 1, 1]);
    expect(huge).toEqual({ kind: 'slab', side: 30, depth: 22 });
    expect(tiny).toEqual({ kind: 'slab', side: 6, depth: 2 });
  });

  it('draws a vector as a bar whose length grows with its size, and nothing for an unknown shape', () => {
    const ten = glyphGeometry([null, 10]);
    const wide = glyphGeometry([null, 1600]);
    if (ten.kind !== 'bar' || wide.kind !== 'bar') throw new Error('expected bars');
    expect(wide.length).toBeGreaterThan(ten.length);
    expect(glyphGeometry(undefined)).toEqual({ kind: 'none' });
    expect(glyphGeometry([null, null, 4])).toEqual({ kind: 'none' });
  });
});
