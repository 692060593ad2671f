import { describe, expect, it, vi } from 'vitest';
import type { NetCanvasApi } from '../../shared/api/backendApi';
import { ApiError } from './apiError';
import { createDispatch } from './dispatchApi';

/** An API whose every method records its call and answers 'done'. */
function fakeApi(): { api: NetCanvasApi; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const api = new Proxy({} as NetCanvasApi, {
    get: (_t, name: string) =>
      vi.fn((...args: unknown[]) => {
        calls.push([name, args]);
        return Promise.resolve('done');
      }),
  });
  return { api, calls };
}

describe('createDispatch', () => {
  it('passes well-formed arguments to the method and wraps its answer', async () => {
    const { api, calls } = fakeApi();
    const reply = await createDispatch(api)('stopRun', ['run-1']);
    expect(reply).toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([['stopRun', ['run-1']]]);
  });

  it('refuses an unknown method without calling anything', async () => {
    const { api, calls } = fakeApi();
    const reply = await createDispatch(api)('constructor', []);
    expect(reply).toMatchObject({ ok: false, code: 'notFound' });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['a number where a path goes', 'openProject', [42]],
    ['a path with a NUL byte', 'openProject', ['/tmp/a\0b']],
    ['a path longer than PATH_MAX', 'openProject', ['a'.repeat(5000)]],
    ['a forged run id', 'stopRun', ['../../etc/passwd']],
    ['arguments that are not an array', 'stopRun', { id: 'run-1' }],
    ['an unknown data-set kind', 'describeDataset', [{ kind: 'nope' }]],
    [
      'a predict payload above the pixel limit',
      'predict',
      ['run-1', new Array(512 * 512 * 4 + 1).fill(0)],
    ],
  ])('refuses %s with badRequest and never calls the service', async (_what, method, args) => {
    const { api, calls } = fakeApi();
    const reply = await createDispatch(api)(method, args);
    expect(reply).toMatchObject({ ok: false, code: 'badRequest' });
    expect(calls).toHaveLength(0);
  });

  it('passes a replayed epoch on, reads a left-out one (JSON null) as absent, and refuses epoch 0', async () => {
    const { api, calls } = fakeApi();
    const dispatch = createDispatch(api);
    expect(await dispatch('predict', ['run-1', [0, 255], 3])).toEqual({ ok: true, value: 'done' });
    expect(await dispatch('modelInsight', ['run-1', null])).toEqual({ ok: true, value: 'done' });
    expect(
      await dispatch('exportModel', [
        { source: { runId: 'run-1', epoch: 2 }, format: 'tfjs', path: null },
      ]),
    ).toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([
      ['predict', ['run-1', [0, 255], 3]],
      ['modelInsight', ['run-1', undefined]],
      ['exportModel', [{ source: { runId: 'run-1', epoch: 2 }, format: 'tfjs', path: null }]],
    ]);
    for (const [method, args] of [
      ['predict', ['run-1', [0], 0]],
      ['useEpoch', ['run-1', 1.5]],
      ['restoreFinalWeights', [42]],
      ['epochConfusion', ['run-1', 1, 1_000_000]],
    ] as const)
      expect(await dispatch(method, [...args])).toMatchObject({ ok: false, code: 'badRequest' });
    expect(calls).toHaveLength(3);
  });

  it('names the method and the argument that is wrong', async () => {
    const { api } = fakeApi();
    const reply = await createDispatch(api)('datasetPreview', [{ kind: 'mnist' }, 1000]);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^datasetPreview: argument 'perClass'/);
  });

  it('maps a service ApiError to its code and keeps other errors as internal', async () => {
    const failing = (e: Error) =>
      new Proxy({} as NetCanvasApi, { get: () => () => Promise.reject(e) });
    const bad = await createDispatch(
      failing(new ApiError('invalidProject', '/w/a.json is not a project')),
    )('openProject', ['/w/a.json']);
    expect(bad).toEqual({ ok: false, code: 'invalidProject', error: '/w/a.json is not a project' });
    const boom = await createDispatch(failing(new Error('disk on fire')))('listRuns', []);
    expect(boom).toEqual({ ok: false, code: 'internal', error: 'disk on fire' });
  });
});
