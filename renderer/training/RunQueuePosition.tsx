import type { RunView } from './runView';

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/** What a queued run's place in the queue says in words, or null when it is not waiting. */
export function queueText(run: RunView): string | null {
  if (run.status !== 'queued' || run.queuePosition === null) return null;
  const next =
    run.queuePosition === 1 ? 'next to start' : `${ordinal(run.queuePosition)} in the queue`;
  const why =
    run.maxRunning === null
      ? ''
      : ` This machine trains ${run.maxRunning} run${run.maxRunning === 1 ? '' : 's'} at once.`;
  return `Waiting: ${next}.${why}`;
}

/** A small note under a queued run's progress bar: its place in the queue, and why it waits. */
export function RunQueuePosition({ run }: { run: RunView }) {
  const text = queueText(run);
  if (text === null) return null;
  return (
    <p className="nc-note nc-queue-position" role="status" aria-label="Queue position">
      {text}
    </p>
  );
}
