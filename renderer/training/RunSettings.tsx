import { datasetLabel } from '../compare/runSummary';
import { formatCount } from './format';
import type { RunView } from './runView';

/**
 * The settings this run was trained with, read from its own request: the form beside it holds
 * the project's settings for the next run, which may have changed since.
 */
export function RunSettings({ run }: { run: RunView }) {
  const request = run.request;
  if (!request) return null;
  const s = request.settings;
  const samples = run.trainSamples ?? s.limit;
  const items: [string, string][] = [
    ['Data set', datasetLabel(request.dataset)],
    ['Epochs', String(s.epochs)],
    ['Training samples', samples === null ? 'all' : formatCount(samples)],
    ['Batch size', String(s.batchSize)],
    ['Learning rate', String(s.learningRate)],
    ['Optimizer', s.optimizer],
    ['Validation split', String(s.validationSplit)],
  ];
  return (
    <dl className="nc-run-settings" aria-label="Run settings">
      {items.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
