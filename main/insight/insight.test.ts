import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { inferGraph } from '../../shared/graph/inferGraph';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { templateById } from '../../shared/templates/projectTemplates';
import { modelFromTopology } from '../training/buildModel';
import { SpatialDropout2D } from '../training/spatialDropout2d';
import { activationModel } from './activationModel';
import { modelKernels } from './modelKernels';
import { predictWithActivations } from './predictWithActivations';
import { weightHistograms } from './weightHistograms';

/** Input 3×3×1 → Conv2D with one 2×2 filter whose weights the test sets → Flatten → Dense 2 softmax. */
function tinyConvModel(kernel: number[], bias = 0): tf.LayersModel {
  const input = tf.input({ shape: [3, 3, 1] });
  const conv = tf.layers.conv2d({ filters: 1, kernelSize: 2, name: 'edges' });
  const dense = tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' });
  const model = tf.model({
    inputs: input,
    outputs: dense.apply(tf.layers.flatten().apply(conv.apply(input))) as tf.SymbolicTensor,
  });
  conv.setWeights([tf.tensor(kernel, [2, 2, 1, 1]), tf.tensor([bias])]);
  return model;
}

describe('predictWithActivations', () => {
  it('returns the probabilities and every feature map of the tutorial CNN, shaped as the canvas says', async () => {
    const graph = templateById('lesson-cnn')?.project.graph;
    if (!graph) throw new Error('template missing');
    const model = await modelFromTopology(toKerasTopology(graph));
    const pixels = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
    const p = await predictWithActivations(model, pixels, [28, 28, 1]);

    const direct = tf.tidy(() =>
      Array.from(
        (
          model.predict(tf.tensor(Array.from(pixels), [1, 28, 28, 1]).div(255)) as tf.Tensor
        ).dataSync(),
      ),
    );
    expect(p.probabilities).toHaveLength(10);
    p.probabilities.forEach((v, i) => expect(v).toBeCloseTo(direct[i] ?? NaN, 5));

    const report = inferGraph(graph);
    const expected = graph.nodes
      .filter((n) => ['Conv2D', 'MaxPooling2D', 'Dense'].includes(n.type))
      .map((n) => [n.name, report.nodes.get(n.id)?.outputShape?.slice(1)]);
    expect(Object.entries(p.activations).map(([name, a]) => [name, a.shape])).toEqual(expected);
    for (const a of Object.values(p.activations))
      expect(a.values).toHaveLength(a.shape.reduce((x, y) => x * y, 1));
    expect(p.activations.dense_1?.values).toEqual(p.probabilities);
    model.dispose();
  });

  it('draws every layer whose output is feature maps or a vector, each equal to tfjs’s own output', async () => {
    // Two branches merged, with most of the catalogue's map-to-map layers on the way.
    const input = tf.input({ shape: [6, 6, 2] });
    const conv = tf.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', name: 'conv' });
    const depthwise = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', name: 'dw' });
    const norm = tf.layers.batchNormalization({ name: 'bn' });
    const relu = tf.layers.activation({ activation: 'relu', name: 'act' });
    const separable = tf.layers.separableConv2d({ filters: 3, kernelSize: 3, name: 'sep' });
    const padded = tf.layers.zeroPadding2d({ padding: 1, name: 'pad' });
    const transposed = tf.layers.conv2dTranspose({ filters: 3, kernelSize: 2, name: 'deconv' });
    const cropped = tf.layers.cropping2D({
      cropping: [
        [1, 0],
        [0, 1],
      ],
      name: 'crop',
    });
    const up = tf.layers.upSampling2d({ size: [2, 2], name: 'up' });
    const spatialDrop = new SpatialDropout2D({ rate: 0.5, name: 'sdrop' });
    const a = conv.apply(input) as tf.SymbolicTensor;
    const b = relu.apply(norm.apply(depthwise.apply(a))) as tf.SymbolicTensor;
    const sum = tf.layers.add({ name: 'sum' }).apply([a, b]) as tf.SymbolicTensor;
    const s = padded.apply(separable.apply(sum)) as tf.SymbolicTensor; // 4×4 → 6×6
    const t = cropped.apply(transposed.apply(s)) as tf.SymbolicTensor; // 7×7 → 6×6
    const joined = tf.layers
      .concatenate({ name: 'join' })
      .apply([spatialDrop.apply(t) as tf.SymbolicTensor, sum]) as tf.SymbolicTensor;
    const pooled = tf.layers.globalAveragePooling2d({ name: 'gap' }).apply(up.apply(joined));
    const hidden = tf.layers.dropout({ rate: 0.5, name: 'drop' }).apply(pooled);
    const output = tf.layers
      .dense({ units: 4, activation: 'softmax', name: 'out' })
      .apply(hidden) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    // Moving statistics away from 0 and 1, so the normalisation changes the numbers.
    norm.setWeights([
      tf.tensor([1.5, 0.5, 1]),
      tf.tensor([0.2, -0.3, 0]),
      tf.tensor([0.4, -0.1, 0.3]),
      tf.tensor([2, 0.5, 4]),
    ]);
    const pixels = Array.from({ length: 72 }, (_, i) => (i * 53) % 256);
    const p = await predictWithActivations(model, pixels, [6, 6, 2]);

    expect(Object.keys(p.activations)).toEqual([
      'conv',
      'dw',
      'bn',
      'act',
      'sum',
      'sep',
      'pad',
      'deconv',
      'crop',
      'join',
      'up',
      'gap',
      'out',
    ]);
    expect(p.activations.dw?.kerasClass).toBe('DepthwiseConv2D');
    expect(p.leftOut?.map((l) => [l.name, l.kerasClass, l.reason])).toEqual([
      ['sdrop', 'SpatialDropout2D', 'passes its input on unchanged when predicting'],
      ['drop', 'Dropout', 'passes its input on unchanged when predicting'],
    ]);
    const x = tf.tensor(pixels, [1, 6, 6, 2]).div(255);
    for (const [name, shown] of Object.entries(p.activations)) {
      const layer = model.getLayer(name);
      const own = tf.model({ inputs: input, outputs: layer.output });
      const expected = tf.tidy(() => own.predict(x) as tf.Tensor);
      expect(shown.shape, name).toEqual(expected.shape.slice(1));
      const want = Array.from(await expected.data());
      shown.values.forEach((v, i) => expect(v, `${name}[${i}]`).toBeCloseTo(want[i] ?? NaN, 5));
      expected.dispose();
    }
    x.dispose();
    model.dispose();
  });

  it('draws the MobileNet-style template’s depthwise, normalisation and activation layers in order', async () => {
    const graph = templateById('mobilenet-mini')?.project.graph;
    if (!graph) throw new Error('template missing');
    const model = await modelFromTopology(toKerasTopology(graph));
    const p = await predictWithActivations(model, new Uint8Array(784).fill(128), [28, 28, 1]);
    const report = inferGraph(graph);
    const expected = graph.nodes
      .filter((n) => n.type !== 'InputLayer')
      .map((n) => [n.name, n.type, report.nodes.get(n.id)?.outputShape?.slice(1)]);
    expect(Object.entries(p.activations).map(([name, a]) => [name, a.kerasClass, a.shape])).toEqual(
      expected,
    );
    expect(p.leftOut).toEqual([]);
    model.dispose();
  });

  it('computes the feature map a learner can check by hand, with the scaling applied', async () => {
    // Kernel [[1, 0], [0, -1]]: top-left minus bottom-right of each 2×2 window.
    const model = tinyConvModel([1, 0, 0, -1], 0.5);
    const pixels = [0, 10, 20, 30, 40, 50, 60, 70, 80];
    const p = await predictWithActivations(model, pixels, [3, 3, 1], { multiply: 0.1, add: 0 });
    // Scaled: 0 1 2 / 3 4 5 / 6 7 8 → every window gives a − (a + 4) + 0.5 = −3.5.
    expect(p.activations.edges?.shape).toEqual([2, 2, 1]);
    p.activations.edges?.values.forEach((v) => expect(v).toBeCloseTo(-3.5, 5));
    expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('builds the multi-output model once and leaks no tensors', async () => {
    const model = tinyConvModel([1, 0, 0, 1]);
    await predictWithActivations(model, new Uint8Array(9), [3, 3, 1]);
    const before = tf.memory().numTensors;
    const first = activationModel(model);
    await predictWithActivations(model, new Uint8Array(9).fill(200), [3, 3, 1]);
    expect(activationModel(model)).toBe(first);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says what is wrong with the pixels it was given', async () => {
    const model = tinyConvModel([1, 0, 0, 1]);
    await expect(predictWithActivations(model, new Uint8Array(10), [3, 3, 1])).rejects.toThrow(
      'Expected 9 pixel values (3 × 3 × 1), got 10.',
    );
    await expect(predictWithActivations(model, [], [0, 3])).rejects.toThrow(
      'positive whole numbers',
    );
  });
});

describe('modelKernels', () => {
  it('draws each filter as an image scaled 0..1 over the layer, row after row', () => {
    const model = tinyConvModel([-2, 0, 1, 2]);
    const [k] = modelKernels(model);
    expect(k).toMatchObject({
      layer: 'edges',
      size: [2, 2],
      inChannels: 1,
      filters: 1,
      min: -2,
      max: 2,
    });
    expect(k?.values).toEqual([0, 0.5, 0.75, 1]);
  });

  it('averages over input channels and keeps filters apart', () => {
    const input = tf.input({ shape: [4, 4, 2] });
    const conv = tf.layers.conv2d({ filters: 2, kernelSize: 1, useBias: false });
    const model = tf.model({ inputs: input, outputs: conv.apply(input) as tf.SymbolicTensor });
    // [h=1, w=1, in=2, out=2]: filter 0 sees (1, 3) → mean 2; filter 1 sees (−1, −3) → mean −2.
    conv.setWeights([tf.tensor([1, -1, 3, -3], [1, 1, 2, 2])]);
    const [k] = modelKernels(model);
    expect(k?.values).toEqual([1, 0]);
    expect([k?.min, k?.max]).toEqual([-2, 2]);
  });
});

describe('weightHistograms', () => {
  it('counts every weight of every layer into equal bins', () => {
    const model = tinyConvModel([0, 1, 2, 3], 7);
    const h = weightHistograms(model, 3);
    const kernel = h.find((x) => x.layer === 'edges' && x.weight === 'kernel');
    expect(kernel).toMatchObject({ count: 4, min: 0, max: 3, bins: [1, 1, 2] });
    expect(h.find((x) => x.layer === 'edges' && x.weight === 'bias')).toMatchObject({
      count: 1,
      min: 7,
      max: 7,
      bins: [1, 0, 0],
    });
    expect(h.filter((x) => x.layer === 'out').map((x) => x.weight)).toEqual(['kernel', 'bias']);
    expect(h.find((x) => x.layer === 'out' && x.weight === 'kernel')?.count).toBe(8);
  });

  it('refuses a bin count that is not a positive whole number', () => {
    expect(() => weightHistograms(tinyConvModel([0, 0, 0, 0]), 0)).toThrow('at least 1');
  });
});
