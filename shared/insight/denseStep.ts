import { applyActivation } from './activationFunction';
import type { LayerArithmetic } from './layerArithmetic';

/** One input's part in a Dense unit: its value, its weight and their product. */
export interface DenseTerm {
  readonly index: number;
  readonly input: number;
  readonly weight: number;
  readonly product: number;
}

/** The arithmetic behind one Dense unit, with the inputs that contribute most. */
export interface DenseStep {
  readonly kind: 'dense';
  readonly unit: number;
  /** The `top` largest products by size, largest first. */
  readonly top: readonly DenseTerm[];
  /** Σ of the products not in `top`. */
  readonly rest: number;
  readonly inputs: number;
  readonly sum: number;
  readonly bias: number;
  readonly z: number;
  readonly activation: string;
  readonly value: number;
  readonly modelValue: number;
}

/** Every unit's z = Σ input·weight + bias, for softmax and for the unit itself. */
export function densePreActivations(a: LayerArithmetic): number[] {
  const [n = 0, units = 0] = a.kernel?.shape ?? [];
  const w = a.kernel?.values ?? [];
  const z = a.bias ? [...a.bias] : new Array<number>(units).fill(0);
  for (let i = 0; i < n; i++) {
    const x = a.input.values[i] ?? 0;
    if (x === 0) continue;
    for (let u = 0; u < units; u++) z[u] = (z[u] ?? 0) + x * (w[i * units + u] ?? 0);
  }
  return z;
}

/** Unit `unit` of a Dense layer: its `top` largest contributions, the sum plus bias, the activation. */
export function denseStep(
  a: LayerArithmetic,
  unit: number,
  top = 10,
  allZ: readonly number[] | null = null,
): DenseStep {
  if (a.kerasClass !== 'Dense' || !a.kernel)
    throw new Error(`'${a.layer}' is not a Dense layer with its weights.`);
  const [n = 0, units = 0] = a.kernel.shape;
  if (unit < 0 || unit >= units)
    throw new RangeError(`Unit ${unit + 1} is outside the ${units} units.`);
  if (a.input.values.length !== n)
    throw new Error(`Expected ${n} inputs, got ${a.input.values.length}.`);
  const terms: DenseTerm[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const input = a.input.values[i] ?? 0;
    const weight = a.kernel.values[i * units + unit] ?? 0;
    const product = input * weight;
    sum += product;
    terms.push({ index: i, input, weight, product });
  }
  terms.sort((p, q) => Math.abs(q.product) - Math.abs(p.product));
  const shown = terms.slice(0, top);
  const bias = a.bias?.[unit] ?? 0;
  const z = sum + bias;
  const zs = a.activation === 'softmax' ? (allZ ?? densePreActivations(a)) : [z];
  return {
    kind: 'dense',
    unit,
    top: shown,
    rest: sum - shown.reduce((s, t) => s + t.product, 0),
    inputs: n,
    sum,
    bias,
    z,
    activation: a.activation,
    value: applyActivation(a.activation, zs, a.activation === 'softmax' ? unit : 0),
    modelValue: a.output.values[unit] ?? NaN,
  };
}
