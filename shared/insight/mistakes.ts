/**
 * The "Mistakes" view: the test images of one confusion-matrix cell (true class t, predicted p),
 * most confident first, each with a saliency map of where the network looked.
 */

/** One test image of the cell. */
export interface CellImage {
  /** Index in the data set's test split. */
  readonly index: number;
  /** height × width × channels, 0–255. */
  readonly pixels: readonly number[];
  /** The network's probability for the predicted class p. */
  readonly confidence: number;
  /**
   * height × width values in 0..1: how much each pixel moves p's score (|∂p/∂pixel|, the largest
   * over the channels), scaled by the image's own largest.
   */
  readonly saliency: readonly number[];
}

/** A cell's images, as many as asked for, out of `total`. */
export interface CellImages {
  readonly trueClass: number;
  readonly predictedClass: number;
  readonly total: number;
  readonly images: readonly CellImage[];
}

/**
 * The indices of the samples whose label is `trueClass` and whose prediction is `predictedClass`,
 * sorted by the probability of `predictedClass`, highest first (ties by index).
 * `probabilities` holds `classes` numbers per sample.
 */
export function rankCell(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classes: number,
  trueClass: number,
  predictedClass: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++)
    if (labels[i] === trueClass && predicted[i] === predictedClass) out.push(i);
  const p = (i: number) => probabilities[i * classes + predictedClass] ?? 0;
  return out.sort((a, b) => p(b) - p(a) || a - b);
}

/** Each value's magnitude scaled by the largest (all zeros stay zeros), per pixel the largest over `channels`. */
export function normaliseSaliency(gradient: ArrayLike<number>, channels: number): number[] {
  const n = Math.floor(gradient.length / channels);
  const out = new Array<number>(n).fill(0);
  let top = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let c = 0; c < channels; c++) m = Math.max(m, Math.abs(gradient[i * channels + c] ?? 0));
    out[i] = m;
    if (m > top) top = m;
  }
  // Three decimals are all a heat map can show, and they keep the reply small.
  return top > 0 ? out.map((v) => Math.round((1000 * v) / top) / 1000) : out;
}
