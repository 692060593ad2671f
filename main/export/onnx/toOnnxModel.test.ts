// The ONNX export checked by ONNX Runtime: every template and every layer, on 200 MNIST test
// digits, predicts what tfjs predicts (same class, probabilities within 1e-4).
import type { Labels } from '../../../datasets/loadedDataset';
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIdxSplit } from '../../../datasets/idx';
import { mnistFolder } from '../../../datasets/mnist';
import type { Graph, LayerNode, ParamValue } from '../../../shared/graph/types';
import { toKerasTopology } from '../../../shared/keras/toKerasTopology';
import { stackGraph } from '../../../shared/templates/stackGraph';
import type { StackLayer } from '../../../shared/templates/stackGraph';
import { PROJECT_TEMPLATES } from '../../../shared/templates/projectTemplates';
import { DEFAULT_TRAINING } from '../../../shared/training/settings';
import { selectBackend } from '../../compute/selectBackend';
import { buildModel } from '../../training/buildModel';
import { OnnxExportError, onnxConverter } from './onnxLayers';
import { toOnnxModel } from './toOnnxModel';
import { tfjsWeights } from './tfjsWeights';

const COUNT = 200;
let digits: { images: Uint8Array; labels: Labels } = {
  images: new Uint8Array(),
  labels: new Uint8Array(),
};

beforeAll(async () => {
  // tfjs's wasm backend (what training uses on a CPU): the cpu backend takes far longer on the CNNs.
  await selectBackend('wasm');
  const folder = mnistFolder();
  const test = await loadIdxSplit(
    join(folder, 't10k-images-idx3-ubyte'),
    join(folder, 't10k-labels-idx1-ubyte'),
    10,
  );
  digits = { images: test.images.subarray(0, COUNT * 784), labels: test.labels.subarray(0, COUNT) };
});

/** The first 200 test digits scaled to 0–1, resized (nearest pixel) and repeated to fill `[h, w, c]`. */
function mnistAs([h, w, c]: readonly number[]): Float32Array {
  if (h === undefined || w === undefined || c === undefined)
    throw new Error('the network needs an image input');
  const out = new Float32Array(COUNT * h * w * c);
  let i = 0;
  for (let n = 0; n < COUNT; n++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const pixel =
          (digits.images[n * 784 + Math.floor((y * 28) / h) * 28 + Math.floor((x * 28) / w)] ?? 0) /
          255;
        for (let k = 0; k < c; k++) out[i++] = pixel;
      }
  return out;
}

/**
 * Seeded non-zero biases, batch-normalisation statistics and PReLU slopes (a fresh model's are 0
 * and 1, which would hide a bias, statistic or slope written in the wrong order).
 */
function perturb(model: tf.LayersModel): void {
  let seed = 1;
  const ranges: Record<string, [number, number]> = {
    bias: [-0.2, 0.2],
    beta: [-0.3, 0.3],
    moving_mean: [-0.3, 0.3],
    gamma: [0.5, 1.5],
    moving_variance: [0.5, 2],
    alpha: [0.05, 0.5],
  };
  for (const layer of model.layers)
    for (const w of layer.weights) {
      const range = ranges[w.originalName.split('/').pop() ?? ''];
      if (range)
        w.write(tf.randomUniform(w.shape as number[], range[0], range[1], 'float32', seed++));
    }
}

/** tfjs's and ONNX Runtime's outputs for the same 200 digits. */
async function bothWays(
  graph: Graph,
): Promise<{ ours: Float32Array; theirs: Float32Array; classes: number }> {
  const model = await buildModel(toKerasTopology(graph, { name: 'check' }), DEFAULT_TRAINING);
  perturb(model);
  const input = graph.nodes.find((n) => n.type === 'InputLayer');
  const shape = (input?.params.shape ?? [28, 28, 1]) as readonly number[];
  const pixels = mnistAs(shape);
  const y = tf.tidy(() => model.predict(tf.tensor(pixels, [COUNT, ...shape])) as tf.Tensor);
  const ours = (await y.data()) as Float32Array;
  const classes = y.shape.at(-1) ?? 0;
  y.dispose();
  const bytes = toOnnxModel({ graph, name: 'check', weights: await tfjsWeights(model) });
  model.dispose();
  const session = await ort.InferenceSession.create(bytes);
  const outputName = session.outputNames[0] ?? '';
  const result = await session.run({
    [session.inputNames[0] ?? '']: new ort.Tensor('float32', pixels, [COUNT, ...shape]),
  });
  const theirs = result[outputName]?.data as Float32Array;
  await session.release();
  return { ours, theirs, classes };
}

const argmax = (p: Float32Array, row: number, classes: number): number => {
  let best = 0;
  for (let k = 1; k < classes; k++)
    if ((p[row * classes + k] ?? 0) > (p[row * classes + best] ?? 0)) best = k;
  return best;
};

async function expectSamePredictions(graph: Graph): Promise<void> {
  const { ours, theirs, classes } = await bothWays(graph);
  expect(theirs).toHaveLength(ours.length);
  let worst = 0;
  for (let i = 0; i < ours.length; i++)
    worst = Math.max(worst, Math.abs((ours[i] ?? 0) - (theirs[i] ?? 0)));
  expect(worst).toBeLessThanOrEqual(1e-4);
  const differing = Array.from({ length: COUNT }, (_, n) => n).filter(
    (n) => argmax(ours, n, classes) !== argmax(theirs, n, classes),
  );
  expect(differing).toEqual([]);
}

describe('ONNX export agrees with tfjs on 200 MNIST test digits', () => {
  // The lesson's templates share their networks with others: each network is checked once.
  const networks = new Map<string, { ids: string[]; graph: Graph }>();
  for (const t of PROJECT_TEMPLATES) {
    const key = JSON.stringify(t.project.graph);
    const seen = networks.get(key);
    if (seen) seen.ids.push(t.id);
    else networks.set(key, { ids: [t.id], graph: t.project.graph });
  }
  it.each([...networks.values()].map((n) => [n.ids.join(', '), n.graph] as const))(
    'template %s',
    async (_ids, graph) => {
      await expectSamePredictions(graph);
    },
  );

  const input: StackLayer = ['InputLayer', { shape: [28, 28, 1] }];
  const head: StackLayer[] = [['Flatten'], ['Dense', { units: 10, activation: 'softmax' }]];
  const conv = (filters: number, more: Record<string, ParamValue> = {}): StackLayer => [
    'Conv2D',
    { filters, kernel_size: [3, 3], ...more },
  ];
  const stacks: Record<string, StackLayer[]> = {
    "Conv2D 5×5, strides 2, 'same', tanh": [
      input,
      [
        'Conv2D',
        { filters: 6, kernel_size: [5, 5], strides: [2, 2], padding: 'same', activation: 'tanh' },
      ],
      ...head,
    ],
    "Conv2D dilated, no bias, elu; MaxPooling2D 3×3 strides 2 'same'": [
      input,
      conv(4, { dilation_rate: [2, 2], use_bias: false, activation: 'elu' }),
      ['MaxPooling2D', { pool_size: [3, 3], strides: [2, 2], padding: 'same' }],
      ...head,
    ],
    "AveragePooling2D 3×3 strides 2 'same' (border windows average fewer pixels)": [
      input,
      conv(4, { activation: 'relu' }),
      ['AveragePooling2D', { pool_size: [3, 3], strides: [2, 2], padding: 'same' }],
      ...head,
    ],
    'AveragePooling2D valid, odd size': [
      input,
      conv(3, { activation: 'sigmoid' }),
      ['AveragePooling2D', { pool_size: [3, 3] }],
      ...head,
    ],
    GlobalAveragePooling2D: [
      input,
      conv(8, { activation: 'relu' }),
      ['GlobalAveragePooling2D'],
      ['Dense', { units: 10, activation: 'softmax' }],
    ],
    GlobalMaxPooling2D: [
      input,
      conv(8, { activation: 'relu' }),
      ['GlobalMaxPooling2D'],
      ['Dense', { units: 10, activation: 'softmax' }],
    ],
    'BatchNormalization on feature maps and on vectors; selu, softplus': [
      input,
      conv(4),
      ['BatchNormalization'],
      ['Activation', { activation: 'selu' }],
      ['Flatten'],
      ['Dense', { units: 16 }],
      ['BatchNormalization', { center: false, epsilon: 0.01 }],
      ['Activation', { activation: 'softplus' }],
      ['BatchNormalization', { scale: false }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ],
    'softmax over channels, LeakyReLU, Dropout': [
      input,
      conv(6, { activation: 'softmax' }),
      ['LeakyReLU', { alpha: 0.1 }],
      ['Dropout', { rate: 0.3 }],
      ...head,
    ],
    'Dense per pixel on feature maps': [
      input,
      conv(4, { activation: 'relu' }),
      ['Dense', { units: 3, activation: 'relu' }],
      ...head,
    ],
    'Rescaling, GaussianNoise, ReLU with every option, PReLU per channel and per number, LayerNormalization, GaussianDropout':
      [
        input,
        ['Rescaling', { scale: 2, offset: -1 }],
        ['GaussianNoise', { stddev: 0.5 }],
        conv(6),
        ['ReLU', { max_value: 1.5, negative_slope: 0.2, threshold: 0.1 }],
        ['PReLU', { shared_axes: [1, 2] }],
        conv(4),
        ['LayerNormalization'],
        ['PReLU'],
        ['GaussianDropout', { rate: 0.3 }],
        ...head,
      ],
    'ELU, Softmax over height, LayerNormalization over width and on vectors, ReLU6': [
      input,
      conv(4),
      ['ELU', { alpha: 0.5 }],
      ['Softmax', { axis: 1 }],
      ['LayerNormalization', { axis: 2, center: false, epsilon: 0.01 }],
      ['Flatten'],
      ['Dense', { units: 16 }],
      ['LayerNormalization', { scale: false }],
      ['ReLU', { max_value: 6 }],
      ['Dense', { units: 10 }],
      ['Softmax'],
    ],
    'Reshape to a vector and back to an image': [
      input,
      ['Reshape', { target_shape: [784] }],
      ['Dense', { units: 196, activation: 'relu' }],
      ['Reshape', { target_shape: [14, 14, -1] }],
      conv(4, { activation: 'relu' }),
      ...head,
    ],
    "DepthwiseConv2D ×2 strides 2 'same'; SeparableConv2D dilated; SpatialDropout2D": [
      input,
      conv(3, { activation: 'relu' }),
      [
        'DepthwiseConv2D',
        { depth_multiplier: 2, strides: [2, 2], padding: 'same', activation: 'relu' },
      ],
      ['SpatialDropout2D', { rate: 0.4 }],
      [
        'SeparableConv2D',
        {
          filters: 5,
          kernel_size: [3, 2],
          depth_multiplier: 2,
          dilation_rate: [2, 1],
          padding: 'same',
          activation: 'tanh',
        },
      ],
      ['DepthwiseConv2D', { kernel_size: [2, 3], use_bias: false }],
      ['SeparableConv2D', { filters: 4, strides: [2, 1], use_bias: false }],
      ...head,
    ],
    "Conv2DTranspose 'same' and 'valid', kernel below and above the stride; ZeroPadding2D, Cropping2D":
      [
        input,
        conv(2, { strides: [2, 2], activation: 'relu' }),
        ['Conv2DTranspose', { filters: 3, strides: [2, 2], padding: 'same', activation: 'relu' }],
        ['ZeroPadding2D', { padding: [1, 2, 0, 3] }],
        ['Conv2DTranspose', { filters: 2, kernel_size: [2, 4], strides: [2, 1], use_bias: false }],
        ['Cropping2D', { cropping: [3, 1, 2, 5] }],
        ['Conv2DTranspose', { filters: 2, kernel_size: [1, 1], strides: [2, 2] }],
        ['MaxPooling2D', { pool_size: [4, 4] }],
        ...head,
      ],
    'UpSampling2D nearest 2×3 and bilinear 2×2': [
      input,
      conv(3, { activation: 'relu' }),
      ['MaxPooling2D'],
      ['UpSampling2D', { size: [2, 3] }],
      conv(2, { activation: 'tanh' }),
      ['UpSampling2D', { size: [2, 2], interpolation: 'bilinear' }],
      ...head,
    ],
  };
  it.each(Object.entries(stacks))('%s', async (_title, layers) => {
    await expectSamePredictions(stackGraph(layers));
  });

  /** A graph with branches: `layers` are [name, type, params, inputs]. */
  const branches = (layers: [string, string, Record<string, ParamValue>, string[]][]): Graph => ({
    nodes: layers.map(([name, type, params], i): LayerNode => ({
      id: name,
      name,
      type,
      params,
      position: { x: 0, y: i * 100 },
    })),
    edges: layers.flatMap(([name, , , inputs]) =>
      inputs.map((source, i) => ({ id: `${source}->${name}#${i}`, source, target: name })),
    ),
  });
  const graphs: Record<string, Graph> = {
    'Add: a residual connection over feature maps': branches([
      ['input', 'InputLayer', { shape: [28, 28, 1] }, []],
      ['conv_a', 'Conv2D', { filters: 4, kernel_size: [3, 3], activation: 'relu' }, ['input']],
      ['conv_b', 'Conv2D', { filters: 4, kernel_size: [3, 3], padding: 'same' }, ['conv_a']],
      ['add', 'Add', {}, ['conv_a', 'conv_b']],
      ['flatten', 'Flatten', {}, ['add']],
      ['out', 'Dense', { units: 10, activation: 'softmax' }, ['flatten']],
    ]),
    'Add of three, one input channels-last': branches([
      ['input', 'InputLayer', { shape: [28, 28, 1] }, []],
      ['conv_a', 'Conv2D', { filters: 1, kernel_size: [3, 3], padding: 'same' }, ['input']],
      ['conv_b', 'Conv2D', { filters: 1, kernel_size: [5, 5], padding: 'same' }, ['input']],
      ['add', 'Add', {}, ['input', 'conv_a', 'conv_b']],
      ['flatten', 'Flatten', {}, ['add']],
      ['out', 'Dense', { units: 10, activation: 'softmax' }, ['flatten']],
    ]),
    'Concatenate feature maps on channels, then vectors': branches([
      ['input', 'InputLayer', { shape: [28, 28, 1] }, []],
      [
        'conv_a',
        'Conv2D',
        { filters: 3, kernel_size: [3, 3], padding: 'same', activation: 'relu' },
        ['input'],
      ],
      [
        'conv_b',
        'Conv2D',
        { filters: 2, kernel_size: [5, 5], padding: 'same', activation: 'relu' },
        ['input'],
      ],
      ['maps', 'Concatenate', {}, ['conv_a', 'conv_b']],
      ['pool', 'MaxPooling2D', {}, ['maps']],
      ['flat', 'Flatten', {}, ['pool']],
      ['wide', 'Dense', { units: 8, activation: 'relu' }, ['flat']],
      ['gap', 'GlobalAveragePooling2D', {}, ['maps']],
      ['both', 'Concatenate', { axis: 1 }, ['wide', 'gap']],
      ['out', 'Dense', { units: 10, activation: 'softmax' }, ['both']],
    ]),
    'Multiply, Average, Maximum, Minimum, Subtract: a broadcast channel and a broadcast vector':
      branches([
        ['input', 'InputLayer', { shape: [28, 28, 1] }, []],
        [
          'conv_a',
          'Conv2D',
          { filters: 4, kernel_size: [3, 3], padding: 'same', activation: 'relu' },
          ['input'],
        ],
        [
          'conv_b',
          'Conv2D',
          { filters: 1, kernel_size: [3, 3], padding: 'same', activation: 'tanh' },
          ['input'],
        ],
        ['gated', 'Multiply', {}, ['conv_a', 'conv_b']],
        ['mean', 'Average', {}, ['conv_a', 'gated', 'input']],
        ['hi', 'Maximum', {}, ['mean', 'conv_b']],
        ['lo', 'Minimum', {}, ['conv_a', 'conv_b', 'input']],
        ['spread', 'Subtract', {}, ['hi', 'lo']],
        ['gap', 'GlobalAveragePooling2D', {}, ['spread']],
        ['channels', 'Multiply', {}, ['spread', 'gap']],
        ['flatten', 'Flatten', {}, ['channels']],
        ['out', 'Dense', { units: 10, activation: 'softmax' }, ['flatten']],
      ]),
    'Concatenate along height': branches([
      ['input', 'InputLayer', { shape: [28, 28, 1] }, []],
      ['conv_a', 'Conv2D', { filters: 2, kernel_size: [3, 3], activation: 'relu' }, ['input']],
      ['conv_b', 'Conv2D', { filters: 2, kernel_size: [3, 3], activation: 'tanh' }, ['input']],
      ['rows', 'Concatenate', { axis: 1 }, ['conv_a', 'conv_b']],
      ['flatten', 'Flatten', {}, ['rows']],
      ['out', 'Dense', { units: 10, activation: 'softmax' }, ['flatten']],
    ]),
  };
  it.each(Object.entries(graphs))('%s', async (_title, graph) => {
    await expectSamePredictions(graph);
  });
});

describe('ONNX export refusals', () => {
  it('names a layer the exporter does not know', () => {
    const node: LayerNode = {
      id: 'x',
      name: 'lstm_1',
      type: 'LSTM',
      params: {},
      position: { x: 0, y: 0 },
    };
    expect(() => onnxConverter(node)).toThrow(OnnxExportError);
    expect(() => onnxConverter(node)).toThrow(
      "Cannot export layer 'lstm_1' (LSTM) to ONNX: the ONNX export does not know LSTM layers yet.",
    );
  });
});
