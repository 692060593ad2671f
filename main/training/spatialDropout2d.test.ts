import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { toSequentialTopology } from '../../shared/keras/toKerasTopology';
import { stackGraph } from '../../shared/templates/stackGraph';
import { modelFromTopology } from './buildModel';
import { SpatialDropout2D } from './spatialDropout2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SpatialDropout2D in TensorFlow.js', () => {
  it('builds from the Keras topology NetCanvas exports', async () => {
    const graph = stackGraph([
      ['InputLayer', { shape: [6, 6, 4] }],
      ['SpatialDropout2D', { rate: 0.3 }],
    ]);
    const model = await modelFromTopology(toSequentialTopology(graph));
    expect(model.layers.at(-1)?.getClassName()).toBe('SpatialDropout2D');
    expect(model.layers.at(-1)?.getConfig()).toMatchObject({ rate: 0.3 });
    model.dispose();
  });

  it('drops whole channels while training, scaling the kept ones, and nothing at inference', () => {
    const layer = new SpatialDropout2D({ rate: 0.5, seed: 7 });
    const x = tf.ones([8, 5, 5, 6]);
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    const values = y.arraySync() as number[][][][];
    let dropped = 0;
    for (const sample of values)
      for (let c = 0; c < 6; c++) {
        const channel = sample.flatMap((row) => row.map((px) => px[c] ?? NaN));
        // Every pixel of a channel shares one fate: all 0 or all 2 (= 1 / (1 − 0.5)).
        expect(new Set(channel).size).toBe(1);
        expect([0, 2]).toContain(channel[0]);
        if (channel[0] === 0) dropped++;
      }
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(48);
    expect((layer.apply(x, { training: false }) as tf.Tensor).arraySync()).toEqual(x.arraySync());
  });
});
