import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { convStep } from '../../shared/insight/convStep';
import { denseStep } from '../../shared/insight/denseStep';
import { poolStep } from '../../shared/insight/poolStep';
import { readLayerArithmetic } from './readLayerArithmetic';
import { UNIT_SCALING } from './predictWithActivations';

// Every number the step-by-step view shows is redone by the pure functions in shared/insight from
// what readLayerArithmetic reads out of the model; here each is checked against tfjs's own output
// for every cell of small networks with every kind of window.

/** A network whose weights are seeded random numbers, so that every product matters. */
function network(
  build: (x: tf.SymbolicTensor) => tf.SymbolicTensor,
  shape: number[],
): tf.LayersModel {
  const input = tf.input({ shape });
  const model = tf.model({ inputs: input, outputs: build(input) });
  let seed = 1;
  for (const layer of model.layers)
    layer.setWeights(
      layer.getWeights().map((w) => tf.randomNormal(w.shape, 0, 0.5, 'float32', seed++)),
    );
  return model;
}

const pixels = (n: number) => Array.from({ length: n }, (_, i) => (i * 97 + 13) % 256);

const apply = (layer: tf.layers.Layer, x: tf.SymbolicTensor) => layer.apply(x) as tf.SymbolicTensor;

const cases: {
  title: string;
  shape: number[];
  build: (x: tf.SymbolicTensor) => tf.SymbolicTensor;
}[] = [
  {
    title: "Conv2D 3×3 stride 2 'same' relu → MaxPooling2D 2 'same' → Dense softmax",
    shape: [7, 6, 2],
    build: (x) => {
      const c = apply(
        tf.layers.conv2d({
          name: 'conv',
          filters: 3,
          kernelSize: 3,
          strides: 2,
          padding: 'same',
          activation: 'relu',
        }),
        x,
      );
      const p = apply(tf.layers.maxPooling2d({ name: 'pool', poolSize: 2, padding: 'same' }), c);
      return apply(
        tf.layers.dense({ name: 'out', units: 4, activation: 'softmax' }),
        apply(tf.layers.flatten(), p),
      );
    },
  },
  {
    title:
      "Conv2D dilated 2 'same' sigmoid → AveragePooling2D 3 stride 2 'same' → Conv2D 2×3 'valid' tanh",
    shape: [9, 8, 1],
    build: (x) => {
      const c = apply(
        tf.layers.conv2d({
          name: 'conv',
          filters: 2,
          kernelSize: 3,
          dilationRate: 2,
          padding: 'same',
          activation: 'sigmoid',
        }),
        x,
      );
      const p = apply(
        tf.layers.averagePooling2d({ name: 'pool', poolSize: 3, strides: 2, padding: 'same' }),
        c,
      );
      return apply(
        tf.layers.conv2d({ name: 'conv_b', filters: 3, kernelSize: [2, 3], activation: 'tanh' }),
        p,
      );
    },
  },
  {
    title: 'Conv2D softmax over filters, no bias → AveragePooling2D valid → Dense elu',
    shape: [6, 6, 3],
    build: (x) => {
      const c = apply(
        tf.layers.conv2d({
          name: 'conv',
          filters: 4,
          kernelSize: 2,
          activation: 'softmax',
          useBias: false,
        }),
        x,
      );
      const p = apply(tf.layers.averagePooling2d({ name: 'pool', poolSize: 2 }), c);
      return apply(
        tf.layers.dense({ name: 'out', units: 5, activation: 'elu' }),
        apply(tf.layers.flatten(), p),
      );
    },
  },
];

describe('the step-by-step arithmetic agrees with tfjs in every cell', () => {
  for (const { title, shape, build } of cases)
    it(title, async () => {
      const model = network(build, shape);
      const image = pixels(shape.reduce((a, b) => a * b, 1));
      let checked = 0;
      for (const layer of model.layers) {
        const kind = layer.getClassName();
        if (!['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'Dense'].includes(kind)) continue;
        const a = await readLayerArithmetic(model, layer.name, image, shape, UNIT_SCALING);
        // The model's own output for this layer, computed independently of readLayerArithmetic.
        const own = tf.tidy(() => {
          const probe = tf.model({ inputs: model.inputs, outputs: layer.output });
          return Array.from(
            (probe.predict(tf.tensor(image, [1, ...shape]).div(255)) as tf.Tensor).dataSync(),
          );
        });
        expect(a.output.values.length).toBe(own.length);
        if (kind === 'Dense') {
          for (let u = 0; u < own.length; u++) {
            const step = denseStep(a, u, 3);
            expect(Math.abs(step.value - (own[u] ?? NaN))).toBeLessThan(1e-4);
            expect(step.top.reduce((s, t) => s + t.product, 0) + step.rest).toBeCloseTo(
              step.sum,
              5,
            );
            checked++;
          }
          continue;
        }
        const [oh = 0, ow = 0, oc = 0] = a.output.shape;
        for (let r = 0; r < oh; r++)
          for (let c = 0; c < ow; c++)
            for (let f = 0; f < oc; f++) {
              const step = kind === 'Conv2D' ? convStep(a, r, c, f) : poolStep(a, r, c, f);
              const expected = own[(r * ow + c) * oc + f] ?? NaN;
              expect(
                Math.abs(step.value - expected),
                `${layer.name} (${r}, ${c}) map ${f}`,
              ).toBeLessThan(1e-4);
              expect(step.modelValue).toBeCloseTo(expected, 6);
              checked++;
            }
      }
      expect(checked).toBeGreaterThan(20);
      model.dispose();
    });
});

describe('readLayerArithmetic', () => {
  it("reads a layer's settings from the model and shows the zero border of 'same' padding", async () => {
    const model = network(
      (x) =>
        apply(
          tf.layers.conv2d({
            name: 'edges',
            filters: 1,
            kernelSize: 3,
            padding: 'same',
            strides: 2,
          }),
          x,
        ),
      [4, 4, 1],
    );
    const a = await readLayerArithmetic(model, 'edges', pixels(16), [4, 4, 1], UNIT_SCALING);
    expect(a.window).toEqual({
      kernelSize: [3, 3],
      strides: [2, 2],
      padding: 'same',
      dilationRate: [1, 1],
    });
    expect(a.kernel?.shape).toEqual([3, 3, 1, 1]);
    // 4 → 2 with stride 2: TensorFlow pads 1 in total, after the image, so cell (0, 0) reads rows 0..2 ...
    expect(convStep(a, 0, 0, 0).taps.every((t) => t.inside)).toBe(true);
    // ... and cell (1, 1) reads rows and columns 2..4, the last on the zero border, whose value is 0.
    const corner = convStep(a, 1, 1, 0);
    expect(corner.taps.filter((t) => !t.inside).map((t) => [t.row, t.col])).toEqual([
      [2, 4],
      [3, 4],
      [4, 2],
      [4, 3],
      [4, 4],
    ]);
    expect(corner.channels[0]?.input.filter((_, k) => !corner.taps[k]?.inside)).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });

  it('names what it cannot do', async () => {
    const model = network((x) => apply(tf.layers.flatten({ name: 'flat' }), x), [2, 2, 1]);
    await expect(
      readLayerArithmetic(model, 'nope', pixels(4), [2, 2, 1], UNIT_SCALING),
    ).rejects.toThrow("no layer named 'nope'");
    await expect(
      readLayerArithmetic(model, 'flat', pixels(4), [2, 2, 1], UNIT_SCALING),
    ).rejects.toThrow("'flat' is a Flatten");
    await expect(
      readLayerArithmetic(model, 'flat', pixels(3), [2, 2, 1], UNIT_SCALING),
    ).rejects.toThrow();
  });

  it('leaks no tensors', async () => {
    const model = network(
      (x) =>
        apply(
          tf.layers.maxPooling2d({ name: 'pool', poolSize: 2 }),
          apply(tf.layers.conv2d({ name: 'c', filters: 2, kernelSize: 2 }), x),
        ),
      [5, 5, 1],
    );
    await readLayerArithmetic(model, 'pool', pixels(25), [5, 5, 1], UNIT_SCALING);
    const before = tf.memory().numTensors;
    await readLayerArithmetic(model, 'pool', pixels(25), [5, 5, 1], UNIT_SCALING);
    await readLayerArithmetic(model, 'c', pixels(25), [5, 5, 1], UNIT_SCALING);
    expect(tf.memory().numTensors).toBe(before);
  });
});
