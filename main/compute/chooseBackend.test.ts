// auto's decision with made-up timings: the fastest wins, the cache spares the measuring, a
// backend that fails is reported with its reason, and the bound on measuring cuts the rest.
import { describe, expect, it } from 'vitest';
import type { BackendMeasurement, ComputeBackend } from '../../shared/training/runEvents';
import { backendChoiceLine } from '../../shared/training/backendChoice';
import type { TimingsCache } from './backendTimingsCache';
import { chooseBackend } from './chooseBackend';
import type { StepTiming } from './chooseBackend';

/** A clock that the fake measurements advance: each takes `cost[name]` ms. */
function fakeMachine(
  speeds: Partial<Record<ComputeBackend, number | Error | StepTiming>>,
  cost: Partial<Record<ComputeBackend, number>> = {},
) {
  let t = 0;
  const measured: { name: ComputeBackend; deadline: number }[] = [];
  return {
    now: () => t,
    measured,
    measure: (name: ComputeBackend, deadline: number): Promise<StepTiming> => {
      measured.push({ name, deadline });
      t += cost[name] ?? 100;
      const speed = speeds[name];
      if (speed instanceof Error) return Promise.reject(speed);
      if (speed === undefined) return Promise.reject(new Error(`no speed for ${name}`));
      return Promise.resolve(
        typeof speed === 'number' ? { samplesPerSecond: speed, steps: 8 } : speed,
      );
    },
  };
}

function memoryCache(
  initial: Omit<BackendMeasurement, 'cached' | 'ms'> | null = null,
): TimingsCache & { writes: Omit<BackendMeasurement, 'cached' | 'ms'>[] } {
  let entry = initial;
  const writes: Omit<BackendMeasurement, 'cached' | 'ms'>[] = [];
  return {
    writes,
    read: () => Promise.resolve(entry),
    write: (m) => {
      entry = m;
      writes.push(m);
      return Promise.resolve();
    },
  };
}

describe('chooseBackend', () => {
  it('trains on the fastest backend, even when the chain lists a slower one first', async () => {
    const machine = fakeMachine({ webgpu: 1100, wasm: 8400 });
    const result = await chooseBackend({
      loaded: ['webgpu', 'wasm', 'cpu'],
      measure: machine.measure,
      now: machine.now,
    });
    expect(result.name).toBe('wasm');
    expect(result.measured?.timings.map((t) => [t.name, t.samplesPerSecond])).toEqual([
      ['wasm', 8400],
      ['webgpu', 1100],
    ]);
    // The CPU first (it starts at once), then the GPU; the plain JavaScript backend is not timed
    // when wasm loads, and says why.
    expect(machine.measured.map((m) => m.name)).toEqual(['wasm', 'webgpu']);
    expect(result.measured?.notMeasured).toEqual([
      { name: 'cpu', reason: expect.stringMatching(/not measured: the wasm backend/) as unknown },
    ]);
    expect(
      backendChoiceLine({
        name: result.name,
        skipped: [],
        ...(result.measured ? { measured: result.measured } : {}),
      }),
    ).toBe('wasm 8,400 samples/s, webgpu 1,100 samples/s: using wasm');
  });

  it('picks the GPU when it is faster, and writes the timings to the cache', async () => {
    const machine = fakeMachine({ webgpu: 8400, wasm: 1100 });
    const cache = memoryCache();
    const result = await chooseBackend({
      loaded: ['webgpu', 'wasm'],
      measure: machine.measure,
      now: machine.now,
      cache,
    });
    expect(result.name).toBe('webgpu');
    expect(result.measured).toMatchObject({ cached: false, ms: 200 });
    expect(cache.writes).toHaveLength(1);
    expect(cache.writes[0]?.timings.map((t) => t.name)).toEqual(['webgpu', 'wasm']);
  });

  it('takes an earlier measurement of the same shape from the cache without measuring', async () => {
    const machine = fakeMachine({ webgpu: 1, wasm: 1 });
    const cache = memoryCache({
      timings: [
        { name: 'webgpu', samplesPerSecond: 8400, steps: 16 },
        { name: 'wasm', samplesPerSecond: 1100, steps: 16 },
      ],
      notMeasured: [],
    });
    const result = await chooseBackend({
      loaded: ['webgpu', 'wasm'],
      measure: machine.measure,
      now: machine.now,
      cache,
    });
    expect(machine.measured).toEqual([]);
    expect(result.name).toBe('webgpu');
    expect(result.measured).toMatchObject({ cached: true, ms: 0 });
    expect(cache.writes).toEqual([]);
    expect(
      backendChoiceLine({
        name: 'webgpu',
        skipped: [],
        ...(result.measured ? { measured: result.measured } : {}),
      }),
    ).toBe(
      'webgpu 8,400 samples/s, wasm 1,100 samples/s: using webgpu (measured before on this computer)',
    );
  });

  it('reports a backend that fails to measure as not measured, with the reason, and uses another', async () => {
    const machine = fakeMachine({ webgpu: new Error('the device was lost'), wasm: 1100 });
    const result = await chooseBackend({
      loaded: ['webgpu', 'wasm'],
      measure: machine.measure,
      now: machine.now,
    });
    expect(result.name).toBe('wasm');
    expect(result.measured?.timings.map((t) => t.name)).toEqual(['wasm']);
    expect(result.measured?.notMeasured).toEqual([
      { name: 'webgpu', reason: 'could not be measured: the device was lost' },
    ]);
  });

  it('stops at the bound: what it leaves no time for is not measured, and the rest still compete', async () => {
    // Each gets an equal share of what is left; webgpu's first step runs 1.9 s, past its share
    // and the bound, so nothing is left for tfjs-node-gpu.
    const cache = memoryCache();
    const machine = fakeMachine(
      { 'tensorflow-gpu': 9000, webgpu: 5000, wasm: 1100 },
      { wasm: 100, webgpu: 1900 },
    );
    const result = await chooseBackend({
      loaded: ['tensorflow-gpu', 'webgpu', 'wasm'],
      measure: machine.measure,
      now: machine.now,
      cache,
    });
    expect(machine.measured).toEqual([
      { name: 'wasm', deadline: 2000 / 3 },
      { name: 'webgpu', deadline: 100 + 1900 / 2 },
    ]);
    expect(result.measured?.notMeasured).toEqual([
      { name: 'tensorflow-gpu', reason: 'not measured: the 2 s allowed for measuring were spent' },
    ]);
    expect(result.name).toBe('webgpu');
    // An incomplete measurement is not kept: the next run measures again.
    expect(cache.writes).toEqual([]);
  });

  it('compares a backend timed on its first step only by that lower bound, and does not keep it', async () => {
    const cache = memoryCache();
    const machine = fakeMachine({ webgpu: { samplesPerSecond: 600, steps: 0 }, wasm: 1100 });
    const result = await chooseBackend({
      loaded: ['webgpu', 'wasm'],
      measure: machine.measure,
      now: machine.now,
      cache,
    });
    expect(result.name).toBe('wasm');
    expect(
      backendChoiceLine({
        name: result.name,
        skipped: [],
        ...(result.measured ? { measured: result.measured } : {}),
      }),
    ).toBe('wasm 1,100 samples/s, webgpu at least 600 samples/s: using wasm');
    expect(cache.writes).toEqual([]);
  });

  it('measures nothing when only one backend is worth timing', async () => {
    const machine = fakeMachine({ wasm: 1100, cpu: 90 });
    const result = await chooseBackend({
      loaded: ['wasm', 'cpu'],
      measure: machine.measure,
      now: machine.now,
    });
    expect(result).toEqual({ name: 'wasm', measured: null });
    expect(machine.measured).toEqual([]);
  });

  it('falls back to wasm when no backend could be measured', async () => {
    const machine = fakeMachine({
      webgpu: new Error('out of memory'),
      wasm: new Error('out of memory'),
    });
    const result = await chooseBackend({
      loaded: ['webgpu', 'wasm'],
      measure: machine.measure,
      now: machine.now,
    });
    expect(result.name).toBe('wasm');
    expect(result.measured?.timings).toEqual([]);
    expect(result.measured?.notMeasured.map((n) => n.name)).toEqual(['wasm', 'webgpu']);
  });
});
