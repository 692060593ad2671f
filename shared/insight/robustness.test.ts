import { describe, expect, it } from 'vitest';
import {
  addNoise,
  invertImage,
  rotateImage,
  seededUniform,
  shiftImage,
  transformImages,
} from './robustness';

// A 4×4 grayscale image with one bright pixel at row 1, column 1.
const dot = Uint8Array.from({ length: 16 }, (_, i) => (i === 5 ? 200 : 0));
const where = (img: Uint8Array) => [...img.keys()].filter((i) => (img[i] ?? 0) > 0);

describe('robustness transforms', () => {
  it('shifts right and down, filling with black, and loses what leaves the frame', () => {
    expect(where(shiftImage(dot, [4, 4, 1], 0, 2))).toEqual([7]);
    expect(where(shiftImage(dot, [4, 4, 1], 2, 0))).toEqual([13]);
    expect(where(shiftImage(dot, [4, 4, 1], 0, -2))).toEqual([]);
    // Channels move together.
    expect(Array.from(shiftImage([1, 2, 3, 4, 5, 6], [1, 2, 3], 0, 1))).toEqual([0, 0, 0, 1, 2, 3]);
  });

  it('rotates about the centre: 90° takes the top-left pixel to the bottom-left, 0° changes nothing', () => {
    const corner = Uint8Array.from({ length: 9 }, (_, i) => (i === 0 ? 255 : 0));
    expect(where(rotateImage(corner, [3, 3, 1], 90))).toEqual([6]);
    expect(Array.from(rotateImage(dot, [4, 4, 1], 0))).toEqual(Array.from(dot));
    // 15° keeps most of the ink: the total brightness of a blob stays close.
    const blob = Uint8Array.from({ length: 100 }, (_, i) =>
      Math.abs((i % 10) - 4.5) < 2 && Math.abs(Math.floor(i / 10) - 4.5) < 2 ? 255 : 0,
    );
    const sum = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(rotateImage(blob, [10, 10, 1], 15)) / sum(blob)).toBeCloseTo(1, 1);
  });

  it('adds seeded noise of the asked σ on the 0–1 scale, clipped to 0–255', () => {
    const grey = new Uint8Array(20000).fill(128);
    const noisy = addNoise(grey, 0.3, seededUniform(1));
    const mean = noisy.reduce((s, v) => s + v, 0) / noisy.length;
    const sd = Math.sqrt(noisy.reduce((s, v) => s + (v - mean) ** 2, 0) / noisy.length) / 255;
    expect(mean).toBeCloseTo(128, -1);
    // Clipping at 0 and 255 trims the tails a little.
    expect(sd).toBeGreaterThan(0.27);
    expect(sd).toBeLessThan(0.31);
    expect(Array.from(addNoise(grey.subarray(0, 5), 0.3, seededUniform(1)))).toEqual(
      Array.from(noisy.subarray(0, 5)),
    );
  });

  it('inverts, and copies a whole set image by image, cycling the shift directions', () => {
    expect(Array.from(invertImage([0, 255, 55]))).toEqual([255, 0, 200]);
    const two = new Uint8Array([...dot, ...dot]);
    const shifted = transformImages(two, 2, [4, 4, 1], 'shift2');
    expect(where(shifted.subarray(0, 16))).toEqual([7]); // right
    expect(where(shifted.subarray(16))).toEqual([13]); // down
    expect(transformImages(two, 2, [4, 4, 1], 'original')).toEqual(two);
  });
});
