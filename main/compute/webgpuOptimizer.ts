// The optimizer step on WebGPU as one program per variable that reads the gradient and updates
// the weight and its optimizer state in place: tfjs's optimizers record 5-12 kernels per
// variable (each a dispatch with its own uniforms, bind group and new output buffer) and swap
// the variable's buffer every step. The arithmetic is tfjs's, in tfjs's order, in float32.
import * as tf from '@tensorflow/tfjs';
import { dispatch, markWritten, tensorBuffer, workgroupsFor } from './webgpuDispatch';
import type { WebgpuBackendInternals } from './webgpuDispatch';

/** An optimizer the fused update implements, with tfjs's hyperparameters (float32 as tfjs uses them). */
export type FusedOptimizerSpec =
  | { readonly kind: 'sgd'; readonly lr: number }
  | {
      readonly kind: 'momentum';
      readonly lr: number;
      readonly momentum: number;
      readonly nesterov: boolean;
    }
  | {
      readonly kind: 'adam';
      readonly lr: number;
      readonly beta1: number;
      readonly beta2: number;
      readonly epsilon: number;
    }
  | {
      readonly kind: 'rmsprop';
      readonly lr: number;
      readonly decay: number;
      readonly momentum: number;
      readonly epsilon: number;
    }
  | {
      readonly kind: 'adagrad';
      readonly lr: number;
      readonly initial: number;
      readonly epsilon: number;
    };

/**
 * What the fused update does for `optimizer`, or why it cannot (then the step falls back to
 * tfjs's own `applyGradients`).
 */
export function fusedOptimizerSpec(optimizer: tf.Optimizer): FusedOptimizerSpec | string {
  const spec = specOf(optimizer);
  if (
    typeof spec !== 'string' &&
    Object.values(spec).some((v) => typeof v === 'number' && !Number.isFinite(v))
  ) {
    return `${optimizer.getClassName()} has settings the fused update does not know`;
  }
  return spec;
}

function specOf(optimizer: tf.Optimizer): FusedOptimizerSpec | string {
  const o = optimizer as unknown as Record<string, number | boolean>;
  const num = (k: string) => Number(o[k]);
  // By class name: tfjs's optimizers answer `instanceof` for any optimizer (Symbol.hasInstance).
  switch (optimizer.getClassName()) {
    case 'Adam':
      return {
        kind: 'adam',
        lr: num('learningRate'),
        beta1: num('beta1'),
        beta2: num('beta2'),
        epsilon: num('epsilon'),
      };
    case 'Momentum':
      return {
        kind: 'momentum',
        lr: num('learningRate'),
        momentum: num('momentum'),
        nesterov: o['useNesterov'] === true,
      };
    case 'SGD':
      return { kind: 'sgd', lr: num('learningRate') };
    case 'RMSProp':
      if (o['centered'] === true) return 'centered RMSprop has no fused update';
      return {
        kind: 'rmsprop',
        lr: num('learningRate'),
        decay: num('decay'),
        momentum: num('momentum'),
        epsilon: num('epsilon'),
      };
    case 'Adagrad':
      return {
        kind: 'adagrad',
        lr: num('learningRate'),
        initial: num('initialAccumulatorValue'),
        epsilon: tf.backend().epsilon(),
      };
    default:
      return `${optimizer.getClassName()} has no fused update`;
  }
}

const STATES: Record<FusedOptimizerSpec['kind'], number> = {
  sgd: 0,
  momentum: 1,
  adagrad: 1,
  rmsprop: 2,
  adam: 2,
};

const HEADER = (states: number) => `
struct P { n: u32, a: f32, b: f32, c: f32, d: f32, e: f32, f: f32, x: f32, y: f32 }
@group(0) @binding(0) var<storage, read_write> w: array<f32>;
@group(0) @binding(1) var<storage, read> g: array<f32>;
${states > 0 ? '@group(0) @binding(2) var<storage, read_write> s1: array<f32>;' : ''}
${states > 1 ? '@group(0) @binding(3) var<storage, read_write> s2: array<f32>;' : ''}
@group(0) @binding(${2 + states}) var<uniform> p: P;
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  for (var i = gid.x; i < p.n; i = i + nwg.x * 256u) {
    let gi = g[i];`;

// Each body is the tfjs optimizer's expression tree (see tfjs-core/src/optimizers), uniforms
// a..y as listed in `uniformValues`.
const BODY: Record<FusedOptimizerSpec['kind'], string> = {
  // w + (-lr) * g
  sgd: `w[i] = w[i] + p.a * gi;`,
  // acc' = acc * m + g; w' = (-lr) * acc' + w (Nesterov: (-lr) * (g + acc' * m) + w)
  momentum: `let acc = s1[i] * p.b + gi; s1[i] = acc;
    if (p.c > 0.5) { w[i] = p.a * (gi + acc * p.b) + w[i]; } else { w[i] = p.a * acc + w[i]; }`,
  // m' = m*b1 + g*(1-b1); v' = v*b2 + g^2*(1-b2); w' = (m'/(1-b1^t)) / (sqrt(v'/(1-b2^t)) + eps) * (-lr) + w
  adam: `let m = s1[i] * p.b + gi * p.c; let v = s2[i] * p.d + (gi * gi) * p.e;
    s1[i] = m; s2[i] = v;
    w[i] = ((m / p.f) / (sqrt(v / p.x) + p.y)) * p.a + w[i];`,
  // ms' = ms*decay + g^2*(1-decay); mom' = mom*momentum + (g*lr)/sqrt(ms'+eps); w' = w - mom'
  rmsprop: `let ms = s1[i] * p.b + (gi * gi) * p.c; let mom = s2[i] * p.d + (gi * p.a) / sqrt(ms + p.e);
    s1[i] = ms; s2[i] = mom; w[i] = w[i] - mom;`,
  // acc' = acc + g^2; w' = (g / sqrt(acc' + eps)) * (-lr) + w
  adagrad: `let acc = s1[i] + gi * gi; s1[i] = acc; w[i] = (gi / sqrt(acc + p.b)) * p.a + w[i];`,
};

function shader(kind: FusedOptimizerSpec['kind']): string {
  return `${HEADER(STATES[kind])}
    ${BODY[kind]}
  }
}`;
}

/** The optimizer state of one variable (GPU buffers owned by the step), in tfjs's layout. */
export interface VariableState {
  readonly buffers: GPUBuffer[];
}

/** Zeroed (Adagrad: `initial`-filled) state buffers for a variable of `size` elements. */
export function createState(
  backend: WebgpuBackendInternals,
  spec: FusedOptimizerSpec,
  size: number,
): VariableState {
  const buffers = Array.from({ length: STATES[spec.kind] }, () =>
    backend.device.createBuffer({
      size: Math.max(4, size * 4),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    }),
  );
  if (spec.kind === 'adagrad')
    backend.queue.writeBuffer(
      buffers[0] as GPUBuffer,
      0,
      new Float32Array(size).fill(spec.initial),
    );
  return { buffers };
}

/** Step-dependent values: Adam's `1 - beta^t` as tfjs computes them (float32 powers, updated after each step). */
export class OptimizerClock {
  private accBeta1: number;
  private accBeta2: number;
  constructor(private readonly spec: FusedOptimizerSpec) {
    this.accBeta1 = spec.kind === 'adam' ? Math.fround(spec.beta1) : 1;
    this.accBeta2 = spec.kind === 'adam' ? Math.fround(spec.beta2) : 1;
  }

  /** The uniforms of this step's program, P.a..P.y. */
  uniformValues(): number[] {
    const s = this.spec;
    const f = Math.fround;
    switch (s.kind) {
      case 'sgd':
        return [-s.lr, 0, 0, 0, 0, 0, 0, 0];
      case 'momentum':
        return [-s.lr, s.momentum, s.nesterov ? 1 : 0, 0, 0, 0, 0, 0];
      case 'adam':
        return [
          -s.lr,
          s.beta1,
          f(1 - s.beta1),
          s.beta2,
          f(1 - s.beta2),
          f(1 - this.accBeta1),
          f(1 - this.accBeta2),
          s.epsilon,
        ];
      case 'rmsprop':
        return [s.lr, s.decay, f(1 - s.decay), s.momentum, s.epsilon, 0, 0, 0];
      case 'adagrad':
        return [-s.lr, s.epsilon, 0, 0, 0, 0, 0, 0];
    }
  }

  /** After every variable of a step is updated (tfjs: accBeta.assign(accBeta * beta)). */
  tick(): void {
    if (this.spec.kind !== 'adam') return;
    this.accBeta1 = Math.fround(this.accBeta1 * Math.fround(this.spec.beta1));
    this.accBeta2 = Math.fround(this.accBeta2 * Math.fround(this.spec.beta2));
  }
}

/**
 * Records the update of `variable` by `gradient` into tfjs's command stream. The weight keeps its
 * buffer; one whose buffer is shared with another tensor (a clone kept as the best epoch's
 * weights, say) gets a buffer of its own first, so that the other tensor keeps its values.
 */
export function updateVariable(
  backend: WebgpuBackendInternals,
  spec: FusedOptimizerSpec,
  uniforms: readonly number[],
  variable: tf.Variable,
  gradient: tf.Tensor,
  state: VariableState,
): void {
  if (variable.dtype !== 'float32' || gradient.dtype !== 'float32')
    throw new Error('The fused optimizer step needs float32 weights');
  if (backend.refCount(variable.dataId) > 1) tf.tidy(() => variable.assign(tf.add(variable, 0)));
  const n = variable.size;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, x = 0, y = 0] = uniforms;
  const params = backend.makeUniforms([
    { type: 'uint32', data: [n] },
    { type: 'float32', data: [a] },
    { type: 'float32', data: [b] },
    { type: 'float32', data: [c] },
    { type: 'float32', data: [d] },
    { type: 'float32', data: [e] },
    { type: 'float32', data: [f] },
    { type: 'float32', data: [x] },
    { type: 'float32', data: [y] },
  ]);
  dispatch(
    backend,
    shader(spec.kind),
    [tensorBuffer(backend, variable), tensorBuffer(backend, gradient), ...state.buffers, params],
    workgroupsFor(n, 256),
  );
  markWritten(backend, variable);
}
