// Exports a user would open elsewhere: plain TensorFlow.js, Keras JSON, a Python Keras script.
import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackGraph } from '../../shared/templates/stackGraph';
import { templateById } from '../../shared/templates/projectTemplates';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { buildModel } from '../training/buildModel';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { writeFileAtomic } from './atomicWrite';
import { exportModel } from './exportModel';
import { loadTrainedModel } from './loadTrainedModel';

const run = promisify(execFile);
const settings = { ...DEFAULT_TRAINING, epochs: 1, batchSize: 16 };
const graph = stackGraph([
  ['InputLayer', { shape: [28, 28, 1] }],
  ['Conv2D', { filters: 4, kernel_size: [3, 3], activation: 'relu' }],
  ['MaxPooling2D', { pool_size: [2, 2] }],
  ['Flatten'],
  ['Dense', { units: 10, activation: 'softmax' }],
]);

let dir = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'netcanvas-export-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A batch of deterministic pseudo-images. */
const inputs = (n: number) =>
  tf.tidy(() =>
    tf
      .linspace(0, 1, n * 784)
      .reshape([n, 28, 28, 1])
      .sin()
      .abs(),
  );

describe('tfjs export', () => {
  it('is loaded by a plain @tensorflow/tfjs process that predicts exactly what NetCanvas predicted', async () => {
    const model = await buildModel(toKerasTopology(graph), settings);
    const x = inputs(4);
    await model.trainOnBatch(x, tf.oneHot(tf.tensor1d([1, 2, 3, 4], 'int32'), 10));
    const ours = (model.predict(x) as tf.Tensor).arraySync() as number[][];
    const out = join(dir, 'tfjs');
    const { files } = await exportModel(
      { graph, settings, dataset: { kind: 'mnist' }, name: 'small cnn', model },
      'tfjs',
      out,
    );
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(['model.json', 'weights.bin']);
    const script = `
      import * as tf from '@tensorflow/tfjs';
      import { readFileSync } from 'node:fs';
      const json = JSON.parse(readFileSync(process.argv[1] + '/model.json', 'utf8'));
      const bin = readFileSync(process.argv[1] + '/' + json.weightsManifest[0].paths[0]);
      const weights = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
      await tf.setBackend('cpu');
      const model = await tf.loadLayersModel(tf.io.fromMemory(json.modelTopology, json.weightsManifest[0].weights, weights));
      const x = tf.linspace(0, 1, 4 * 784).reshape([4, 28, 28, 1]).sin().abs();
      process.stdout.write(JSON.stringify(model.predict(x).arraySync()));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, out], {
      cwd: process.cwd(),
    });
    const theirs = JSON.parse(stdout) as number[][];
    expect(theirs).toEqual(ours);
  });

  it('loads back to predict and to keep training', async () => {
    const loaded = await loadTrainedModel(join(dir, 'tfjs'));
    expect(loaded.countParams()).toBe(4 * 10 + 13 * 13 * 4 * 10 + 10);
    const x = inputs(4);
    const before = loaded.predict(x) as tf.Tensor;
    loaded.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    await loaded.fit(x, tf.oneHot(tf.tensor1d([1, 2, 3, 4], 'int32'), 10), {
      epochs: 2,
      verbose: 0,
    });
    const after = loaded.predict(x) as tf.Tensor;
    expect(tf.sub(before, after).abs().max().dataSync()[0]).toBeGreaterThan(0);
  });
});

describe('keras-json and python exports', () => {
  const cnn = templateById('cnn-valid');
  if (!cnn) throw new Error('template cnn-valid is missing');
  const { graph: cnnGraph, training, dataset, name } = cnn.project;

  it('writes a Keras topology that tfjs builds with the same parameter count', async () => {
    const path = join(dir, 'cnn.json');
    await exportModel({ graph: cnnGraph, settings: training, dataset, name }, 'keras-json', path);
    const model = await tf.models.modelFromJSON(
      JSON.parse(await readFile(path, 'utf8')) as Parameters<typeof tf.models.modelFromJSON>[0],
    );
    expect(model.countParams()).toBe(121_930);
  });

  it('writes a tutorial-style Python script whose layers add up to the same parameter count', async () => {
    const path = join(dir, 'cnn.py');
    await exportModel({ graph: cnnGraph, settings: training, dataset, name }, 'python', path);
    const py = await readFile(path, 'utf8');
    expect(py).toContain('keras.datasets.mnist.load_data()');
    expect(py).toContain('optimizer=keras.optimizers.Adam(learning_rate=0.001)');
    expect(py).toContain('loss="categorical_crossentropy"');
    expect(py).toMatch(
      /model\.fit\(x_train, y_train, batch_size=64, validation_split=0\.1, shuffle=True, epochs=5/,
    );
    // Re-derive the parameter count from the layer lines alone, as Keras would.
    let shape = (/INPUT_SHAPE = \((\d+), (\d+), (\d+)\)/.exec(py) ?? []).slice(1).map(Number);
    let total = 0;
    const lines = py.split('\n').filter((l) => /^\s+layers\.\w+\(/.test(l));
    expect(lines).toHaveLength(7);
    for (const line of lines) {
      const [, type = '', args = ''] = /layers\.(\w+)\((.*)\),/.exec(line) ?? [];
      const nums = (/^([\d(), ]*)/.exec(args)?.[1] ?? '').match(/\d+/g)?.map(Number) ?? [];
      const [h = 0, w = 0, c = 0] = shape;
      if (type === 'Conv2D') {
        const [f = 0, kh = 0, kw = 0] = nums;
        total += kh * kw * c * f + f;
        shape = [h - kh + 1, w - kw + 1, f];
      } else if (type === 'MaxPooling2D')
        shape = [Math.floor(h / (nums[0] ?? 2)), Math.floor(w / (nums[1] ?? 2)), c];
      else if (type === 'Flatten') shape = [shape.reduce((a, b) => a * b, 1)];
      else if (type === 'Dense') {
        total += (shape[0] ?? 0) * (nums[0] ?? 0) + (nums[0] ?? 0);
        shape = [nums[0] ?? 0];
      } else throw new Error(`unexpected layer line: ${line}`);
    }
    expect(total).toBe(121_930);
    expect(py).toContain('# Total params: 121,930');
  });
});

describe('atomic writes', () => {
  it('leaves the old file intact and no temporary file when the disk fills mid-write', async () => {
    const target = join(dir, 'model.py');
    await writeFile(target, 'old script\n');
    const { open, rename, unlink } = await import('node:fs/promises');
    const fullDisk = {
      rename,
      unlink,
      open: (async (...args: Parameters<typeof open>) => {
        const handle = await open(...args);
        const write = handle.writeFile.bind(handle);
        handle.writeFile = async (data: string) => {
          await write(data.slice(0, 10));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          });
        };
        return handle;
      }) as typeof open,
    };
    await expect(
      exportModel(
        { graph, settings, dataset: { kind: 'mnist' }, name: 'm' },
        'python',
        target,
        fullDisk,
      ),
    ).rejects.toThrow(
      `Could not write ${target}: the disk is full; free some space and try again.`,
    );
    expect(await readFile(target, 'utf8')).toBe('old script\n');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a read-only folder with a plain reason', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const ro = join(dir, 'ro');
    await mkdir(ro, { recursive: true });
    await chmod(ro, 0o555);
    await expect(writeFileAtomic(join(ro, 'a.py'), 'print(1)')).rejects.toThrow(
      /permission denied; choose a folder you can write to/,
    );
    expect(await readdir(ro)).toEqual([]);
    await chmod(ro, 0o755);
  });
});
