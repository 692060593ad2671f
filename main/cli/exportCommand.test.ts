// `netcanvas export` as a user runs it: ONNX from a trained model.json keeps the trained weights,
// and --strategy writes a distributed Python script.
import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import { serializeProject } from '../../shared/project/parseProject';
import { templateById } from '../../shared/templates/projectTemplates';
import { stackGraph } from '../../shared/templates/stackGraph';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { saveTfjsModel } from '../export/saveTfjsModel';
import { buildModel } from '../training/buildModel';

const ROOT = join(import.meta.dirname, '..', '..');
let dir = '';

function netcanvas(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'netcanvas.mjs'), ...args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'netcanvas-export-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('netcanvas export --format onnx', () => {
  it('writes the trained weights of a tfjs model.json, so ONNX Runtime predicts what tfjs predicts', async () => {
    const graph = stackGraph([
      ['InputLayer', { shape: [12, 12, 1] }],
      ['Conv2D', { filters: 3, kernel_size: [3, 3], activation: 'relu' }],
      ['MaxPooling2D'],
      ['Flatten'],
      ['Dense', { units: 4, activation: 'softmax' }],
    ]);
    const model = await buildModel(toKerasTopology(graph, { name: 'tiny' }), {
      ...DEFAULT_TRAINING,
      learningRate: 0.05,
    });
    const x = tf.tidy(() =>
      tf
        .linspace(0, 1, 8 * 144)
        .reshape([8, 12, 12, 1])
        .mul(7)
        .sin()
        .abs(),
    );
    // Training moves every weight (biases start at zero): an export of fresh weights would differ.
    for (let i = 0; i < 5; i++)
      await model.trainOnBatch(x, tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32'), 4));
    const ours = (await (model.predict(x) as tf.Tensor).data()) as Float32Array;
    await saveTfjsModel(model, join(dir, 'trained'));
    const out = join(dir, 'trained.onnx');

    const result = await netcanvas(
      'export',
      join(dir, 'trained', 'model.json'),
      '--format',
      'onnx',
      '--out',
      out,
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(out);
    const session = await ort.InferenceSession.create(await readFile(out));
    expect(session.inputNames).toEqual(['input_layer']);
    expect(session.outputNames).toEqual(['dense']);
    const theirs = (
      await session.run({ input_layer: new ort.Tensor('float32', await x.data(), [8, 12, 12, 1]) })
    ).dense?.data as Float32Array;
    expect(Math.max(...ours.map((p, i) => Math.abs(p - (theirs[i] ?? 0))))).toBeLessThan(1e-5);
  });
});

describe('netcanvas export --strategy', () => {
  const template = templateById('cnn-valid');
  if (!template) throw new Error('template cnn-valid is missing');

  it('writes a Python script that trains under MultiWorkerMirroredStrategy', async () => {
    const project = join(dir, 'cnn.netcanvas.json');
    await writeFile(project, serializeProject(template.project));
    const out = join(dir, 'cnn.py');
    const result = await netcanvas(
      'export',
      project,
      '--format',
      'python',
      '--strategy',
      'multi-worker',
      '--out',
      out,
    );
    expect(result.code).toBe(0);
    const py = await readFile(out, 'utf8');
    expect(py).toContain('strategy = tf.distribute.MultiWorkerMirroredStrategy()');
    expect(py).toContain('with strategy.scope():\n    model = keras.Sequential(');
    expect(py).toContain('TF_CONFIG');
  });

  it('refuses a strategy for a format that does not train', async () => {
    const result = await netcanvas(
      'export',
      join(dir, 'cnn.netcanvas.json'),
      '--format',
      'onnx',
      '--strategy',
      'mirrored',
      '--out',
      join(dir, 'x.onnx'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'netcanvas: --strategy mirrored applies to the Python script only; add --format python or leave --strategy out.\n',
    );
  });
});
