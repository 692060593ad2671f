// Adam whose per-variable update is one pass over the weights where the backend allows it (wasm).
import * as tf from '@tensorflow/tfjs';
import type { NamedTensor, NamedVariableMap } from '@tensorflow/tfjs-core/dist/tensor_types';
import { adamUpdate } from './wasmKernels/adamUpdate';
import type { AdamUpdateAttrs } from './wasmKernels/adamUpdate';
import type { WasmBackend } from './wasmKernels/wasmKernelUtils';

interface Moment {
  originalName: string;
  variable: tf.Variable;
}

/** AdamOptimizer's private state (tfjs 4.22), which the fused update must keep in step. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Moment[];
  accumulatedSecondMoment: Moment[];
}

/** The wasm backend, whose tensors live in one heap the update can write into; else null. */
function wasmBackend(): WasmBackend | null {
  return tf.getBackend() === 'wasm' ? (tf.backend() as unknown as WasmBackend) : null;
}

/**
 * tfjs's Adam (same results up to float32 rounding), but on wasm each variable is updated by one
 * pass that writes the moments in place and the weights to one new buffer. Elsewhere it is
 * tfjs's own. Still an `AdamOptimizer`, so it compiles, saves and restores like one.
 */
export class FastAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: NamedVariableMap | NamedTensor[]): void {
    const backend = wasmBackend();
    if (!backend) {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    tf.tidy(() => {
      const oneMinusAccBeta1 = tf.sub(1, state.accBeta1).dataSync()[0] ?? 0;
      const oneMinusAccBeta2 = tf.sub(1, state.accBeta2).dataSync()[0] ?? 0;
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        if (!value) return;
        const zeros = () => tf.tidy(() => tf.zerosLike(value).variable(false));
        state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: zeros() };
        state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: zeros() };
        const gradient = Array.isArray(variableGradients)
          ? variableGradients[i]?.tensor
          : variableGradients[name];
        if (!gradient) return;
        const m = state.accumulatedFirstMoment[i].variable;
        const v = state.accumulatedSecondMoment[i].variable;
        if (value.dtype !== 'float32' || gradient.dtype !== 'float32')
          throw new Error('Adam needs float32 variables');
        const attrs: AdamUpdateAttrs = {
          beta1: this.beta1,
          beta2: this.beta2,
          oneMinusAccBeta1,
          oneMinusAccBeta2,
          epsilon: this.epsilon,
          learningRate: this.learningRate,
        };
        // The moments are written in place: a moment sharing its memory with another tensor
        // (never so far; a clone would) gets memory of its own first. The copy's temporary
        // tensor still shares it until this tidy ends, but nothing reads that one.
        for (const x of [m, v]) if (backend.refCount(x.dataId) > 1) x.assign(tf.mul(x, 1));
        const next = adamUpdate(backend, { value, gradient, m, v }, attrs);
        value.assign(tf.engine().makeTensorFromTensorInfo(next));
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, this.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
}

/** `tf.train.adam` with the one-pass update on wasm (same defaults as tfjs). */
export function fastAdam(
  learningRate = 0.001,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon?: number,
): FastAdamOptimizer {
  return new FastAdamOptimizer(learningRate, beta1, beta2, epsilon);
}
