// The draw pad's ink as numbers, not canvas pixels, so what the network receives is computed the
// same way in the app and in tests (jsdom has no 2-D canvas).

/** Square ink buffer, values 0..1, `size × size`, row after row. */
export interface Ink {
  readonly size: number;
  readonly values: Float32Array;
}

export const emptyInk = (size: number): Ink => ({ size, values: new Float32Array(size * size) });

/** Paints a soft round brush at (x, y) in ink coordinates, like a pen on paper. */
export function paintDisc(ink: Ink, x: number, y: number, radius: number): void {
  const { size, values } = ink;
  for (
    let py = Math.max(0, Math.floor(y - radius));
    py <= Math.min(size - 1, Math.ceil(y + radius));
    py++
  )
    for (
      let px = Math.max(0, Math.floor(x - radius));
      px <= Math.min(size - 1, Math.ceil(x + radius));
      px++
    ) {
      const d = Math.hypot(px + 0.5 - x, py + 0.5 - y);
      const v = Math.min(1, Math.max(0, radius - d + 0.5));
      const at = py * size + px;
      values[at] = Math.max(values[at] ?? 0, v);
    }
}

/** Paints the segment from one pointer position to the next, so fast strokes have no gaps. */
export function paintLine(
  ink: Ink,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  radius: number,
): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / (radius / 2)));
  for (let i = 0; i <= steps; i++)
    paintDisc(ink, x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps, radius);
}

/**
 * What the network receives: the ink averaged down to `height × width` (area averaging, like a
 * resize with antialiasing), white ink on black as in MNIST, 0–255, repeated over `channels`.
 */
export function inkToPixels(
  ink: Ink,
  [height, width, channels]: readonly [number, number, number],
): number[] {
  const out = new Array<number>(height * width * channels).fill(0);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const y0 = Math.floor((y * ink.size) / height);
      const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * ink.size) / height));
      const x0 = Math.floor((x * ink.size) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * ink.size) / width));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++)
        for (let xx = x0; xx < x1; xx++) sum += ink.values[yy * ink.size + xx] ?? 0;
      const v = Math.round((255 * sum) / ((y1 - y0) * (x1 - x0)));
      for (let c = 0; c < channels; c++) out[(y * width + x) * channels + c] = v;
    }
  return out;
}

/** Ink from an image's RGBA pixels (a dropped file drawn on a square canvas): dark strokes on light paper become ink. */
export function inkFromRgba(rgba: Uint8ClampedArray, size: number): Ink {
  const ink = emptyInk(size);
  let mean = 0;
  for (let i = 0; i < size * size; i++)
    mean += ((rgba[i * 4] ?? 0) + (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 3;
  // Photos of digits are usually dark on light; MNIST is light on dark: invert when the page is light.
  const invert = mean / (size * size) > 127;
  for (let i = 0; i < size * size; i++) {
    const g = ((rgba[i * 4] ?? 0) + (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 3 / 255;
    ink.values[i] = invert ? 1 - g : g;
  }
  return ink;
}
