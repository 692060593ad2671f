// TensorBoard's scalar smoothing, so the noisy per-batch curve can be read as a trend.

/** Smoothing a chart starts with (TensorBoard's default). */
export const DEFAULT_SMOOTHING = 0.6;

/**
 * An exponential moving average with TensorBoard's debiasing: with weight w, each value is
 * `last = last·w + (1 − w)·y`, divided by `1 − w^n` so the curve starts at the first value
 * instead of rising from zero. Weight 0 returns the values as they are. A missing or non-finite
 * value stays missing and does not disturb the average.
 */
export function smooth(values: readonly (number | null)[], weight: number): (number | null)[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  if (w === 0) return [...values];
  let last = 0;
  let n = 0;
  return values.map((y) => {
    if (y === null || !Number.isFinite(y)) return null;
    last = last * w + (1 - w) * y;
    n++;
    return last / (1 - w ** n);
  });
}
