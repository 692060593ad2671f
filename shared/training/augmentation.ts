/**
 * Data augmentation as training settings: each training image is shifted, rotated, zoomed and
 * mirrored at random, a fresh draw per sample and epoch, so the network sees more variety than the
 * data set holds. Validation and test images are never augmented. The factors mean what Keras's
 * preprocessing layers (RandomTranslation, RandomRotation, RandomZoom, RandomFlip) take, which is
 * what the Python export writes.
 */
export interface Augmentation {
  /** Largest shift, as a fraction of the height and width (0.1: up to 10% either way); 0 for none. */
  readonly shift: number;
  /** Largest rotation, as a fraction of a full turn (0.05: up to ±18°); 0 for none. */
  readonly rotation: number;
  /** Largest zoom in or out, as a fraction (0.1: from 90% to 110%); 0 for none. */
  readonly zoom: number;
  /** Mirror half of the images left to right (wrong for digits: a mirrored 2 is no 2). */
  readonly flip: boolean;
}

/** No augmentation: the default, and right for digits. */
export const NO_AUGMENTATION: Augmentation = { shift: 0, rotation: 0, zoom: 0, flip: false };

/** Upper bound of each factor (the schema checks it). */
export const MAX_AUGMENTATION_FACTOR = 0.5;

/** True when `a` changes anything. */
export function isAugmenting(a: Augmentation | null | undefined): a is Augmentation {
  return !!a && (a.shift > 0 || a.rotation > 0 || a.zoom > 0 || a.flip);
}

/**
 * A seeded generator of floats in [0, 1) (mulberry32): the same seed gives the same augmentations
 * on every machine.
 */
export function augmentationRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes one augmented copy of the `h × w × c` image `src` (channels last) into `dst` at `offset`.
 * Each output pixel is read from where the random shift, rotation about the centre, zoom and flip
 * put it, with bilinear interpolation; pixels from outside the image are 0 (Keras's
 * `fill_mode="constant"`), so a digit never smears into the border.
 */
export function augmentImage(
  src: ArrayLike<number>,
  dst: { [i: number]: number },
  offset: number,
  [h, w, c]: readonly [number, number, number],
  a: Augmentation,
  random: () => number,
): void {
  const between = (f: number) => (random() * 2 - 1) * f;
  const dy = between(a.shift) * h;
  const dx = between(a.shift) * w;
  const angle = between(a.rotation) * 2 * Math.PI;
  const scale = 1 + between(a.zoom);
  const flip = a.flip && random() < 0.5;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cy = (h - 1) / 2;
  const cx = (w - 1) / 2;
  const at = (y: number, x: number, k: number) =>
    y < 0 || y >= h || x < 0 || x >= w ? 0 : (src[(y * w + x) * c + k] ?? 0);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // Inverse map: from the output pixel back to the source (undo shift, rotation, zoom).
      const oy = y - cy - dy;
      const ox = x - cx - dx;
      const sy = (cos * oy + sin * ox) * scale + cy;
      let sx = (-sin * oy + cos * ox) * scale + cx;
      if (flip) sx = w - 1 - sx;
      const y0 = Math.floor(sy);
      const x0 = Math.floor(sx);
      const fy = sy - y0;
      const fx = sx - x0;
      for (let k = 0; k < c; k++) {
        const top = at(y0, x0, k) * (1 - fx) + at(y0, x0 + 1, k) * fx;
        const bottom = at(y0 + 1, x0, k) * (1 - fx) + at(y0 + 1, x0 + 1, k) * fx;
        dst[offset + (y * w + x) * c + k] = top * (1 - fy) + bottom * fy;
      }
    }
}
