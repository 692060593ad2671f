import type { BackendReport } from '../../shared/training/runEvents';
import { backendChoiceLine } from '../../shared/training/backendChoice';

export interface BackendChoiceNoteProps {
  readonly report: BackendReport;
}

/**
 * How `auto` chose the run's backend: each backend's speed on this network, fastest first, then
 * the one used ("webgpu 8,400 samples/s, wasm 1,100 samples/s: using webgpu"). Nothing when the
 * run did not measure (a backend picked by hand, or only one worth timing).
 */
export function BackendChoiceNote({ report }: BackendChoiceNoteProps) {
  const line = backendChoiceLine(report);
  const notMeasured = report.measured?.notMeasured ?? [];
  if (!line) return null;
  return (
    <div className="nc-note nc-backend-choice" role="note" aria-label="Backend choice">
      <p>{line}</p>
      {notMeasured.length > 0 && (
        <details className="nc-details">
          <summary>Not measured</summary>
          <ul>
            {notMeasured.map((s) => (
              <li key={s.name}>
                <code>{s.name}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
