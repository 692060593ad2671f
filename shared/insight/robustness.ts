/**
 * The fair experiment's "Robustness": the test images shifted, rotated, noisy and inverted, so a
 * learner can check the lesson's claim (a CNN copes with a moved digit, a feed-forward network
 * does not) with numbers their own runs produce. Every transform is pure and seeded.
 */

/** The copies of the test set each run is scored on, in the order the table shows them. */
export const ROBUSTNESS_CONDITIONS = [
  { id: 'original', label: 'untouched test images' },
  { id: 'shift2', label: 'shifted by 2 pixels' },
  { id: 'shift4', label: 'shifted by 4 pixels' },
  { id: 'rotate15', label: 'rotated by ±15°' },
  { id: 'noise', label: 'Gaussian noise, σ 0.3' },
  { id: 'invert', label: 'colours inverted' },
] as const;
export type RobustnessCondition = (typeof ROBUSTNESS_CONDITIONS)[number]['id'];

/** One run's accuracy on each copy of the first `samples` test images. */
export interface RobustnessScores {
  readonly samples: number;
  readonly accuracy: Readonly<Record<RobustnessCondition, number>>;
}

/** One image: height, width, channels. */
export type ImageShape = readonly [number, number, number];

/**
 * `image` moved by (`dy`, `dx`) pixels (down and right when positive); what moves in from the
 * edge is black (0), as around an MNIST digit.
 */
export function shiftImage(
  image: ArrayLike<number>,
  [h, w, c]: ImageShape,
  dy: number,
  dx: number,
): Uint8Array {
  const out = new Uint8Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sy = y - dy;
      const sx = x - dx;
      if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
      for (let k = 0; k < c; k++) out[(y * w + x) * c + k] = image[(sy * w + sx) * c + k] ?? 0;
    }
  return out;
}

/** `image` rotated by `degrees` (counter-clockwise) about its centre, bilinear, black outside. */
export function rotateImage(
  image: ArrayLike<number>,
  [h, w, c]: ImageShape,
  degrees: number,
): Uint8Array {
  const out = new Uint8Array(h * w * c);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cy = (h - 1) / 2;
  const cx = (w - 1) / 2;
  const at = (y: number, x: number, k: number) =>
    y < 0 || y >= h || x < 0 || x >= w ? 0 : (image[(y * w + x) * c + k] ?? 0);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // Where this output pixel comes from: the inverse rotation.
      const sx = cos * (x - cx) - sin * (y - cy) + cx;
      const sy = sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let k = 0; k < c; k++) {
        const v =
          (1 - fy) * ((1 - fx) * at(y0, x0, k) + fx * at(y0, x0 + 1, k)) +
          fy * ((1 - fx) * at(y0 + 1, x0, k) + fx * at(y0 + 1, x0 + 1, k));
        out[(y * w + x) * c + k] = Math.round(v);
      }
    }
  return out;
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32): the same noise on every run. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `image` plus Gaussian noise of `sigma` on the network's 0–1 scale, clipped to 0–255. */
export function addNoise(
  image: ArrayLike<number>,
  sigma: number,
  random: () => number,
): Uint8Array {
  const out = new Uint8Array(image.length);
  for (let i = 0; i < image.length; i++) {
    // Box–Muller: one standard normal from two uniforms.
    const n = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = Math.max(0, Math.min(255, Math.round((image[i] ?? 0) + n * sigma * 255)));
  }
  return out;
}

/** Black for white and white for black. */
export const invertImage = (image: ArrayLike<number>): Uint8Array =>
  Uint8Array.from({ length: image.length }, (_, i) => 255 - (image[i] ?? 0));

/** The four directions a shift cycles through, image after image: right, down, left, up. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 0],
  [0, -1],
  [-1, 0],
];

/**
 * The copy of `count` images (one after another, each of `shape`) for `condition`. Shifts cycle
 * through the four directions and rotations alternate +15° and −15°, image by image, so every
 * direction is tested equally; the noise is seeded, so every run sees the same noisy images.
 */
export function transformImages(
  images: Uint8Array,
  count: number,
  shape: ImageShape,
  condition: RobustnessCondition,
): Uint8Array {
  if (condition === 'original') return images.subarray(0, count * shape[0] * shape[1] * shape[2]);
  const size = shape[0] * shape[1] * shape[2];
  const out = new Uint8Array(count * size);
  const random = seededUniform(42);
  for (let i = 0; i < count; i++) {
    const image = images.subarray(i * size, (i + 1) * size);
    const [dy = 0, dx = 0] = DIRECTIONS[i % 4] ?? [];
    const copy =
      condition === 'shift2'
        ? shiftImage(image, shape, 2 * dy, 2 * dx)
        : condition === 'shift4'
          ? shiftImage(image, shape, 4 * dy, 4 * dx)
          : condition === 'rotate15'
            ? rotateImage(image, shape, i % 2 === 0 ? 15 : -15)
            : condition === 'noise'
              ? addNoise(image, 0.3, random)
              : invertImage(image);
    out.set(copy, i * size);
  }
  return out;
}
