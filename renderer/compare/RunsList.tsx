import { useRunsStore } from '../training/runsStore';
import { formatDuration, formatPercent } from '../training/format';
import { datasetLabel, settingsLabel } from './runSummary';
import { runTask } from '../training/runTask';

const timeOf = (ms: number) =>
  new Date(ms).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** Every run this backend knows, newest first, with a checkbox to pick it for comparison. */
export function RunsList() {
  const order = useRunsStore((s) => s.order);
  const runs = useRunsStore((s) => s.runs);
  const selection = useRunsStore((s) => s.selection);
  const toggle = useRunsStore((s) => s.toggleSelected);
  if (order.length === 0)
    return (
      <p className="nc-empty">
        No runs yet. Train a network on the Training tab, or start the lesson.
      </p>
    );
  return (
    <table className="nc-runs">
      <caption>Runs</caption>
      <thead>
        <tr>
          <th scope="col">Pick</th>
          <th scope="col">Network</th>
          <th scope="col">Data set</th>
          <th scope="col">Settings</th>
          <th scope="col">Test accuracy</th>
          <th scope="col">Training time</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {order.map((id) => {
          const run = runs[id];
          if (!run) return null;
          const name = `${run.title} (${timeOf(run.startedAtMs)})`;
          return (
            <tr key={id} className={selection.includes(id) ? 'nc-picked' : undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Pick ${name}`}
                  checked={selection.includes(id)}
                  onChange={() => toggle(id)}
                />
              </td>
              <th scope="row">{name}</th>
              <td>{datasetLabel(run.request?.dataset)}</td>
              <td>{settingsLabel(run)}</td>
              <td>
                {runTask(run) === 'reconstruct'
                  ? '– (autoencoder)'
                  : formatPercent(run.result?.testAccuracy)}
              </td>
              <td>{formatDuration(run.trainingMs ?? run.progress?.elapsedMs)}</td>
              <td className={`nc-status nc-status-${run.status}`} title={run.error?.message}>
                {run.evaluating ? 'testing' : run.status}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
