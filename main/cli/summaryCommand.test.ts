import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProject } from '../../shared/project/newProject';
import { serializeProject } from '../../shared/project/parseProject';
import { stackGraph } from '../../shared/templates/stackGraph';
import type { Graph } from '../../shared/graph/types';
import type { SummaryJson } from '../../shared/summary/summaryJson';

const ROOT = join(import.meta.dirname, '..', '..');
const TFJS = join(ROOT, 'shared', 'keras', 'fixtures', 'tfjs');
let dir = '';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command, as a user runs it. */
function netcanvas(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'netcanvas.mjs'), ...args],
      { cwd: ROOT, timeout: 30_000 },
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

const sequential = (layers: unknown[]) =>
  JSON.stringify({
    modelTopology: { class_name: 'Sequential', config: { name: 'sequential', layers } },
  });
const input = (shape: number[]) => ({
  class_name: 'InputLayer',
  config: { name: 'input_1', batch_input_shape: [null, ...shape] },
});
const layer = (cls: string, name: string, config: object, inbound: string[]) => ({
  class_name: cls,
  name,
  config: { name, ...config },
  inbound_nodes: inbound.length ? [inbound.map((s) => [s, 0, 0, {}])] : [],
});
const functional = (layers: unknown[]) =>
  JSON.stringify({
    class_name: 'Functional',
    config: {
      name: 'model',
      layers,
      input_layers: [['input_1', 0, 0]],
      output_layers: [['dense_1', 0, 0]],
    },
  });

/** Project files broken the ways a hand edit breaks them. */
function projectFiles(): Record<string, string> {
  const base = stackGraph([
    ['InputLayer', { shape: [8] }],
    ['Dense', { units: 4 }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);
  const project = (graph: Graph) => serializeProject(newProject('Broken', graph));
  const [inputNode, dense, last] = base.nodes;
  if (!inputNode || !dense || !last) throw new Error('stackGraph gave too few nodes');
  return {
    'cycle.netcanvas.json': project({
      ...base,
      edges: [...base.edges, { id: 'back', source: last.id, target: dense.id }],
    }),
    'missing.netcanvas.json': project({
      ...base,
      edges: [...base.edges, { id: 'ghost', source: 'dense_9', target: last.id }],
    }),
    'lstm.netcanvas.json': project({
      ...base,
      nodes: [inputNode, { ...dense, type: 'LSTM' }, last],
    }),
    'negative.netcanvas.json': project({
      ...base,
      nodes: [inputNode, { ...dense, params: { units: -4 } }, last],
    }),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netcanvas-summary-'));
  const cnn = readFileSync(join(TFJS, 'cnn-valid.model.json'), 'utf8');
  const files: Record<string, string> = {
    'empty.json': '',
    'truncated.json': cnn.slice(0, Math.floor(cnn.length / 2)),
    'not-json.json': 'model: cnn\nlayers: 3\n',
    'lstm.json': sequential([
      input([4, 8]),
      { class_name: 'LSTM', config: { name: 'lstm', units: 4 } },
    ]),
    'negative.json': sequential([
      input([8]),
      { class_name: 'Dense', config: { name: 'dense', units: -3 } },
    ]),
    'ten.json': sequential([
      input([8]),
      { class_name: 'Dense', config: { name: 'dense', units: 'ten' } },
    ]),
    'cycle.json': functional([
      layer('InputLayer', 'input_1', { batch_input_shape: [null, 4] }, []),
      layer('Dense', 'dense', { units: 4 }, ['dense_1']),
      layer('Dense', 'dense_1', { units: 4 }, ['dense']),
    ]),
    'missing.json': functional([
      layer('InputLayer', 'input_1', { batch_input_shape: [null, 4] }, []),
      layer('Dense', 'dense_1', { units: 4 }, ['dense_0']),
    ]),
    'kernel.json': sequential([
      input([4, 4, 1]),
      { class_name: 'Conv2D', config: { name: 'conv2d', filters: 8, kernel_size: [5, 5] } },
    ]),
    'deep.json': `{"modelTopology": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    'neither.json': '{"weightsManifest": []}',
    'kernel.netcanvas.json': serializeProject(
      newProject(
        'Too small',
        stackGraph([
          ['InputLayer', { shape: [4, 4, 1] }],
          ['Conv2D', { filters: 8, kernel_size: [5, 5] }],
          ['Flatten'],
          ['Dense', { units: 10, activation: 'softmax' }],
        ]),
      ),
    ),
    ...projectFiles(),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  mkdirSync(join(dir, 'folder.json'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('netcanvas summary on bad input: exit 1, one line on stderr, no stack trace', () => {
  const cases: [file: string, says: RegExp][] = [
    ['nothing-here.json', /cannot read the file: no such file$/],
    ['folder.json', /is a folder, not a file$/],
    ['empty.json', /the file is empty$/],
    ['truncated.json', /not valid JSON.*truncated/],
    ['not-json.json', /not valid JSON: Unexpected token$/],
    ['lstm.json', /layers\[1\] \(lstm\): unknown layer class "LSTM"/],
    ['negative.json', /layers\[1\]\.config\.units \(dense\): .*-3/],
    ['ten.json', /layers\[1\]\.config\.units \(dense\): .*"ten"/],
    ['cycle.json', /\(dense\): the layers form a loop: "dense" → "dense_1" → "dense"/],
    [
      'missing.json',
      /layers\[1\]\.inbound_nodes\[0\]\[0\] \(dense_1\): refers to missing layer "dense_0"$/,
    ],
    ['kernel.json', /layer 'conv2d': .*5.*4/],
    ['deep.json', /nests deeper than 64 levels/],
    ['neither.json', /neither a NetCanvas project .* nor a Keras/],
    ['kernel.netcanvas.json', /layer 'conv2d': .*5.*4/],
    ['cycle.netcanvas.json', /layer '(dense|dense_1)': .*loop/],
    ['missing.netcanvas.json', /does not exist \(dense_9\)/],
    ['lstm.netcanvas.json', /layer 'dense': .*"LSTM", which NetCanvas does not know/],
    ['negative.netcanvas.json', /layer 'dense': .*units/],
  ];
  it.each(cases)(
    '%s',
    async (file, says) => {
      const path = join(dir, file);
      const run = await netcanvas('summary', path);
      expect(run.code).toBe(1);
      const lines = run.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]?.startsWith(`netcanvas: ${path}: `), run.stderr).toBe(true);
      expect(lines[0]).toMatch(says);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    40_000,
  );

  it('a model that reads but has errors still prints its table, with the error under it', async () => {
    const run = await netcanvas('summary', join(dir, 'kernel.netcanvas.json'));
    expect(run.stdout).toMatch(/│ conv2d \(Conv2D\) +│ \? +│ +\? │/);
    expect(run.stdout).toMatch(/^Error: conv2d: /m);
  }, 40_000);

  it('with --json the errors are in the JSON too', async () => {
    const run = await netcanvas('summary', join(dir, 'kernel.netcanvas.json'), '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as SummaryJson;
    expect(json.errors).toEqual([
      expect.objectContaining({ code: 'kernelTooLarge', layer: 'conv2d' }),
    ]);
    expect(json.layers[0]).toEqual({
      name: 'conv2d',
      type: 'Conv2D',
      outputShape: null,
      params: null,
    });
  }, 40_000);
});

describe('netcanvas summary on tfjs-written model.json files of the tutorial networks', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(readdirSync(TFJS).filter((f) => f.endsWith('.model.json')))(
    '%s: every layer shape and count, and the totals, as tfjs has them',
    async (file) => {
      const run = await netcanvas('summary', join(TFJS, file), '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as SummaryJson;
      const topology = (
        JSON.parse(readFileSync(join(TFJS, file), 'utf8')) as { modelTopology: object }
      ).modelTopology;
      const model = await tf.models.modelFromJSON(
        topology as Parameters<typeof tf.models.modelFromJSON>[0],
      );
      expect(json.layers).toEqual(
        model.layers.map((l) => ({
          name: l.name,
          type: l.getClassName(),
          outputShape: l.outputShape,
          params: l.countParams(),
        })),
      );
      const nonTrainable = model.nonTrainableWeights.reduce(
        (s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1),
        0,
      );
      expect([json.totalParams, json.trainableParams, json.nonTrainableParams]).toEqual([
        model.countParams(),
        model.countParams() - nonTrainable,
        nonTrainable,
      ]);
      model.dispose();
    },
    40_000,
  );

  it('reads a Keras 3 config.json too, printing the functional table with Connected to', async () => {
    const run = await netcanvas(
      'summary',
      join(ROOT, 'shared', 'keras', 'fixtures', 'keras', 'keras3-functional-inception.config.json'),
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Model: "functional"');
    expect(run.stdout).toMatch(
      /│ concatenate \(Concatenate\) +│ \(None, 32, 32, 16\) +│ +0 │ conv2d\[0\]\[0\], conv2d_1\[0\]\[0\] +│/,
    );
    expect(run.stdout).toContain(' Total params: 41,226 (161.04 KB)\n');
  }, 40_000);

  it('prints the classic MNIST CNN as Keras does', async () => {
    const run = await netcanvas('summary', join(TFJS, 'cnn-valid.model.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '│ conv2d_1 (Conv2D)                   │ (None, 11, 11, 64)           │          18,496 │',
    );
    expect(run.stdout).toContain(
      '│ flatten (Flatten)                   │ (None, 1600)                 │               0 │',
    );
    expect(
      run.stdout.endsWith(
        ' Total params: 121,930 (476.29 KB)\n Trainable params: 121,930 (476.29 KB)\n Non-trainable params: 0 (0.00 B)\n',
      ),
    ).toBe(true);
  }, 40_000);
});
