import uPlot from 'uplot';
import type { RunId } from '../../shared/training/runEvents';
import { seriesFor } from './runSeries';
import type { ChartSeries } from './UPlotChart';
import { UPlotChart } from './UPlotChart';

const TRAIN = '#2f6fdf';
const VAL = '#e0772a';

const lines = (metric: string): ChartSeries[] => [
  { label: `training ${metric} (per batch)`, stroke: TRAIN, width: 1 },
  { label: `training ${metric} (per epoch)`, stroke: TRAIN, width: 2.5, points: true },
  { label: `validation ${metric} (per epoch)`, stroke: VAL, width: 2.5, points: true, dash: [6, 4] },
];

/** Live loss and accuracy curves of one run, per batch and per epoch, training and validation. */
export function RunCharts({ runId }: { runId: RunId }) {
  const s = seriesFor(runId);
  const subscribe = (listener: () => void) => s.subscribe(listener);
  return (
    <div className="nc-charts">
      <UPlotChart
        key={`loss-${runId}`}
        title="Loss"
        xLabel="epoch"
        yLabel="loss"
        series={lines('loss')}
        subscribe={subscribe}
        getData={() =>
          uPlot.join([
            [s.batch.x, s.batch.loss],
            [s.epoch.x, s.epoch.loss, s.epoch.valLoss],
          ])
        }
      />
      <UPlotChart
        key={`accuracy-${runId}`}
        title="Accuracy"
        xLabel="epoch"
        yLabel="accuracy"
        unitRange
        series={lines('accuracy')}
        subscribe={subscribe}
        getData={() =>
          uPlot.join([
            [s.batch.x, s.batch.accuracy],
            [s.epoch.x, s.epoch.accuracy, s.epoch.valAccuracy],
          ])
        }
      />
    </div>
  );
}
