import type { RunEvent } from '../../shared/training/runEvents';
import type { WorkerExit } from './forkWorker';

/** How a run that ended without saying why is reported. */
export interface ExitFailure {
  readonly code: Extract<RunEvent, { type: 'failed' }>['code'];
  readonly message: string;
}

/** Exit status of a process that called abort() (128 + SIGABRT): how V8 ends on a full heap. */
const ABORT_EXIT = 134;
/** Exit status of a process killed with SIGKILL, as a shell or utilityProcess reports it. */
const KILL_EXIT = 137;

/**
 * Why a training process ended without a word, decided from its exit code and signal: an
 * out-of-memory only when V8 aborted the process on a full heap (SIGABRT with its fatal-error
 * report), a kill as a kill, whatever any message says.
 */
export function exitFailure(exit: WorkerExit): ExitFailure {
  const aborted = exit.signal === 'SIGABRT' || exit.code === ABORT_EXIT;
  if (aborted && /FATAL ERROR:.*(heap out of memory|Allocation failed)/i.test(exit.stderrTail))
    return {
      code: 'outOfMemory',
      message:
        'The training process ran out of memory and ended. Use a smaller batch size or a smaller network, or close other programs.',
    };
  if (exit.signal === 'SIGKILL' || exit.code === KILL_EXIT)
    return {
      code: 'crash',
      message:
        'The training process was killed (SIGKILL) from outside NetCanvas. If nothing you ran did that, the system may have been short of memory: try a smaller batch size or network.',
    };
  const last = exit.stderrTail
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .at(-1);
  const how = exit.signal ? `by signal ${exit.signal}` : `with exit code ${String(exit.code)}`;
  return {
    code: 'crash',
    message: `The training process ended unexpectedly ${how}${last ? `: ${last.trim().slice(0, 200)}` : ''}.`,
  };
}
