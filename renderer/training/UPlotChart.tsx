// A uPlot chart that React mounts once. New points reach it through `subscribe` and are drawn on
// the next animation frame with setData, so a stream of batches never re-renders React.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ChartLegend } from './ChartLegend';
import { useDocumentTheme } from '../canvas/useDocumentTheme';

/**
 * How a series is drawn: `line` for per-batch values (many points), `dots` for per-epoch training
 * values, `rings` (hollow markers on a thin dashed line) for per-epoch validation values, `faint`
 * for the raw values behind a smoothed line. Line against markers tells the kinds apart without
 * relying on colour; the legend shows the same mark.
 */
export type SeriesMark = 'line' | 'faint' | 'dots' | 'rings';

export interface ChartSeries {
  readonly label: string;
  readonly stroke: string;
  readonly mark: SeriesMark;
  /** Left out of the legend (the raw line behind its smoothed twin). */
  readonly hideInLegend?: boolean;
}

/** A vertical mark at `x` (the best epoch), drawn as a dashed line with a labelled star on top. */
export interface ChartMarker {
  readonly x: number;
  /** Its accessible name, e.g. "Best epoch 3 (lowest validation loss)". */
  readonly label: string;
  readonly stroke: string;
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
  /** X range fixed to [min, max] (a run's planned epochs); otherwise it follows the data. */
  readonly xRange?: readonly [number, number];
  readonly height?: number;
  /** Vertical marks over the curves; they may change while the chart lives. */
  readonly markers?: readonly ChartMarker[];
}

const countPoints = (data: uPlot.AlignedData) =>
  data
    .slice(1)
    .reduce(
      (n, col) =>
        n +
        (col as ArrayLike<number | null | undefined>).length -
        countNulls(col as ArrayLike<unknown>),
      0,
    );

function countNulls(col: ArrayLike<unknown>): number {
  let n = 0;
  for (let i = 0; i < col.length; i++) if (col[i] == null) n++;
  return n;
}

/** uPlot's options for one series drawn as `mark`. */
function uPlotSeries(s: ChartSeries): uPlot.Series {
  const base = { label: s.label, stroke: s.stroke, spanGaps: true };
  switch (s.mark) {
    case 'line':
      return { ...base, width: 1.75, points: { show: false } };
    case 'faint':
      // The same colour at a quarter opacity (#rrggbbaa).
      return { ...base, stroke: `${s.stroke}40`, width: 1, points: { show: false } };
    case 'dots':
      return {
        ...base,
        width: 0,
        paths: () => null,
        points: { show: true, size: 8, stroke: s.stroke, fill: s.stroke },
      };
    case 'rings':
      return {
        ...base,
        width: 1,
        dash: [4, 4],
        points: { show: true, size: 9, width: 2, stroke: s.stroke, fill: 'rgba(0, 0, 0, 0)' },
      };
  }
}

/**
 * A design token's value when uPlot draws (its canvas cannot read CSS variables), so the axes
 * follow the theme; uPlot's own default is black text, unreadable on the dark theme.
 */
const token = (name: string) => () =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || 'gray';

/** An axis whose values, label, ticks and grid lines are drawn in the theme's colours. */
const themedAxis = (label: string): uPlot.Axis => ({
  label,
  stroke: token('--text-2'),
  grid: { stroke: token('--border-1'), width: 1 },
  ticks: { stroke: token('--border-1'), width: 1 },
});

/** Draws each marker's dashed line on the plot and puts its labelled star above it. */
function drawMarkers(
  u: uPlot,
  markers: readonly ChartMarker[],
  els: readonly (HTMLSpanElement | null)[],
  box: HTMLElement,
): void {
  const { ctx } = u;
  const { top, height } = u.bbox;
  const overLeft = u.over.getBoundingClientRect().left - box.getBoundingClientRect().left;
  const overTop = u.over.getBoundingClientRect().top - box.getBoundingClientRect().top;
  markers.forEach((m, i) => {
    const x = u.valToPos(m.x, 'x', true);
    ctx.save();
    ctx.strokeStyle = m.stroke;
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.restore();
    const el = els[i];
    if (el) {
      el.style.left = `${overLeft + u.valToPos(m.x, 'x')}px`;
      el.style.top = `${overTop}px`;
    }
  });
}

/**
 * One uPlot line chart. The props are read at mount: a chart for different series is a new chart
 * (give it a different `key`). `data-points` on the figure counts drawn values, for tests.
 */
export function UPlotChart(props: UPlotChartProps) {
  const figure = useRef<HTMLElement>(null);
  const plotBox = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const markerEls = useRef<(HTMLSpanElement | null)[]>([]);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const box = plotBox.current;
    const fig = figure.current;
    if (!box || !fig) return;
    const {
      series,
      xLabel,
      yLabel,
      unitRange,
      xRange,
      height = 220,
      getData,
      subscribe,
    } = latest.current;
    const opts: uPlot.Options = {
      width: Math.max(240, box.clientWidth || 480),
      height,
      // The legend is drawn by React below the plot: uPlot's squares cannot show line against markers.
      legend: { show: false },
      cursor: { drag: { x: true, y: false } },
      scales: {
        x: {
          time: false,
          ...(xRange ? { range: [xRange[0], xRange[1]] as uPlot.Range.MinMax } : {}),
        },
        y: unitRange ? { range: [0, 1] } : { auto: true },
      },
      axes: [themedAxis(xLabel), themedAxis(yLabel)],
      series: [{ label: xLabel }, ...series.map(uPlotSeries)],
      hooks: {
        draw: [(u) => drawMarkers(u, latest.current.markers ?? [], markerEls.current, box)],
      },
    };
    const chart = new uPlot(opts, getData(), box);
    chartRef.current = chart;
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
      chartRef.current = null;
    };
  }, []);
  const markers = props.markers ?? [];
  const markersKey = markers.map((m) => `${m.x}:${m.label}`).join('|');
  // A theme switch repaints the axes in the new theme's colours.
  const theme = useDocumentTheme();
  useEffect(() => {
    chartRef.current?.redraw(false, false);
  }, [markersKey, theme]);

  return (
    <figure ref={figure} className="nc-chart" role="group" aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <div ref={plotBox} className="nc-chart-plot">
        {markers.map((m, i) => (
          <span
            key={`${m.x}:${m.label}`}
            ref={(el) => {
              markerEls.current[i] = el;
            }}
            className="nc-chart-marker"
            role="img"
            aria-label={m.label}
            title={m.label}
            style={{ color: m.stroke }}
          >
            ★
          </span>
        ))}
      </div>
      <ChartLegend series={props.series.filter((s) => !s.hideInLegend)} />
    </figure>
  );
}
