// How the host starts a run's training process, whatever starts it: `child_process.fork` here (the
// CLI, the web shell, tests), Electron's utilityProcess in the desktop app (main/electron).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunId } from '../../shared/training/runEvents';
import type { HostToWorker } from '../training/workerMessages';

/** How a run's process ended. */
export interface WorkerExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** The end of what the process wrote to stderr (V8's "heap out of memory" lands there). */
  readonly stderrTail: string;
}

/** The host's handle on one training process, whatever started it. */
export interface WorkerHandle {
  send(message: HostToWorker): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process has ended for any reason. */
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Ends the process at once. */
  kill(): void;
}

/** Starts the training process for one run (Electron passes one built on utilityProcess). */
export type SpawnWorker = (runId: RunId) => WorkerHandle;

/**
 * The worker's TypeScript entry, run through tsx. A function, not a constant: the Electron
 * bundle is CommonJS, where `import.meta.url` does not exist, and it names its own entry.
 */
export const trainWorkerPath = (): string =>
  fileURLToPath(new URL('../training/trainWorker.ts', import.meta.url));

const STDERR_TAIL = 4000;

/**
 * The default spawn: `child_process.fork` of the worker's .ts entry under tsx, with structured
 * clone IPC. `execArgv` adds Node flags (e.g. `--max-old-space-size=4096`).
 */
export function forkWorker(
  execArgv: readonly string[] = [],
  entry: string = trainWorkerPath(),
): SpawnWorker {
  // A bundled .cjs entry runs as it is; the .ts source needs tsx.
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return () => {
    const child = fork(entry, [], {
      execArgv: [...loader, ...execArgv],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let tail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    return {
      send: (m) => {
        if (child.connected) child.send(m);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        // 'close' waits for stderr to drain, so the tail is complete.
        child.once('close', (code, signal) => listener({ code, signal, stderrTail: tail }));
      },
      kill: () => child.kill('SIGKILL'),
    };
  };
}
