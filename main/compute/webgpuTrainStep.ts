// NetCanvas's training step on WebGPU: what `trainOnBatch` computes, without its host overhead.
// The forward and backward passes are tfjs's kernels; the loss head (softmax, cross-entropy, its
// gradient and accuracy) is one program; the optimizer is one in-place program per variable;
// the batch's loss and accuracy stay on the GPU in a ring and are read back every few batches
// without blocking the next step (bench/README.md, "WebGPU step", has the profile behind this).
import * as tf from '@tensorflow/tfjs';
import { emptyTensor, webgpuInternals } from './webgpuDispatch';
import { withFastDispatch } from './fastDispatch';
import type { WebgpuBackendInternals } from './webgpuDispatch';
import { useIm2colConvGrad } from './im2colConvGrad';
import { gpuDropout } from './webgpuDropout';
import { recordLossHead } from './webgpuLossHead';
import { OptimizerClock, createState, fusedOptimizerSpec, updateVariable } from './webgpuOptimizer';
import type { FusedOptimizerSpec, VariableState } from './webgpuOptimizer';
import { errorMessage } from '../../shared/errors/errorMessage';

/** One batch's results, as `trainOnBatch` would have returned them. */
export interface BatchMetrics {
  readonly loss: number;
  readonly accuracy: number;
  /** Samples in the batch. */
  readonly size: number;
}

/** A training step whose batch metrics arrive later (what the training loop needs of one). */
export interface BatchStep {
  /** Trains on one batch; its metrics arrive later. */
  run(xs: tf.Tensor, ys: tf.Tensor): void;
  /** Batches trained whose metrics have not been taken yet. */
  readonly outstanding: number;
  /** The metrics that have arrived since the last call, oldest first. */
  arrived(): BatchMetrics[];
  /** Waits until at most `limit` batches are outstanding, then {@link arrived}. */
  settle(limit?: number): Promise<BatchMetrics[]>;
}

export interface WebgpuTrainStepOptions {
  /** Start a readback of the metrics after this many batches (default 16). */
  readonly readEvery?: number;
}

/** Batches whose metrics the ring holds; more may not be outstanding at once. */
const RING = 1024;

interface ActivationLike {
  getClassName(): string;
}

interface LayerWithActivation {
  activation?: ActivationLike;
  kernelRegularizer?: unknown;
  biasRegularizer?: unknown;
  activityRegularizer?: unknown;
}

let linear: ActivationLike | undefined;

/** tfjs-layers' linear activation object (the identity), to stand in for a softmax. */
function linearActivation(): ActivationLike {
  linear ??= (
    tf.layers.activation({ activation: 'linear' }) as unknown as { activation: ActivationLike }
  ).activation;
  return linear;
}

interface DropoutLike {
  readonly rate: number;
  readonly noiseShape?: unknown;
  readonly seed?: number;
  getClassName(): string;
}

/** Dropout layers whose mask can be drawn on the GPU (those without a noise shape). */
function gpuDropoutLayers(model: tf.LayersModel): DropoutLike[] {
  const layers = model.layers as unknown as DropoutLike[];
  return layers.filter((l) => l.getClassName() === 'Dropout' && l.noiseShape == null);
}

interface Read {
  readonly from: number;
  readonly done: Promise<void>;
}

/**
 * A compiled model's training step on the current WebGPU backend. `create` says why not when the
 * model or its settings need tfjs's general path (then train with `trainOnBatch`).
 *
 * @example
 * const step = WebgpuTrainStep.create(model, 'categorical_crossentropy');
 * if (typeof step !== 'string') { step.run(xs, ys); for (const m of step.arrived()) ... }
 */
export class WebgpuTrainStep implements BatchStep {
  private readonly states: VariableState[];
  private readonly clock: OptimizerClock;
  private readonly metrics: GPUBuffer;
  private readonly sizes = new Array<number>(RING).fill(0);
  private readonly values = new Float32Array(2 * RING);
  private readonly reads: Read[] = [];
  private issued = 0;
  private requested = 0;
  private delivered = 0;
  private landed = 0;
  private failure: Error | null = null;
  private readonly dropouts: DropoutLike[];
  private readonly seed = Math.floor(Math.random() * 2 ** 31);

  private constructor(
    private readonly backend: WebgpuBackendInternals,
    private readonly model: tf.LayersModel,
    private readonly head: LayerWithActivation,
    private readonly variables: tf.Variable[],
    private readonly spec: FusedOptimizerSpec,
    private readonly sparse: boolean,
    private readonly readEvery: number,
  ) {
    this.states = variables.map((v) => createState(backend, spec, v.size));
    this.dropouts = gpuDropoutLayers(model);
    this.clock = new OptimizerClock(spec);
    this.metrics = backend.device.createBuffer({
      size: 8 * RING,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
  }

  /** The step for `model` (compiled, current backend WebGPU), or the reason it cannot be used. */
  static create(
    model: tf.LayersModel,
    loss: 'categorical_crossentropy' | 'sparse_categorical_crossentropy',
    options: WebgpuTrainStepOptions = {},
  ): WebgpuTrainStep | string {
    const backend = webgpuInternals();
    if (!backend) return 'the current backend is not WebGPU';
    if (model.outputs.length !== 1 || model.inputs.length !== 1)
      return 'the network has more than one input or output';
    const output = model.outputs[0];
    const head = output?.sourceLayer as unknown as LayerWithActivation | undefined;
    if (!output || output.shape.length !== 2 || head?.activation?.getClassName() !== 'softmax')
      return 'the output is not a softmax over classes';
    const layers = model.layers as unknown as LayerWithActivation[];
    if (layers.some((l) => l.kernelRegularizer || l.biasRegularizer || l.activityRegularizer))
      return 'a layer has a regularizer';
    const spec = fusedOptimizerSpec(model.optimizer);
    if (typeof spec === 'string') return spec;
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    return new WebgpuTrainStep(
      backend,
      model,
      head,
      variables,
      spec,
      loss === 'sparse_categorical_crossentropy',
      options.readEvery ?? 16,
    );
  }

  /**
   * The gradients of the batch's mean loss for every trainable weight (in `model.trainableWeights`
   * order), recording the batch's loss and accuracy at ring slot `slot`.
   */
  gradients(xs: tf.Tensor, ys: tf.Tensor, slot = 0): tf.Tensor[] {
    const rows = xs.shape[0] ?? 0;
    const classes = this.model.outputs[0]?.shape[1] ?? 0;
    const dlogits = emptyTensor(this.backend, [rows, classes]);
    try {
      const { value, grads } = tf.engine().gradients(
        () => {
          const softmax = this.head.activation;
          this.head.activation = linearActivation();
          // Own `call`s shadow the Dropout prototype's for this pass: a mask drawn on the GPU.
          this.dropouts.forEach((layer, i) => {
            const seed = (this.seed + 7919 * this.issued + 104_729 * i) >>> 0;
            (layer as unknown as Record<string, unknown>)['call'] = (
              inputs: tf.Tensor | tf.Tensor[],
              kwargs: { training?: boolean },
            ) => {
              const x = Array.isArray(inputs) ? inputs[0] : inputs;
              if (!x) throw new Error('Dropout got no input');
              return kwargs.training && layer.rate > 0 && layer.rate < 1
                ? gpuDropout(this.backend, x, layer.rate, seed)
                : x;
            };
          });
          let logits: tf.Tensor;
          // Conv2D's gradients as matmuls (im2colConvGrad.ts): tfjs's backprop kernels are slow here.
          const restoreConvGrad = useIm2colConvGrad();
          try {
            logits = this.model.apply(xs, { training: true }) as tf.Tensor;
          } finally {
            restoreConvGrad();
            this.head.activation = softmax;
            for (const layer of this.dropouts)
              delete (layer as unknown as Record<string, unknown>)['call'];
          }
          recordLossHead(this.backend, logits, ys, dlogits, this.metrics, slot, this.sparse);
          return logits;
        },
        this.variables,
        dlogits,
        true,
      );
      value.dispose();
      return grads;
    } finally {
      dlogits.dispose();
    }
  }

  /** Trains on one batch. Its metrics arrive later, through {@link arrived}. */
  run(xs: tf.Tensor, ys: tf.Tensor): void {
    if (this.failure) throw this.failure;
    if (this.issued - this.delivered >= RING)
      throw new Error('Too many batches without reading their metrics back');
    const slot = this.issued % RING;
    withFastDispatch(this.backend, () =>
      tf.tidy(() => {
        const grads = this.gradients(xs, ys, slot);
        const uniforms = this.clock.uniformValues();
        this.variables.forEach((v, i) => {
          const g = grads[i];
          const state = this.states[i];
          if (g && state) updateVariable(this.backend, this.spec, uniforms, v, g, state);
        });
      }),
    );
    this.clock.tick();
    (this.model.optimizer as unknown as { iterations_: number }).iterations_++;
    this.sizes[slot] = xs.shape[0] ?? 0;
    this.issued++;
    if (this.issued - this.requested >= this.readEvery) this.requestRead();
  }

  /** Batches trained whose metrics have not been taken yet. */
  get outstanding(): number {
    return this.issued - this.delivered;
  }

  /** The metrics of the batches read back since the last call, oldest first. */
  arrived(): BatchMetrics[] {
    if (this.failure) throw this.failure;
    const out: BatchMetrics[] = [];
    for (; this.delivered < this.landed; this.delivered++) {
      const slot = this.delivered % RING;
      out.push({
        loss: this.values[2 * slot] ?? NaN,
        accuracy: this.values[2 * slot + 1] ?? NaN,
        size: this.sizes[slot] ?? 0,
      });
    }
    return out;
  }

  /** Waits until at most `limit` batches are outstanding (0: all metrics back), then {@link arrived}. */
  async settle(limit = 0): Promise<BatchMetrics[]> {
    if (this.issued - this.landed > limit && this.requested < this.issued) this.requestRead();
    while (this.issued - this.landed > limit && this.reads.length > 0) await this.reads[0]?.done;
    return this.arrived();
  }

  /** Copies the metrics of the batches not yet asked for to a buffer that maps when the GPU is there. */
  private requestRead(): void {
    const from = this.requested;
    const to = this.issued;
    if (to <= from) return;
    this.requested = to;
    const staging = this.backend.device.createBuffer({
      size: 8 * (to - from),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const backend = this.backend;
    backend.ensureCommandEncoderReady();
    backend.endComputePassEncoder();
    const encoder = backend.commandEncoder;
    if (!encoder) throw new Error('tfjs-backend-webgpu has no command encoder');
    const start = from % RING;
    const first = Math.min(to - from, RING - start);
    encoder.copyBufferToBuffer(this.metrics, 8 * start, staging, 0, 8 * first);
    if (first < to - from)
      encoder.copyBufferToBuffer(this.metrics, 0, staging, 8 * first, 8 * (to - from - first));
    backend.submitQueue();
    const done = staging.mapAsync(GPUMapMode.READ).then(
      () => {
        const got = new Float32Array(staging.getMappedRange().slice(0));
        staging.unmap();
        staging.destroy();
        for (let i = 0; i < to - from; i++) {
          const slot = (from + i) % RING;
          this.values[2 * slot] = got[2 * i] ?? NaN;
          this.values[2 * slot + 1] = got[2 * i + 1] ?? NaN;
        }
        this.landed = to;
        this.reads.shift();
      },
      (e: unknown) => {
        this.failure = new Error(
          `Reading the training metrics back from the GPU failed: ${errorMessage(e)}`,
        );
        this.reads.shift();
      },
    );
    this.reads.push({ from, done });
  }

  /** Frees the optimizer state and the metrics ring (the model's weights stay). */
  dispose(): void {
    for (const s of this.states) for (const b of s.buffers) b.destroy();
    this.metrics.destroy();
  }
}
