// auto's measurement for real: training steps of a small network timed on wasm and on WebGPU
// through Dawn's null adapter (which does no GPU work: its numbers are host overhead, not a GPU's,
// so auto never chooses it), within the bound, and the timings file round trip.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../shared/graph/types';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { compileModel } from '../training/buildModel';
import { autoBackend } from './autoBackend';
import { machineKey, networkKey, timingsCache } from './backendTimingsCache';
import { chooseBackend } from './chooseBackend';
import { tryBackend } from './selectBackend';
import { timeTrainSteps } from './timeTrainSteps';

const settings = {
  ...DEFAULT_TRAINING,
  batchSize: 16,
  optimizer: 'adam' as const,
  loss: 'categorical_crossentropy' as const,
};

async function build(): Promise<tf.LayersModel> {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [8, 8, 1] }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 4, activation: 'softmax' }),
    ],
  });
  compileModel(model, settings);
  return Promise.resolve(model);
}

const graph: Graph = {
  nodes: [
    {
      id: 'a',
      type: 'Input',
      name: 'input',
      params: { shape: [8, 8, 1] },
      position: { x: 0, y: 0 },
    },
    { id: 'b', type: 'Dense', name: 'dense', params: { units: 4 }, position: { x: 0, y: 0 } },
  ],
  edges: [{ id: 'e', source: 'a', target: 'b' }],
};

describe('auto backend measurement on this machine', () => {
  beforeAll(async () => {
    // Dawn's options count only at its first start in a process: the null adapter, on purpose.
    const gpu = await tryBackend('webgpu', { dawnOptions: ['backend=null'] });
    expect(gpu).toMatchObject({
      ok: true,
      detail: expect.stringContaining('null-backend') as unknown,
    });
    expect((await tryBackend('wasm')).ok).toBe(true);
  });

  it('times the network on wasm and WebGPU within the 2 s bound and picks the faster', async () => {
    const before = tf.memory().numTensors;
    const result = await chooseBackend({
      loaded: ['webgpu', 'wasm'],
      measure: async (name, deadline) => {
        await tf.setBackend(name);
        return timeTrainSteps(
          { build, inputShape: [8, 8, 1], batchSize: 16, loss: 'categorical_crossentropy' },
          deadline,
        );
      },
    });
    const timings = result.measured?.timings ?? [];
    expect(timings.map((t) => t.name).sort()).toEqual(['wasm', 'webgpu']);
    for (const t of timings) expect(t.samplesPerSecond).toBeGreaterThan(0);
    expect(result.name).toBe(timings[0]?.name);
    expect(timings[0]?.samplesPerSecond).toBeGreaterThanOrEqual(
      timings[1]?.samplesPerSecond ?? Infinity,
    );
    // The bound is checked between steps, so one step of this small network may run past it.
    expect(result.measured?.ms).toBeLessThan(3000);
    // Nothing is left behind: the models and data the measurement made are disposed.
    await tf.setBackend('wasm');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('never chooses the null adapter: with only it and wasm, wasm trains without measuring', async () => {
    // As initBackend('auto') leaves it: the first backend that loads is current.
    expect((await tryBackend('webgpu', { dawnOptions: ['backend=null'] })).ok).toBe(true);
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'netcanvas-timings-')), 'timings.json');
    const report = await autoBackend(
      { name: 'webgpu', skipped: [] },
      { graph, build, inputShape: [8, 8, 1], settings, cacheFile },
    );
    expect(report.name).toBe('wasm');
    expect(report.measured).toBeUndefined();
    expect(report.skipped).toContainEqual({
      name: 'webgpu',
      reason: expect.stringMatching(/null adapter .* does no GPU work/) as unknown,
    });
    expect(tf.getBackend()).toBe('wasm');
  });
});

describe('the timings file', () => {
  it('keeps a measurement per machine and network shape, and answers nothing for another', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netcanvas-timings-')), 'sub', 'timings.json');
    const machine = machineKey([{ name: 'wasm', detail: '8 threads' }]);
    const network = networkKey(graph, [8, 8, 1], settings);
    const measurement = {
      timings: [{ name: 'wasm' as const, samplesPerSecond: 1100, steps: 16 }],
      notMeasured: [],
    };
    expect(await timingsCache(file, machine, network).read()).toBeNull();
    await timingsCache(file, machine, network).write(measurement);
    expect(await timingsCache(file, machine, network).read()).toEqual(measurement);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
    // Another batch size, another machine: not the same entry.
    expect(
      await timingsCache(
        file,
        machine,
        networkKey(graph, [8, 8, 1], { ...settings, batchSize: 32 }),
      ).read(),
    ).toBeNull();
    expect(
      await timingsCache(file, machineKey([{ name: 'wasm', detail: '2 threads' }]), network).read(),
    ).toBeNull();
    // Names, ids and positions on the canvas do not change the shape's key.
    const renamed: Graph = {
      nodes: graph.nodes.map((n, i) => ({
        ...n,
        id: `n${i}`,
        name: `layer${i}`,
        position: { x: i, y: 9 },
      })),
      edges: [{ id: 'w', source: 'n0', target: 'n1' }],
    };
    expect(networkKey(renamed, [8, 8, 1], settings)).toBe(network);
  });
});
