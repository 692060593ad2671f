// Which compute backends load on this machine, asked once of a child process and remembered.
import { ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BackendListing } from '../../shared/api/backendApi';
import type { BackendProbe } from '../services/serviceTypes';

/**
 * The probe child's TypeScript entry, run through tsx like the training worker. A function: the
 * desktop app's CommonJS bundle has no `import.meta.url` and names its bundled entry instead.
 */
export const probeWorkerPath = (): string =>
  fileURLToPath(new URL('./probeWorker.ts', import.meta.url));

export interface ProbeOptions {
  /** The child's entry (default {@link probeWorkerPath}). */
  readonly workerPath?: string;
  /** Node flags for the child (default: load tsx). */
  readonly execArgv?: readonly string[];
  /** Give up after this long (default 60 s: starting Dawn or CUDA can take a while). */
  readonly timeoutMs?: number;
  /** Starts the child (default: `child_process.fork`; the desktop app passes utilityProcess). */
  readonly spawn?: (workerPath: string, execArgv: readonly string[]) => ProbeChild;
}

/** What the probe needs of its child process, whichever API started it. */
export interface ProbeChild {
  readonly stderr: NodeJS.ReadableStream | null;
  on(
    event: 'message',
    listener: (m: { listing?: BackendListing; error?: string }) => void,
  ): unknown;
  on(
    event: 'exit',
    listener: (code: number | null, signal?: NodeJS.Signals | null) => void,
  ): unknown;
  kill(): unknown;
}

const forkChild = (workerPath: string, execArgv: readonly string[]): ProbeChild =>
  fork(workerPath, [], { execArgv: [...execArgv], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });

function probeOnce(options: ProbeOptions): Promise<BackendListing> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = (options.spawn ?? forkChild)(
      options.workerPath ?? probeWorkerPath(),
      options.execArgv ?? ['--import', 'tsx'],
    );
    let stderr = '';
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(() =>
        reject(new Error(`The compute backend probe did not answer within ${timeoutMs / 1000} s.`)),
      );
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer | string) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    child.on('message', (m: { listing?: BackendListing; error?: string }) => {
      if (m.listing) {
        const listing = m.listing;
        finish(() => resolve(listing));
      } else
        finish(() =>
          reject(new Error(`The compute backend probe failed: ${m.error ?? 'no reason given'}`)),
        );
    });
    if (child instanceof ChildProcess)
      child.on('error', (e) =>
        finish(() => reject(new Error(`The compute backend probe could not start: ${e.message}`))),
      );
    child.on('exit', (code, signal) =>
      finish(() =>
        reject(
          new Error(
            `The compute backend probe ended (${signal ?? `code ${String(code)}`}) without an answer. ${stderr.trim()}`,
          ),
        ),
      ),
    );
  });
}

/**
 * A {@link BackendProbe} that tries every backend in a child process, so the app process never
 * loads native tfjs or Dawn, and keeps the first answer (what is installed does not change while
 * the app runs). A failed probe is not kept: the next call tries again.
 *
 * @example
 * const listing = await createBackendProbe().listBackends(); // { backends: [...], auto: { name: 'wasm', skipped } }
 */
export function createBackendProbe(options: ProbeOptions = {}): BackendProbe {
  let cached: Promise<BackendListing> | undefined;
  return {
    listBackends() {
      cached ??= probeOnce(options).catch((e: unknown) => {
        cached = undefined;
        throw e;
      });
      return cached;
    },
  };
}
