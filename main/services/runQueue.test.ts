// The run service's scheduling, with scripted processes instead of real training (fast): the
// queue, idle processes given back and reloaded on demand, memory accounting, typed replies,
// error codes, and how a process's end is named.
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRequest } from '../../shared/api/backendApi';
import { stackGraph } from '../../shared/templates/stackGraph';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import type { HostToWorker, StartMessage, WorkerToHost } from '../training/workerMessages';
import { ApiError } from './apiError';
import type { WorkerExit, WorkerHandle } from './forkWorker';
import { createRunService } from './runService';
import type { RunServiceOptions } from './runService';
import { shareOfCores } from './runCapacity';
import type { RunService } from './serviceTypes';
import { exitFailure } from './workerExit';

const graph = stackGraph([
  ['InputLayer', { shape: [28, 28, 1] }],
  ['Flatten'],
  ['Dense', { units: 10, activation: 'softmax' }],
]);
/** A run event without its run id (the scripted worker adds its own). */
type EventBody = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'runId'> : never) : never;

const request = (title: string): RunRequest => ({
  title,
  graph,
  dataset: { kind: 'mnist' },
  settings: DEFAULT_TRAINING,
  backend: 'cpu',
});

/** A training process the test plays: it records what the host sends and says what it is told to. */
class ScriptedWorker implements WorkerHandle {
  readonly sent: HostToWorker[] = [];
  killed = false;
  private messageListener: (m: unknown) => void = () => undefined;
  private exitListener: (e: WorkerExit) => void = () => undefined;
  constructor(readonly runId: string) {}
  send(message: HostToWorker): void {
    this.sent.push(message);
  }
  onMessage(listener: (m: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (e: WorkerExit) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
  }
  say(message: WorkerToHost): void {
    this.messageListener(message);
  }
  event(event: EventBody): void {
    this.say({ type: 'event', event: { ...event, runId: this.runId } as RunEvent });
  }
  exit(exit: Partial<WorkerExit>): void {
    this.exitListener({ code: null, signal: null, stderrTail: '', ...exit });
  }
  get start(): StartMessage | undefined {
    return this.sent.find((m): m is StartMessage => m.type === 'start');
  }
  /** Trains to the end: started, the model kept on disk, done. */
  finish(): void {
    this.event({
      type: 'started',
      backend: { name: 'cpu', skipped: [] },
      settings: DEFAULT_TRAINING,
      trainSamples: 10,
      validationSamples: 0,
      batchesPerEpoch: 1,
      estimatedMemoryMB: 300,
    });
    this.say({ type: 'kept' });
    this.event({
      type: 'done',
      result: {
        testLoss: 1,
        testAccuracy: 0.5,
        confusion: [],
        perClassAccuracy: [],
        misclassified: [],
      },
      samplesPerSecond: 1,
      trainingMs: 1,
      bestEpoch: null,
      stoppedEarly: false,
    });
  }
}

let service: RunService | null = null;
let workers: ScriptedWorker[] = [];
let events: RunEvent[] = [];

function createService(options: RunServiceOptions = {}): RunService {
  workers = [];
  events = [];
  service = createRunService({
    spawn: (id) => {
      const w = new ScriptedWorker(id);
      workers.push(w);
      return w;
    },
    memoryBudgetMB: 100_000,
    modelStore: '/nonexistent/netcanvas-test-store',
    ...options,
  });
  service.onEvent((e) => events.push(e));
  return service;
}

const workerOf = (id: string): ScriptedWorker[] => workers.filter((w) => w.runId === id);
const lastRequestId = (w: ScriptedWorker): number => {
  const m = w.sent.findLast((s) => 'requestId' in s);
  return m && 'requestId' in m ? m.requestId : -1;
};

afterEach(async () => {
  await service?.dispose();
  service = null;
});

describe('the run queue', () => {
  it('shares the cores among the runs training at once: each new run gets its part as wasm threads', async () => {
    const runs = createService({ maxRunning: 2 });
    await runs.start(request('A'));
    await runs.start(request('B'));
    const cores = availableParallelism();
    expect(workers.map((w) => w.start?.options.wasmThreads)).toEqual([
      cores,
      Math.max(1, Math.floor(cores / 2)),
    ]);
    expect([
      shareOfCores(8, 1),
      shareOfCores(8, 2),
      shareOfCores(8, 3),
      shareOfCores(2, 3),
    ]).toEqual([8, 4, 2, 1]);
  });

  it('trains at most maxRunning runs at once; the others wait with their position, and move up', async () => {
    const runs = createService({ maxRunning: 2 });
    const ids = [];
    for (const t of ['A', 'B', 'C', 'D']) ids.push(await runs.start(request(t)));
    const [a, b, c, d] = ids as [string, string, string, string];
    expect(workers.map((w) => w.runId)).toEqual([a, b]);
    expect(events).toEqual([
      { type: 'queued', runId: c, position: 1, maxRunning: 2 },
      { type: 'queued', runId: d, position: 2, maxRunning: 2 },
    ]);
    expect(runs.list().map((r) => [r.status, r.queuePosition])).toEqual([
      ['queued', null],
      ['queued', null],
      ['queued', 1],
      ['queued', 2],
    ]);
    workers[0]?.finish();
    // A's place goes to C; D moves up to first.
    expect(workers.map((w) => w.runId)).toEqual([a, b, c]);
    expect(events.filter((e) => e.type === 'queued').at(-1)).toEqual({
      type: 'queued',
      runId: d,
      position: 1,
      maxRunning: 2,
    });
    // Stopping a queued run takes it out of the queue without starting a process.
    await runs.stop(d);
    expect(events.at(-1)).toEqual({ type: 'stopped', runId: d });
    workers[1]?.event({ type: 'failed', code: 'crash', message: 'boom' });
    expect(workers.map((w) => w.runId)).toEqual([a, b, c]);
  });

  it('starts a run only when its memory fits beside the running ones, and tells each worker what the others hold', async () => {
    const runs = createService({ maxRunning: 8, memoryBudgetMB: 700 });
    const a = await runs.start(request('A'));
    workerOf(a)[0]?.event({
      type: 'started',
      backend: { name: 'cpu', skipped: [] },
      settings: DEFAULT_TRAINING,
      trainSamples: 1,
      validationSamples: 0,
      batchesPerEpoch: 1,
      estimatedMemoryMB: 400,
    });
    const b = await runs.start(request('B'));
    // 400 MB held by A; B's estimate (about 200 MB of runtime and a small network) fits in 700.
    expect(workerOf(b)).toHaveLength(1);
    expect(workerOf(b)[0]?.start?.options).toMatchObject({ reservedMB: 400, memoryBudgetMB: 700 });
    const c = await runs.start(request('C'));
    expect(workerOf(c)).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ type: 'queued', runId: c, position: 1 });
  });

  it('gives an idle finished run its process back and reloads the kept model on demand', async () => {
    const runs = createService({ idleMs: 5 });
    const id = await runs.start(request('A'));
    const first = workers[0];
    first?.finish();
    await new Promise((r) => setTimeout(r, 30));
    expect(first?.killed).toBe(true);
    expect(first?.sent.at(-1)).toEqual({ type: 'exit' });

    const answer = runs.insight(id);
    const second = workers[1];
    expect(second?.runId).toBe(id);
    expect(second?.sent[0]).toMatchObject({
      type: 'load',
      runId: id,
      modelDir: `/nonexistent/netcanvas-test-store/${id}`,
    });
    expect(second?.sent[1]).toMatchObject({ type: 'insight' });
    const value = { kernels: [], histograms: { before: [], after: [] } };
    second?.say({
      type: 'reply',
      requestId: lastRequestId(second),
      ok: true,
      kind: 'insight',
      value,
    });
    await expect(answer).resolves.toEqual(value);
    await new Promise((r) => setTimeout(r, 30));
    expect(second?.killed).toBe(true);
  });

  it('keeps the process of a run whose model could not be kept on disk', async () => {
    const runs = createService({ idleMs: 5 });
    await runs.start(request('A'));
    const w = workers[0];
    w?.event({
      type: 'started',
      backend: { name: 'cpu', skipped: [] },
      settings: DEFAULT_TRAINING,
      trainSamples: 1,
      validationSamples: 0,
      batchesPerEpoch: 1,
      estimatedMemoryMB: 1,
    });
    w?.event({ type: 'stopped' });
    await new Promise((r) => setTimeout(r, 30));
    expect(w?.killed).toBe(false);
  });
});

describe('replies and errors', () => {
  const failure = async (p: Promise<unknown>): Promise<ApiError> => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    }
    throw new Error('expected an ApiError');
  };

  it('answers an unknown run id with notFound, for every request', async () => {
    const runs = createService();
    const calls = [
      () => runs.predict('nope', [1]),
      () => runs.insight('nope'),
      () => runs.stop('nope'),
      () => runs.exportRun('nope', 'python', '/tmp/x.py'),
    ];
    for (const call of calls) expect((await failure(call())).code).toBe('notFound');
  });

  it('answers predict on a failed or unfinished run with conflict, naming the run and why', async () => {
    const runs = createService();
    const id = await runs.start(request('CNN'));
    expect((await failure(runs.predict(id, [1]))).message).toMatch(
      /Run 'CNN' is still queued; wait until it has finished/,
    );
    workers[0]?.event({ type: 'failed', code: 'nan', message: 'The loss became NaN.' });
    const e = await failure(runs.predict(id, [1]));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(
      "Run 'CNN' failed, so there is no trained model to predict with: The loss became NaN.",
    );
  });

  it('gives a failed export write its own code (disk full is 507, not 500)', async () => {
    const runs = createService();
    const id = await runs.start(request('A'));
    const w = workers[0];
    w?.finish();
    const exported = runs.exportRun(id, 'tfjs', '/full/disk');
    w?.say({
      type: 'reply',
      requestId: lastRequestId(w),
      ok: false,
      code: 'writeFailed',
      error: 'Could not write /full/disk/weights.bin: the disk is full.',
    });
    expect(await failure(exported)).toMatchObject({
      code: 'writeFailed',
      message: expect.stringMatching(/disk is full/) as unknown,
    });
  });

  it('refuses a reply of another kind than the request', async () => {
    const runs = createService();
    const id = await runs.start(request('A'));
    const w = workers[0];
    w?.finish();
    const predicted = runs.predict(id, [1]);
    w?.say({
      type: 'reply',
      requestId: lastRequestId(w),
      ok: true,
      kind: 'export',
      value: { files: [] },
    });
    await expect(predicted).rejects.toThrow(/answered a predict request with export/);
  });
});

describe('how a process that ended without a word is named', () => {
  it.each([
    ['SIGKILL from outside', { signal: 'SIGKILL' }, 'crash', /killed \(SIGKILL\)/],
    ['exit 137 (a kill, as utilityProcess reports it)', { code: 137 }, 'crash', /killed/],
    [
      'a full V8 heap (SIGABRT)',
      {
        signal: 'SIGABRT',
        stderrTail:
          'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      },
      'outOfMemory',
      /ran out of memory/,
    ],
    [
      'an abort that is not about memory',
      { signal: 'SIGABRT', stderrTail: 'Assertion failed: memory.cc line 3' },
      'crash',
      /signal SIGABRT: Assertion failed/,
    ],
    [
      'a message that mentions memory, exit 1',
      { code: 1, stderrTail: 'Error: not enough memory for the preview' },
      'crash',
      /exit code 1/,
    ],
  ] as const)('%s', (_title, exit, code, message) => {
    const failure = exitFailure({ code: null, signal: null, stderrTail: '', ...exit });
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(message);
  });

  it('a run whose process is killed fails as a crash, and the next queued run starts', async () => {
    const runs = createService({ maxRunning: 1 });
    const a = await runs.start(request('A'));
    const b = await runs.start(request('B'));
    workers[0]?.exit({ signal: 'SIGKILL' });
    expect(events.find((e) => e.type === 'failed')).toMatchObject({ runId: a, code: 'crash' });
    expect(workerOf(b)).toHaveLength(1);
  });
});
