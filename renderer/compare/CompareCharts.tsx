import uPlot from 'uplot';
import type { RunId } from '../../shared/training/runEvents';
import type { TrainingTask } from '../../shared/training/task';
import type { BestEpoch } from '../../shared/training/bestEpoch';
import { bestEpochReason } from '../../shared/training/bestEpoch';
import { useChartSmoothing } from '../training/chartSmoothing';
import type { RunSeries } from '../training/runSeries';
import { seriesFor } from '../training/runSeries';
import { smooth } from '../training/smoothing';
import { SmoothingControl } from '../training/SmoothingControl';
import type { ChartSeries } from '../training/UPlotChart';
import { UPlotChart } from '../training/UPlotChart';

type Metric = 'loss' | 'accuracy';

interface ChartSpec {
  readonly title: string;
  readonly y: Metric;
  /** Training: each batch as a line (raw behind smoothed) and each epoch as a dot; validation: a ring per epoch. */
  readonly validation: boolean;
}

const CHARTS: readonly ChartSpec[] = [
  { title: 'Training loss', y: 'loss', validation: false },
  { title: 'Validation loss', y: 'loss', validation: true },
  { title: 'Training accuracy', y: 'accuracy', validation: false },
  { title: 'Validation accuracy', y: 'accuracy', validation: true },
];

const valColumn = { loss: 'valLoss', accuracy: 'valAccuracy' } as const;

/** The series of one run on one chart, all in the run's colour. */
function runSeries(spec: ChartSpec, title: string, color: string): ChartSeries[] {
  if (spec.validation) return [{ label: `${title} (per epoch)`, stroke: color, mark: 'rings' }];
  return [
    { label: `${title} (per batch, raw)`, stroke: color, mark: 'faint', hideInLegend: true },
    { label: `${title} (per batch)`, stroke: color, mark: 'line' },
    { label: `${title} (per epoch)`, stroke: color, mark: 'dots' },
  ];
}

/** The columns of one run on one chart, in the order of {@link runSeries}. */
function runColumns(spec: ChartSpec, s: RunSeries, weight: number): uPlot.AlignedData[] {
  if (spec.validation) return [[s.epoch.x, s.epoch[valColumn[spec.y]]] as uPlot.AlignedData];
  return [
    [s.batch.x, s.batch[spec.y], smooth(s.batch[spec.y], weight)] as uPlot.AlignedData,
    [s.epoch.x, s.epoch[spec.y]],
  ];
}

export interface ComparedRun {
  readonly id: RunId;
  readonly title: string;
  /** Planned epochs, for the x axis. */
  readonly epochs: number | null;
  /** Reconstruct runs (autoencoders) have no accuracy and stay off the accuracy charts. */
  readonly task?: TrainingTask;
  /** Its best epoch (lowest validation loss, else training loss), marked on every chart. */
  readonly best?: BestEpoch | null;
}

/**
 * One chart per metric with the runs overlaid, each in its own colour, redrawn live as they
 * train. The x axis spans the longest run's planned epochs.
 */
export function CompareCharts({
  runs,
  colors,
}: {
  runs: readonly ComparedRun[];
  colors: readonly string[];
}) {
  const series = runs.map((r) => seriesFor(r.id));
  const subscribe = (listener: () => void) => {
    const offs = [
      ...series.map((s) => s.subscribe(listener)),
      useChartSmoothing.subscribe(listener),
    ];
    return () => offs.forEach((off) => off());
  };
  const epochs = Math.max(0, ...runs.map((r) => r.epochs ?? 0));
  const xRange = epochs > 0 ? ([0, epochs] as const) : undefined;
  const key = `${runs.map((r) => r.id).join('|')}-${epochs}`;
  const color = (i: number) => colors[i % colors.length] ?? '#8a8a8a';
  return (
    <div className="nc-run-charts">
      <SmoothingControl />
      <div className="nc-charts">
        {CHARTS.map((spec) => {
          // Each run keeps its colour (its index among all compared runs) on every chart.
          const shown = runs
            .map((r, i) => ({ r, i, s: series[i] }))
            .filter(({ r }) => spec.y !== 'accuracy' || r.task !== 'reconstruct');
          if (shown.length === 0) return null;
          return (
            <UPlotChart
              key={`${spec.title}-${key}`}
              title={spec.title}
              xLabel="epoch"
              yLabel={spec.y}
              unitRange={spec.y === 'accuracy'}
              xRange={xRange}
              series={shown.flatMap(({ r, i }) => runSeries(spec, r.title, color(i)))}
              markers={shown.flatMap(({ r, i }) =>
                r.best
                  ? [
                      {
                        x: r.best.epoch,
                        label: `${r.title}: best epoch ${r.best.epoch} (${bestEpochReason(r.best)})`,
                        stroke: color(i),
                      },
                    ]
                  : [],
              )}
              subscribe={subscribe}
              getData={() => {
                const weight = useChartSmoothing.getState().weight;
                return uPlot.join(shown.flatMap(({ s }) => (s ? runColumns(spec, s, weight) : [])));
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
