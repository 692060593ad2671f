// The backend probe in a real child process: what loads on this machine, and why the rest do not.
import { describe, expect, it } from 'vitest';
import { COMPUTE_BACKENDS } from '../../shared/training/runEvents';
import { createBackendProbe } from './probeBackends';

describe('createBackendProbe', () => {
  it('lists every backend of the chain with a reason for each one that cannot load', async () => {
    const probe = createBackendProbe();
    const listing = await probe.listBackends();
    expect(listing.backends.map((b) => b.name)).toEqual([...COMPUTE_BACKENDS]);
    const byName = Object.fromEntries(listing.backends.map((b) => [b.name, b]));
    // This machine: no native tfjs packages, no GPU; wasm and cpu always load.
    expect(byName['tensorflow-gpu']?.reason).toMatch(
      /not installed \(@tensorflow\/tfjs-node-gpu\)/,
    );
    expect(byName.tensorflow?.reason).toMatch(/not installed \(@tensorflow\/tfjs-node\)/);
    expect(byName.webgpu?.available).toBe(false);
    expect(byName.webgpu?.reason).toMatch(/no GPU driver Dawn can use/);
    expect(byName.wasm).toEqual({ name: 'wasm', available: true, reason: null });
    expect(byName.cpu).toEqual({ name: 'cpu', available: true, reason: null });
    expect(listing.auto.name).toBe('wasm');
    expect(listing.auto.skipped.map((s) => s.name)).toEqual([
      'tensorflow-gpu',
      'webgpu',
      'tensorflow',
    ]);
    // Asked again: the same answer without another child process.
    const t0 = performance.now();
    expect(await probe.listBackends()).toBe(listing);
    expect(performance.now() - t0).toBeLessThan(50);
  }, 90_000);

  it('reports a probe that cannot start, and tries again on the next call', async () => {
    const probe = createBackendProbe({ workerPath: '/nonexistent/probeWorker.js', execArgv: [] });
    await expect(probe.listBackends()).rejects.toThrow(/compute backend probe ended \(code 1\)/);
    await expect(probe.listBackends()).rejects.toThrow(/probe ended/);
  });
});
