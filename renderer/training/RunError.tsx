import type { RunView } from './runView';

const HEADINGS: Record<NonNullable<RunView['error']>['code'], string> = {
  crash: 'The training process crashed',
  nan: 'The loss became NaN',
  outOfMemory: 'Out of memory',
  dataset: 'The data set could not be read',
  invalidModel: 'The network cannot be built',
  backend: 'The compute backend failed',
  request: 'The run could not start',
};

/** Why a run failed, in the backend's words under a plain heading; the rest of the app keeps working. */
export function RunError({ run }: { run: RunView }) {
  if (!run.error) return null;
  return (
    <div className="nc-run-error" role="alert">
      <strong>
        {run.title}: {HEADINGS[run.error.code]}.
      </strong>{' '}
      {run.error.message}
    </div>
  );
}
