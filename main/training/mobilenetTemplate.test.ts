// The MobileNet-style template trains on the wasm backend (the one most learners' machines use):
// its depthwise convolutions need the gradient kernels NetCanvas adds there.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { templateById } from '../../shared/templates/projectTemplates';
import { selectBackend } from '../compute/selectBackend';
import { buildModel } from './buildModel';

beforeAll(async () => {
  expect((await selectBackend('wasm')).name).toBe('wasm');
});

describe('MobileNet-style template', () => {
  it('builds with its 4,090 weights and learns: the loss falls on wasm', async () => {
    const t = templateById('mobilenet-mini');
    if (!t) throw new Error('template mobilenet-mini is missing');
    const model = await buildModel(toKerasTopology(t.project.graph), {
      ...t.project.training,
      learningRate: 0.01,
    });
    expect(model.countParams()).toBe(4090);
    // Ten "digits": class k is a bright horizontal band at row 2k + 4, plus noise.
    const labels = Array.from({ length: 20 }, (_, i) => i % 10);
    const xs = tf.tidy(() =>
      tf.stack(
        labels.map((l, i) =>
          tf.randomUniform([28, 28, 1], 0, 0.2, 'float32', i).add(
            tf
              .oneHot([2 * l + 4], 28)
              .reshape([28, 1, 1])
              .tile([1, 28, 1]),
          ),
        ),
      ),
    );
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
    const first = (await model.trainOnBatch(xs, ys)) as number[];
    let last = first;
    for (let i = 0; i < 20; i++) last = (await model.trainOnBatch(xs, ys)) as number[];
    expect(last[0]).toBeLessThan((first[0] ?? 0) * 0.7);
    tf.dispose([xs, ys]);
    model.dispose();
  });
});
