// Writes shared/keras/fixtures/tfjs/*.model.json: the tutorial networks built layer by layer with
// TensorFlow.js's own API and saved by tfjs itself, so the import and `netcanvas summary` tests read
// files NetCanvas did not write. Run: node --import tsx scripts/make-keras-fixtures.ts
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'shared',
  'keras',
  'fixtures',
  'tfjs',
);

/** Keras's automatic layer names (`conv2d`, `conv2d_1`), which tfjs would otherwise number globally. */
function namer(): (base: string) => string {
  const counts = new Map<string, number>();
  return (base) => {
    const k = counts.get(base) ?? 0;
    counts.set(base, k + 1);
    return k === 0 ? base : `${base}_${k}`;
  };
}

type Build = (name: (base: string) => string) => tf.LayersModel;

const relu = 'relu';

/** Conv-pool stages then a Dense head, the shape of every tutorial CNN. */
function cnn(
  input: [number, number, number],
  convs: [number, number, 'valid' | 'same'][],
  dense: number,
  classes: number,
): Build {
  return (name) => {
    const m = tf.sequential({ name: 'sequential' });
    convs.forEach(([filters, k, padding], i) => {
      m.add(
        tf.layers.conv2d({
          name: name('conv2d'),
          filters,
          kernelSize: k,
          padding,
          activation: relu,
          ...(i === 0 ? { inputShape: input } : {}),
        }),
      );
      m.add(tf.layers.maxPooling2d({ name: name('max_pooling2d'), poolSize: 2 }));
    });
    m.add(tf.layers.flatten({ name: name('flatten') }));
    m.add(tf.layers.dense({ name: name('dense'), units: dense, activation: relu }));
    m.add(tf.layers.dense({ name: name('dense'), units: classes, activation: 'softmax' }));
    return m;
  };
}

const NETWORKS: Record<string, Build> = {
  mlp: (name) =>
    tf.sequential({
      name: 'sequential',
      layers: [
        tf.layers.flatten({ name: name('flatten'), inputShape: [28, 28, 1] }),
        tf.layers.dense({ name: name('dense'), units: 512, activation: relu }),
        tf.layers.dense({ name: name('dense'), units: 512, activation: relu }),
        tf.layers.dense({ name: name('dense'), units: 10, activation: 'softmax' }),
      ],
    }),
  'cnn-same': cnn(
    [28, 28, 1],
    [
      [32, 3, 'same'],
      [64, 3, 'same'],
    ],
    64,
    10,
  ),
  'cnn-valid': cnn(
    [28, 28, 1],
    [
      [32, 3, 'valid'],
      [64, 3, 'valid'],
    ],
    64,
    10,
  ),
  'cnn-30-70': cnn(
    [28, 28, 1],
    [
      [30, 5, 'valid'],
      [70, 3, 'valid'],
    ],
    100,
    10,
  ),
  'cnn-dropout': (name) =>
    tf.sequential({
      name: 'sequential',
      layers: [
        tf.layers.conv2d({
          name: name('conv2d'),
          filters: 16,
          kernelSize: 3,
          activation: relu,
          inputShape: [28, 28, 1],
        }),
        tf.layers.conv2d({ name: name('conv2d'), filters: 32, kernelSize: 3, activation: relu }),
        tf.layers.maxPooling2d({ name: name('max_pooling2d'), poolSize: 2 }),
        tf.layers.dropout({ name: name('dropout'), rate: 0.25 }),
        tf.layers.flatten({ name: name('flatten') }),
        tf.layers.dense({ name: name('dense'), units: 128, activation: relu }),
        tf.layers.dropout({ name: name('dropout'), rate: 0.5 }),
        tf.layers.dense({ name: name('dense'), units: 10, activation: 'softmax' }),
      ],
    }),
  'cifar10-cnn': (name) =>
    tf.sequential({
      name: 'sequential',
      layers: [
        tf.layers.conv2d({
          name: name('conv2d'),
          filters: 16,
          kernelSize: 2,
          padding: 'same',
          activation: relu,
          inputShape: [32, 32, 3],
        }),
        tf.layers.maxPooling2d({ name: name('max_pooling2d'), poolSize: 2 }),
        tf.layers.conv2d({
          name: name('conv2d'),
          filters: 32,
          kernelSize: 2,
          padding: 'same',
          activation: relu,
        }),
        tf.layers.maxPooling2d({ name: name('max_pooling2d'), poolSize: 2 }),
        tf.layers.conv2d({
          name: name('conv2d'),
          filters: 64,
          kernelSize: 2,
          padding: 'same',
          activation: relu,
        }),
        tf.layers.maxPooling2d({ name: name('max_pooling2d'), poolSize: 2 }),
        tf.layers.dropout({ name: name('dropout'), rate: 0.3 }),
        tf.layers.flatten({ name: name('flatten') }),
        tf.layers.dense({ name: name('dense'), units: 500, activation: relu }),
        tf.layers.dropout({ name: name('dropout'), rate: 0.4 }),
        tf.layers.dense({ name: name('dense'), units: 10, activation: 'softmax' }),
      ],
    }),
  'hotdog-cnn': (name) =>
    tf.sequential({
      name: 'sequential',
      layers: [
        ...[16, 32, 64].flatMap((filters, i) => [
          tf.layers.conv2d({
            name: name('conv2d'),
            filters,
            kernelSize: 3,
            activation: relu,
            ...(i === 0 ? { inputShape: [64, 64, 1] } : {}),
          }),
          tf.layers.maxPooling2d({ name: name('max_pooling2d'), poolSize: 2 }),
        ]),
        tf.layers.flatten({ name: name('flatten') }),
        tf.layers.dense({ name: name('dense'), units: 64, activation: relu }),
        tf.layers.dropout({ name: name('dropout'), rate: 0.5 }),
        tf.layers.dense({ name: name('dense'), units: 2, activation: 'softmax' }),
      ],
    }),
  // A functional model with a skip connection, BatchNormalization and Concatenate.
  'resnet-block': (name) => {
    const input = tf.input({ name: name('input_layer'), shape: [16, 16, 3] });
    const c1 = tf.layers
      .conv2d({ name: name('conv2d'), filters: 8, kernelSize: 3, padding: 'same', useBias: false })
      .apply(input) as tf.SymbolicTensor;
    const bn = tf.layers
      .batchNormalization({ name: name('batch_normalization') })
      .apply(c1) as tf.SymbolicTensor;
    const a = tf.layers
      .activation({ name: name('activation'), activation: relu })
      .apply(bn) as tf.SymbolicTensor;
    const c2 = tf.layers
      .conv2d({ name: name('conv2d'), filters: 3, kernelSize: 3, padding: 'same' })
      .apply(a) as tf.SymbolicTensor;
    const sum = tf.layers.add({ name: name('add') }).apply([c2, input]) as tf.SymbolicTensor;
    const both = tf.layers
      .concatenate({ name: name('concatenate') })
      .apply([sum, a]) as tf.SymbolicTensor;
    const gap = tf.layers
      .globalAveragePooling2d({ name: name('global_average_pooling2d') })
      .apply(both) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ name: name('dense'), units: 10, activation: 'softmax' })
      .apply(gap) as tf.SymbolicTensor;
    return tf.model({ name: 'model', inputs: input, outputs: out });
  },
};

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  mkdirSync(OUT, { recursive: true });
  for (const [id, build] of Object.entries(NETWORKS)) {
    const model = build(namer());
    // tfjs's own save path, with the weights left out: the fixtures are about the topology.
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const json = {
          modelTopology: artifacts.modelTopology,
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy,
          weightsManifest: [{ paths: [`${id}.weights.bin`], weights: artifacts.weightSpecs }],
        };
        writeFileSync(join(OUT, `${id}.model.json`), `${JSON.stringify(json, null, 1)}\n`);
        return Promise.resolve({
          modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts),
        });
      }),
    );
    process.stdout.write(`${id}: ${model.countParams()} params\n`);
    model.dispose();
  }
}

await main();
