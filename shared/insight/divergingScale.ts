/**
 * The diverging colour scale Insight draws values with, as CNN Explainer does: negative blue,
 * zero neutral, positive red, symmetric around zero so that a colour means the same sign
 * everywhere. The end colours are ColorBrewer's RdBu, which stays readable for the common
 * forms of colour blindness; the legend always carries the numbers too.
 */

/** An sRGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** The colour of the most negative value. */
export const NEGATIVE_RGB: Rgb = [33, 102, 172];
/** The colour of zero. */
export const NEUTRAL_RGB: Rgb = [247, 247, 247];
/** The colour of the most positive value. */
export const POSITIVE_RGB: Rgb = [178, 24, 43];

/** The largest magnitude in `values` (0 for none): the scale runs from −limit to +limit. */
export function symmetricLimit(values: ArrayLike<number>): number {
  let limit = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] ?? 0);
    if (v > limit && Number.isFinite(v)) limit = v;
  }
  return limit;
}

/** The colour of `value` on a scale from −`limit` (blue) through 0 (neutral) to +`limit` (red). */
export function divergingRgb(value: number, limit: number): Rgb {
  const t = limit > 0 && Number.isFinite(value) ? Math.max(-1, Math.min(1, value / limit)) : 0;
  const end = t < 0 ? NEGATIVE_RGB : POSITIVE_RGB;
  const a = Math.abs(t);
  const mix = (k: 0 | 1 | 2) => Math.round(NEUTRAL_RGB[k] + (end[k] - NEUTRAL_RGB[k]) * a);
  return [mix(0), mix(1), mix(2)];
}

/** `rgb(r, g, b)` for CSS. */
export const cssRgb = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`;

/**
 * RGBA bytes (canvas `ImageData` order) for `count` values read by `at(i)`, each coloured on the
 * scale of ±`limit`.
 */
export function divergingRgba(
  count: number,
  at: (i: number) => number,
  limit: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const [r, g, b] = divergingRgb(at(i), limit);
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
  return out;
}
