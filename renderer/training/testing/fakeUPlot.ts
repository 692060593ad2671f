// A stand-in for uPlot in jsdom (which has no 2-D canvas): records what each chart was given, so
// tests can check the points drawn and that a chart is built once, not per batch.
import type uPlot from 'uplot';

export interface FakeChart {
  readonly title: string;
  readonly seriesLabels: readonly string[];
  /** The x scale's fixed range, when the chart was given one. */
  readonly xRange: readonly [number, number] | null;
  data: uPlot.AlignedData;
  setDataCalls: number;
  destroyed: boolean;
}

export const fakeCharts: FakeChart[] = [];

/** A class with uPlot's constructor shape; `join` is the real one, from the class the mock factory passes in. */
export function fakeUPlotClass(real: typeof uPlot) {
  return class FakeUPlot {
    static join(tables: uPlot.AlignedData[], nullModes?: uPlot.JoinNullMode[][]) {
      return real.join(tables, nullModes);
    }
    private readonly chart: FakeChart;
    constructor(opts: uPlot.Options, data: uPlot.AlignedData, target: HTMLElement) {
      const title = target.closest('figure')?.getAttribute('aria-label') ?? '';
      const range = opts.scales?.x?.range;
      const xRange =
        Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number'
          ? ([range[0], range[1]] as const)
          : null;
      const seriesLabels = opts.series
        .slice(1)
        .map((s) => (typeof s.label === 'string' ? s.label : ''));
      this.chart = { title, seriesLabels, xRange, data, setDataCalls: 0, destroyed: false };
      fakeCharts.push(this.chart);
    }
    setData(data: uPlot.AlignedData) {
      this.chart.data = data;
      this.chart.setDataCalls++;
    }
    setSize() {}
    redraw() {}
    destroy() {
      this.chart.destroyed = true;
    }
  };
}

/** Values drawn for the series labelled `label` in the chart titled `title` (nulls left out). */
export function pointsOf(title: string, label: string): number[] {
  const chart = fakeCharts.filter((c) => c.title === title && !c.destroyed).at(-1);
  if (!chart) throw new Error(`no live chart titled ${title}`);
  const i = chart.seriesLabels.indexOf(label);
  if (i < 0)
    throw new Error(`chart ${title} has no series ${label}: ${chart.seriesLabels.join(', ')}`);
  const col = chart.data[i + 1] as ArrayLike<number | null>;
  return Array.from(col).filter((v): v is number => v != null);
}

/**
 * The module `vi.mock('uplot', ...)` should return: the fake class with the real `join`.
 * uPlot reads the pixel ratio through matchMedia when it loads, which jsdom lacks.
 */
export async function fakeUPlotModule(
  importOriginal: <T>() => Promise<T>,
): Promise<{ default: unknown }> {
  const matchMedia = (media: string) => ({
    matches: false,
    media,
    addEventListener: () => {},
    removeEventListener: () => {},
  });
  Object.defineProperty(globalThis, 'matchMedia', {
    value: matchMedia,
    configurable: true,
    writable: true,
  });
  const real = await importOriginal<{ default: typeof uPlot }>();
  return { default: fakeUPlotClass(real.default) };
}
