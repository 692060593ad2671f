/**
 * Histograms drawn on one x range, so that "before" and "after" training compare at a glance
 * (a histogram's own range would stretch a narrow "before" to the same width as a wide "after").
 */

/** The parts of a histogram this needs: its range and its counts per equal-width bin. */
export interface HistogramLike {
  readonly min: number;
  readonly max: number;
  readonly bins: readonly number[];
}

/** One bar, as fractions (0–1) of the shared x range and of the tallest bar. */
export interface HistogramBar {
  readonly left: number;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  /** The values this bar counts: [from, to). */
  readonly from: number;
  readonly to: number;
}

/** The range that holds every histogram given: the smallest minimum to the largest maximum. */
export function sharedRange(histograms: readonly (HistogramLike | undefined)[]): {
  readonly min: number;
  readonly max: number;
} {
  const present = histograms.filter((h): h is HistogramLike => h !== undefined);
  if (present.length === 0) return { min: 0, max: 0 };
  return {
    min: Math.min(...present.map((h) => h.min)),
    max: Math.max(...present.map((h) => h.max)),
  };
}

/**
 * The bars of `histogram` placed on the range `min`..`max`. A histogram of a single value (all
 * weights equal, such as biases before training) is one thin bar at that value.
 */
export function barsOnRange(
  histogram: HistogramLike,
  range: { readonly min: number; readonly max: number },
  tallest = Math.max(1, ...histogram.bins),
): HistogramBar[] {
  const span = range.max - range.min;
  const n = histogram.bins.length;
  const binWidth = n > 0 ? (histogram.max - histogram.min) / n : 0;
  const at = (v: number) => (span > 0 ? (v - range.min) / span : 0.5);
  return histogram.bins.map((count, i) => {
    const from = histogram.min + i * binWidth;
    const to = binWidth > 0 ? from + binWidth : from;
    const left = at(from);
    // A bin of zero width still gets a visible sliver (1% of the axis).
    const width = span > 0 && binWidth > 0 ? binWidth / span : 0.01;
    return { left: Math.min(left, 1 - width), width, height: count / tallest, count, from, to };
  });
}
