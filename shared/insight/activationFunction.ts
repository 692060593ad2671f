/**
 * Keras's activation functions, applied to one entry of a vector of pre-activations. Softmax
 * needs the whole vector (a Dense layer's units, or a Conv2D cell's filters); the others read
 * only their own entry.
 */

const unary: Readonly<Record<string, (z: number) => number>> = {
  linear: (z) => z,
  relu: (z) => Math.max(0, z),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  elu: (z) => (z > 0 ? z : Math.exp(z) - 1),
  // Keras's constants (Klambauer et al., 2017).
  selu: (z) => 1.0507009873554805 * (z > 0 ? z : 1.6732632423543772 * (Math.exp(z) - 1)),
  softplus: (z) => Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0),
};

/** How the step view writes each function, with the learner's number filled in for `z`. */
export const ACTIVATION_FORMULAS: Readonly<Record<string, string>> = {
  linear: 'z',
  relu: 'max(0, z)',
  sigmoid: '1 / (1 + e^−z)',
  tanh: 'tanh(z)',
  elu: 'z if z > 0, else e^z − 1',
  selu: '1.0507 · (z if z > 0, else 1.6733 · (e^z − 1))',
  softplus: 'ln(1 + e^z)',
  softmax: 'e^z / Σ e^z over all units',
};

/** Whether Insight can redo `name` (Keras activations outside the catalogue are not offered). */
export const knownActivation = (name: string): boolean => name === 'softmax' || name in unary;

/** `activation(z)[index]` for the vector of pre-activations `z`. */
export function applyActivation(name: string, z: readonly number[], index: number): number {
  const own = z[index];
  if (own === undefined) throw new RangeError(`No pre-activation ${index} among ${z.length}.`);
  if (name === 'softmax') {
    const top = Math.max(...z);
    let total = 0;
    for (const v of z) total += Math.exp(v - top);
    return Math.exp(own - top) / total;
  }
  const f = unary[name];
  if (!f) throw new Error(`Insight cannot redo the activation '${name}'.`);
  return f(own);
}
