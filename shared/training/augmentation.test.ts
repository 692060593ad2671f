import { describe, expect, it } from 'vitest';
import { NO_AUGMENTATION, augmentImage, augmentationRandom, isAugmenting } from './augmentation';
import type { Augmentation } from './augmentation';

/** A 5×5 one-channel image whose pixel (y, x) is 10·y + x + 1. */
const image = Float32Array.from({ length: 25 }, (_, i) => 10 * Math.floor(i / 5) + (i % 5) + 1);
const at = (img: ArrayLike<number>, y: number, x: number) => img[y * 5 + x] ?? NaN;
const augmented = (a: Augmentation, draws: number[]) => {
  const out = new Float32Array(25);
  let i = 0;
  augmentImage(image, out, 0, [5, 5, 1], a, () => draws[i++ % draws.length] ?? 0.5);
  return out;
};

describe('augmentImage', () => {
  it('leaves the image unchanged when every factor is off (draws at the middle)', () => {
    expect(isAugmenting(NO_AUGMENTATION)).toBe(false);
    expect(Array.from(augmented(NO_AUGMENTATION, [0.1, 0.9]))).toEqual(Array.from(image));
  });

  it('shifts by whole pixels and fills what comes in from outside with 0', () => {
    // Draw 1 for the vertical shift: 0.2 · 5 = 1 pixel down; 0.5 for horizontal: none.
    const out = augmented({ ...NO_AUGMENTATION, shift: 0.2 }, [1, 0.5]);
    for (let x = 0; x < 5; x++) expect(at(out, 0, x)).toBe(0);
    for (let y = 1; y < 5; y++)
      for (let x = 0; x < 5; x++) expect(at(out, y, x)).toBeCloseTo(at(image, y - 1, x), 5);
  });

  it('rotates a quarter turn about the centre', () => {
    const out = augmented({ ...NO_AUGMENTATION, rotation: 0.25 }, [0.5, 0.5, 1, 0.5]);
    for (let y = 0; y < 5; y++)
      for (let x = 0; x < 5; x++) expect(at(out, y, x)).toBeCloseTo(at(image, x, 4 - y), 4);
  });

  it('mirrors left to right when the flip is drawn, and not otherwise', () => {
    const flip = { ...NO_AUGMENTATION, flip: true };
    const flipped = augmented(flip, [0.5, 0.5, 0.5, 0.5, 0.1]);
    for (let y = 0; y < 5; y++)
      for (let x = 0; x < 5; x++) expect(at(flipped, y, x)).toBe(at(image, y, 4 - x));
    expect(Array.from(augmented(flip, [0.5, 0.5, 0.5, 0.5, 0.9]))).toEqual(Array.from(image));
  });

  it('zooms out about the centre: the corners come from outside the image', () => {
    const out = augmented({ ...NO_AUGMENTATION, zoom: 0.5 }, [0.5, 0.5, 0.5, 1]);
    expect(at(out, 2, 2)).toBe(at(image, 2, 2));
    expect(at(out, 0, 0)).toBe(0);
  });

  it('draws the same augmentations from the same seed', () => {
    const a = { shift: 0.1, rotation: 0.1, zoom: 0.1, flip: true };
    const run = (seed: number) => {
      const out = new Float32Array(25);
      augmentImage(image, out, 0, [5, 5, 1], a, augmentationRandom(seed));
      return Array.from(out);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });
});
