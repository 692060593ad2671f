import type { Shape } from '../graph/types';
import { formatCount, formatDims } from '../layers/shapeUtils';

/**
 * One line of arithmetic a learner can check by hand: `floor((28 − 3 + 0) / 1) + 1 = 26`.
 * `expression` uses only numbers, `+ − × /`, parentheses, `floor`/`ceil` and words naming
 * what a number is (`weights`, `biases`), so it reads as written on paper.
 */
export interface ArithmeticStep {
  /** What the step computes: `height`, `width`, `channels`, `weights`, `total`... */
  readonly what: string;
  readonly expression: string;
  readonly result: number;
  /** `expression = result`, the result written with thousands separators. */
  readonly text: string;
  /** Why the formula looks the way it does (`'same' padding`, `strides default to pool_size`). */
  readonly note?: string;
}

/** Builds a step, writing its plain-text form once. */
export function step(
  what: string,
  expression: string,
  result: number,
  note?: string,
): ArithmeticStep {
  const text =
    expression === String(result) ? String(result) : `${expression} = ${formatCount(result)}`;
  return note === undefined
    ? { what, expression, result, text }
    : { what, expression, result, text, note };
}

/** `3 × 3 × 1`: factors joined the way the explanations write products. */
export const times = (...factors: readonly number[]): string => factors.join(' × ');

/** Size `i` of a shape (negative counts from the end), 0 when unknown. */
export const dim = (s: Shape | undefined, i: number): number => (s ? (s.at(i) ?? 0) : 0);

/** A layer that keeps its input's shape; the expression is the shape itself, read as a product. */
export function unchangedShape(out: Shape, note: string): ArithmeticStep {
  const dims = out.slice(1).map((v) => v ?? 0);
  return {
    what: 'shape',
    expression: times(...dims),
    result: dims.reduce((a, b) => a * b, 1),
    text: `${formatDims(out)} (unchanged)`,
    note,
  };
}

/** The parameter steps of a layer without weights. */
export const noWeights = (): ArithmeticStep[] => [
  step('parameters', '0', 0, 'no weights to learn'),
];
