// Training processes in the desktop app, started with Electron's utilityProcess. The packaged app
// has the RunAsNode fuse off (electron-builder.yml), so `child_process.fork` of Electron's own
// binary would start another copy of the app instead of Node: utilityProcess is Electron's way.
import { utilityProcess } from 'electron';
import type { ProbeChild } from '../compute/probeBackends';
import type { SpawnWorker } from '../services/forkWorker';

const STDERR_TAIL = 4000;

/** A {@link SpawnWorker} over `utilityProcess.fork` of the bundled worker `entry`. */
export function utilityWorker(entry: string): SpawnWorker {
  return () => {
    const child = utilityProcess.fork(entry, [], {
      stdio: ['ignore', 'inherit', 'pipe'],
      serviceName: 'NetCanvas training',
    });
    let tail = '';
    let alive = true;
    child.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.once('exit', () => {
      alive = false;
    });
    return {
      send: (m) => {
        if (alive) child.postMessage(m);
      },
      onMessage: (listener) => child.on('message', listener),
      // utilityProcess reports an exit code only; a signal shows as a code the runService explains.
      onExit: (listener) =>
        child.once('exit', (code) => listener({ code, signal: null, stderrTail: tail })),
      kill: () => {
        child.kill();
      },
    };
  };
}

/** The backend probe's child (see probeBackends.ts) as a utilityProcess. */
export function utilityProbeChild(entry: string): ProbeChild {
  const child = utilityProcess.fork(entry, [], {
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: 'NetCanvas backend probe',
  });
  return {
    stderr: child.stderr,
    on: (event: 'message' | 'exit', listener: (...args: never[]) => void) =>
      child.on(event as 'exit', listener as (code: number) => void),
    kill: () => child.kill(),
  };
}
