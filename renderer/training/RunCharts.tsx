import uPlot from 'uplot';
import type { RunId } from '../../shared/training/runEvents';
import type { TrainingTask } from '../../shared/training/task';
import { RECONSTRUCTION_LOSS_WORDS } from '../../shared/training/task';
import type { BestEpoch } from '../../shared/training/bestEpoch';
import { bestEpochReason } from '../../shared/training/bestEpoch';
import { useChartSmoothing } from './chartSmoothing';
import { seriesFor } from './runSeries';
import { smooth } from './smoothing';
import { SmoothingControl } from './SmoothingControl';
import type { ChartMarker, ChartSeries } from './UPlotChart';
import { UPlotChart } from './UPlotChart';

/** The run's colour (training) and the validation colour: Okabe–Ito blue and vermilion. */
const TRAIN = '#0072b2';
const VAL = '#d55e00';

const lines = (metric: string): ChartSeries[] => [
  {
    label: `training ${metric} (per batch, raw)`,
    stroke: TRAIN,
    mark: 'faint',
    hideInLegend: true,
  },
  { label: `training ${metric} (per batch)`, stroke: TRAIN, mark: 'line' },
  { label: `training ${metric} (per epoch)`, stroke: TRAIN, mark: 'dots' },
  { label: `validation ${metric} (per epoch)`, stroke: VAL, mark: 'rings' },
];

/**
 * Live loss and accuracy curves of one run: each batch's own values (raw, and smoothed as the
 * slider says) and the per-epoch training and validation values. The x axis spans the run's own
 * planned epochs when they are known. A reconstruct run has no accuracy: its one chart is the
 * reconstruction loss.
 */
export function RunCharts({
  runId,
  epochs,
  task = 'classify',
  best = null,
}: {
  runId: RunId;
  epochs: number | null;
  task?: TrainingTask;
  best?: BestEpoch | null;
}) {
  // The best epoch (lowest validation loss, else training loss) marked on both charts.
  const markers: ChartMarker[] = best
    ? [
        {
          x: best.epoch,
          label: `Best epoch ${best.epoch} (${bestEpochReason(best)})`,
          stroke: best.by === 'val_loss' ? VAL : TRAIN,
        },
      ]
    : [];
  const s = seriesFor(runId);
  const subscribe = (listener: () => void) => {
    const offSeries = s.subscribe(listener);
    const offSmoothing = useChartSmoothing.subscribe(listener);
    return () => {
      offSeries();
      offSmoothing();
    };
  };
  const xRange = epochs ? ([0, epochs] as const) : undefined;
  const data = (metric: 'loss' | 'accuracy', val: 'valLoss' | 'valAccuracy') => () =>
    uPlot.join([
      [s.batch.x, s.batch[metric], smooth(s.batch[metric], useChartSmoothing.getState().weight)],
      [s.epoch.x, s.epoch[metric], s.epoch[val]],
    ] as uPlot.AlignedData[]);
  return (
    <div className="nc-run-charts">
      <SmoothingControl />
      <div className="nc-charts">
        <UPlotChart
          key={`loss-${runId}-${epochs ?? ''}`}
          title={task === 'reconstruct' ? 'Reconstruction loss' : 'Loss'}
          xLabel="epoch"
          yLabel={task === 'reconstruct' ? RECONSTRUCTION_LOSS_WORDS : 'loss'}
          xRange={xRange}
          series={lines(task === 'reconstruct' ? RECONSTRUCTION_LOSS_WORDS : 'loss')}
          subscribe={subscribe}
          markers={markers}
          getData={data('loss', 'valLoss')}
        />
        {task === 'classify' && (
          <UPlotChart
            key={`accuracy-${runId}-${epochs ?? ''}`}
            title="Accuracy"
            xLabel="epoch"
            yLabel="accuracy"
            unitRange
            xRange={xRange}
            series={lines('accuracy')}
            markers={markers}
            subscribe={subscribe}
            getData={data('accuracy', 'valAccuracy')}
          />
        )}
      </div>
    </div>
  );
}
