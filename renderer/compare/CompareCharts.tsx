import uPlot from 'uplot';
import type { RunId } from '../../shared/training/runEvents';
import type { RunSeries } from '../training/runSeries';
import { seriesFor } from '../training/runSeries';
import { UPlotChart } from '../training/UPlotChart';

type Pick = (s: RunSeries) => [x: number[], y: (number | null)[]];

// Training curves use the per-batch points while they exist (live and dense); runs loaded from
// the backend's history only have epochs.
const training =
  (metric: 'loss' | 'accuracy'): Pick =>
  (s) =>
    s.batch.x.length > 0 ? [s.batch.x, s.batch[metric]] : [s.epoch.x, s.epoch[metric]];

const METRICS: readonly { title: string; y: string; unit: boolean; pick: Pick }[] = [
  { title: 'Training loss', y: 'loss', unit: false, pick: training('loss') },
  { title: 'Validation loss', y: 'loss', unit: false, pick: (s) => [s.epoch.x, s.epoch.valLoss] },
  { title: 'Training accuracy', y: 'accuracy', unit: true, pick: training('accuracy') },
  { title: 'Validation accuracy', y: 'accuracy', unit: true, pick: (s) => [s.epoch.x, s.epoch.valAccuracy] },
];

/** One chart per metric with a line per run, redrawn live as the runs train. */
export function CompareCharts({ runs, colors }: { runs: readonly { id: RunId; title: string }[]; colors: readonly string[] }) {
  const series = runs.map((r) => seriesFor(r.id));
  const subscribe = (listener: () => void) => {
    const offs = series.map((s) => s.subscribe(listener));
    return () => offs.forEach((off) => off());
  };
  const key = runs.map((r) => r.id).join('|');
  return (
    <div className="nc-charts">
      {METRICS.map((m) => (
        <UPlotChart
          key={`${m.title}-${key}`}
          title={m.title}
          xLabel="epoch"
          yLabel={m.y}
          unitRange={m.unit}
          series={runs.map((r, i) => ({ label: r.title, stroke: colors[i % colors.length] ?? '#333', points: m.title.startsWith('Validation') }))}
          subscribe={subscribe}
          getData={() => uPlot.join(series.map((s) => m.pick(s)))}
        />
      ))}
    </div>
  );
}
