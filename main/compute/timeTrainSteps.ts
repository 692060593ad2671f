// Times training steps of a network on the current backend, the way the training loop will run
// them (NetCanvas's own step on WebGPU where it takes the network, tfjs's trainOnBatch elsewhere),
// on random data of the run's shapes, until a deadline.
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../shared/training/settings';
import type { StepTiming } from './chooseBackend';
import { WebgpuTrainStep } from './webgpuTrainStep';

/** Timed steps at most: enough for a steady number, few enough to stay cheap. */
const MAX_STEPS = 16;

export interface TimeStepsInput {
  /** Builds and compiles the network on the current backend (a fresh copy: it is disposed). */
  readonly build: () => Promise<tf.LayersModel>;
  /** One sample's shape, without the batch dimension. */
  readonly inputShape: readonly number[];
  readonly batchSize: number;
  readonly loss: LossName;
}

/** Random targets of the model's output shape, as the training loop feeds them for `loss`. */
function randomTargets(model: tf.LayersModel, loss: LossName, batch: number): tf.Tensor {
  const shape = model.outputs[0]?.shape ?? [null, 1];
  const classes = shape[shape.length - 1] ?? 1;
  return tf.tidy(() => {
    const labels = tf.randomUniform([batch], 0, classes, 'int32', 7);
    if (loss === 'sparse_categorical_crossentropy') return labels.toFloat().reshape([batch, 1]);
    if (loss === 'categorical_crossentropy') return tf.oneHot(labels, classes).toFloat();
    return tf.randomUniform([batch, ...shape.slice(1).map((d) => d ?? 1)], 0, 1, 'float32', 7);
  });
}

/**
 * Trains `input`'s network on the current backend: one untimed step (kernels compile), then timed
 * steps in growing groups while the next group is expected to end before `deadline` (at least one
 * when any time is left). Returns samples per second; `steps` 0 when only the first step fitted,
 * whose time (compilation included) then gives a lower bound.
 *
 * @example
 * await tf.setBackend('wasm');
 * const { samplesPerSecond } = await timeTrainSteps({ build, inputShape: [28, 28, 1], batchSize: 64, loss }, performance.now() + 500);
 */
export async function timeTrainSteps(
  input: TimeStepsInput,
  deadline: number,
  now: () => number = () => performance.now(),
): Promise<StepTiming> {
  const { batchSize: batch, loss } = input;
  const model = await input.build();
  const xs = tf.randomUniform([batch, ...input.inputShape], 0, 1, 'float32', 5);
  const ys = randomTargets(model, loss, batch);
  const created =
    tf.getBackend() === 'webgpu' &&
    (loss === 'categorical_crossentropy' || loss === 'sparse_categorical_crossentropy')
      ? WebgpuTrainStep.create(model, loss)
      : null;
  const step = created && typeof created !== 'string' ? created : null;
  /** Trains `n` steps and waits until the backend has finished them. */
  const run = async (n: number): Promise<void> => {
    if (step) {
      for (let i = 0; i < n; i++) step.run(xs, ys);
      await step.settle(0);
    } else {
      for (let i = 0; i < n; i++) await model.trainOnBatch(xs, ys);
    }
  };
  try {
    const t0 = now();
    await run(1);
    const first = now() - t0;
    let steps = 0;
    let ms = 0;
    for (let n = 1; steps < MAX_STEPS; n = Math.min(2 * n, MAX_STEPS - steps)) {
      const expected = steps === 0 ? 0 : (ms / steps) * n;
      if (now() + expected >= deadline) break;
      const t = now();
      await run(n);
      ms += now() - t;
      steps += n;
    }
    const perStep = steps > 0 ? ms / steps : first;
    return { samplesPerSecond: (batch * 1000) / Math.max(perStep, 1e-3), steps };
  } finally {
    step?.dispose();
    tf.dispose([xs, ys]);
    // The optimizer was made for this copy (Adam's moments); model.dispose leaves one it did not make.
    model.optimizer?.dispose();
    model.dispose();
  }
}
