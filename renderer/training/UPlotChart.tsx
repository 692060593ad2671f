// A uPlot chart that React mounts once. New points reach it through `subscribe` and are drawn on
// the next animation frame with setData, so a stream of batches never re-renders React.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  readonly label: string;
  readonly stroke: string;
  readonly dash?: number[];
  readonly width?: number;
  /** Draw a dot per point (epoch values, where points are few). */
  readonly points?: boolean;
}

export interface UPlotChartProps {
  /** Accessible name of the chart region, and its visible title. */
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  /** Current data in uPlot's aligned layout: x first, then one column per series. */
  readonly getData: () => uPlot.AlignedData;
  /** Calls the listener whenever `getData` has something new; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Y range fixed to [0, 1] (accuracy). */
  readonly unitRange?: boolean;
  readonly height?: number;
}

const countPoints = (data: uPlot.AlignedData) =>
  data.slice(1).reduce((n, col) => n + (col as ArrayLike<number | null | undefined>).length - countNulls(col as ArrayLike<unknown>), 0);

function countNulls(col: ArrayLike<unknown>): number {
  let n = 0;
  for (let i = 0; i < col.length; i++) if (col[i] == null) n++;
  return n;
}

/**
 * One uPlot line chart. The props are read at mount: a chart for different series is a new chart
 * (give it a different `key`). `data-points` on the figure counts drawn values, for tests.
 */
export function UPlotChart(props: UPlotChartProps) {
  const figure = useRef<HTMLElement>(null);
  const plotBox = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const box = plotBox.current;
    const fig = figure.current;
    if (!box || !fig) return;
    const { series, xLabel, yLabel, unitRange, height = 220, getData, subscribe } = latest.current;
    const opts: uPlot.Options = {
      width: Math.max(240, box.clientWidth || 480),
      height,
      // Values under the cursor would print as "--" most of the time: the legend just names the lines.
      legend: { show: true, live: false },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false }, y: unitRange ? { range: [0, 1] } : { auto: true } },
      axes: [{ label: xLabel }, { label: yLabel }],
      series: [
        { label: xLabel },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.stroke,
          width: s.width ?? 2,
          spanGaps: true,
          points: { show: s.points ?? false },
          ...(s.dash ? { dash: s.dash } : {}),
        })),
      ],
    };
    const chart = new uPlot(opts, getData(), box);
    fig.dataset.points = String(countPoints(getData()));
    let frame: number | null = null;
    const draw = () => {
      frame = null;
      const data = getData();
      chart.setData(data);
      fig.dataset.points = String(countPoints(data));
    };
    const unsubscribe = subscribe(() => {
      frame ??= requestAnimationFrame(draw);
    });
    // Absent in jsdom; the chart then keeps its first width.
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            const width = box.clientWidth;
            if (width > 0) chart.setSize({ width, height });
          });
    resize?.observe(box);
    return () => {
      unsubscribe();
      resize?.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
      chart.destroy();
    };
  }, []);

  return (
    <figure ref={figure} className="nc-chart" role="group" aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <div ref={plotBox} className="nc-chart-plot" />
    </figure>
  );
}
