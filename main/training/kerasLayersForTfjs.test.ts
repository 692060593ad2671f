import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParamValue } from '../../shared/graph/types';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { netGraph, stackGraph } from '../../shared/templates/stackGraph';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { buildModel, modelFromTopology } from './buildModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** One layer on a flat input of `values.length`, built from the exported topology as training builds it. */
async function apply(
  type: string,
  params: Record<string, ParamValue>,
  values: number[],
): Promise<number[]> {
  const model = await modelFromTopology(
    toKerasTopology(
      stackGraph([
        ['InputLayer', { shape: [values.length] }],
        [type, params],
      ]),
    ),
  );
  const y = tf.tidy(() => model.predict(tf.tensor2d([values])) as tf.Tensor);
  const out = Array.from(await y.data());
  y.dispose();
  model.dispose();
  return out;
}

const close = (actual: number[], expected: number[]) =>
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 5));

describe('Keras layers tfjs lacks, as training builds them', () => {
  it("ReLU with max_value, negative_slope and threshold computes Keras's formula", async () => {
    const x = [-2, -0.5, 0, 0.3, 0.5, 1, 7];
    // Above 0.5: x capped at 6; at or below: 0.1 × (x − 0.5).
    close(
      await apply('ReLU', { max_value: 6, negative_slope: 0.1, threshold: 0.5 }, x),
      [-0.25, -0.1, -0.05, -0.02, 0, 1, 6],
    );
    close(await apply('ReLU', {}, x), [0, 0, 0, 0.3, 0.5, 1, 7]);
    close(await apply('ReLU', { max_value: 6 }, x), [0, 0, 0, 0.3, 0.5, 1, 6]);
  });

  it('ELU with an alpha other than 1 (tfjs refuses it) bends towards −alpha', async () => {
    close(await apply('ELU', { alpha: 0.5 }, [-1, 0, 2]), [0.5 * (Math.exp(-1) - 1), 0, 2]);
    close(await apply('ELU', { alpha: -2 }, [-1, 3]), [-2 * (Math.exp(-1) - 1), 3]);
  });

  it('Softmax over a non-last axis (tfjs computes only the last) sums to 1 along that axis', async () => {
    const model = await modelFromTopology(
      toKerasTopology(
        stackGraph([
          ['InputLayer', { shape: [2, 3] }],
          ['Softmax', { axis: 1 }],
        ]),
      ),
    );
    const y = tf.tidy(() =>
      (
        model.predict(
          tf.tensor3d([
            [
              [1, 2, 3],
              [3, 2, 1],
            ],
          ]),
        ) as tf.Tensor
      ).sum(1),
    );
    close(Array.from(await y.data()), [1, 1, 1]);
    y.dispose();
    model.dispose();
  });

  it('Subtract (missing in tfjs) takes the second input from the first, lining a vector up with the last axis', async () => {
    const graph = netGraph([
      ['maps', 'InputLayer', { shape: [2, 2] }],
      ['row', 'InputLayer', { shape: [2] }],
      ['d', 'Subtract', {}, ['maps', 'row']],
    ]);
    const model = await modelFromTopology(toKerasTopology(graph));
    const y = tf.tidy(
      () =>
        model.predict([
          tf.tensor3d([
            [
              [5, 3],
              [1, 1],
            ],
          ]),
          tf.tensor2d([[1, 2]]),
        ]) as tf.Tensor,
    );
    expect(y.shape).toEqual([1, 2, 2]);
    close(Array.from(await y.data()), [4, 1, 0, -1]);
    y.dispose();
    model.dispose();
  });

  it('a network of every new layer trains: finite loss, and PReLU slopes and LayerNormalization scales learn', async () => {
    const graph = netGraph([
      ['in', 'InputLayer', { shape: [6, 6, 2] }],
      ['sc', 'Rescaling', { scale: 0.5, offset: 0.1 }],
      ['gn', 'GaussianNoise', { stddev: 0.1 }],
      ['a', 'Conv2D', { filters: 3, padding: 'same' }, ['gn']],
      ['b', 'Conv2D', { filters: 1, kernel_size: 1 }, ['gn']],
      ['mul', 'Multiply', {}, ['a', 'b']],
      ['avg', 'Average', {}, ['mul', 'a']],
      ['max', 'Maximum', {}, ['avg', 'b']],
      ['min', 'Minimum', {}, ['avg', 'b']],
      ['sub', 'Subtract', {}, ['max', 'min']],
      ['relu', 'ReLU', { max_value: 6, negative_slope: 0.1, threshold: 0.05 }],
      ['pr', 'PReLU', { shared_axes: [1, 2] }],
      ['ln', 'LayerNormalization'],
      ['gd', 'GaussianDropout', { rate: 0.2 }],
      ['elu', 'ELU', { alpha: 0.5 }],
      ['sm', 'Softmax', { axis: 1 }],
      ['f', 'Flatten'],
      ['d', 'Dense', { units: 3 }],
      ['out', 'Softmax'],
    ]);
    const model = await buildModel(toKerasTopology(graph), {
      ...DEFAULT_TRAINING,
      learningRate: 0.05,
    });
    const weight = (layer: string) =>
      Array.from(
        model
          .getLayer(graph.nodes.find((n) => n.type === layer)?.name ?? '')
          .getWeights()[0]
          ?.dataSync() ?? [],
      );
    const before = { alpha: weight('PReLU'), gamma: weight('LayerNormalization') };
    const x = tf.randomNormal([32, 6, 6, 2], 0, 1, 'float32', 7);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: 32 }, (_, i) => i % 3),
        'int32',
      ),
      3,
    );
    const history = await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(weight('PReLU')).not.toEqual(before.alpha);
    expect(weight('LayerNormalization')).not.toEqual(before.gamma);
    // What a saved model.json holds reads back into the same layers.
    const again = await modelFromTopology(model.toJSON(undefined, false) as object);
    const relu = again.getLayer(graph.nodes.find((n) => n.type === 'ReLU')?.name ?? '').getConfig();
    expect(relu).toMatchObject({ maxValue: 6, negativeSlope: 0.1, threshold: 0.05 });
    tf.dispose([x, y]);
    model.dispose();
    again.dispose();
  });
});
