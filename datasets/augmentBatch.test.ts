import { describe, expect, it } from 'vitest';
import { batchAugmenter } from './augmentBatch';

const batch = Float32Array.from({ length: 3 * 64 }, (_, i) => ((i * 37) % 64) / 64);

describe('batchAugmenter', () => {
  it('is off when the settings change nothing', () => {
    expect(batchAugmenter(undefined, [8, 8, 1], 1)).toBeNull();
    expect(
      batchAugmenter({ shift: 0, rotation: 0, zoom: 0, flip: false }, [8, 8, 1], 1),
    ).toBeNull();
  });

  it('augments every image of a batch, the same way for the same seed, epoch and batch, differently otherwise', () => {
    const settings = { shift: 0.2, rotation: 0.1, zoom: 0.1, flip: false };
    const a = batchAugmenter(settings, [8, 8, 1], 42);
    const b = batchAugmenter(settings, [8, 8, 1], 42);
    if (!a || !b) throw new Error('augmentation is on');
    const first = Array.from(a(batch, 3, 1, 1));
    expect(first).toHaveLength(3 * 64);
    expect(first).toEqual(Array.from(b(batch, 3, 1, 1)));
    for (let i = 0; i < 3; i++)
      expect(first.slice(i * 64, (i + 1) * 64)).not.toEqual(
        Array.from(batch.subarray(i * 64, (i + 1) * 64)),
      );
    expect(Array.from(a(batch, 3, 2, 1))).not.toEqual(first);
    expect(Array.from(a(batch, 3, 1, 2))).not.toEqual(first);
    // The batch itself is left as it was (validation must never see an augmented copy).
    expect(batch[5]).toBe(((5 * 37) % 64) / 64);
  });
});
