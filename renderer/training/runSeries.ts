// Curve data lives outside React and outside the zustand state: a batch appends to plain arrays
// and wakes the charts that draw this run, which call uPlot's setData directly. React does not
// re-render per batch.
import type { BatchPoint, RunId } from '../../shared/training/runEvents';
import type { EpochEvent } from './runView';

/** Columns in uPlot's aligned-data layout: x first, then one array per series. */
export interface SeriesColumns {
  /** Progress in epochs (1.5 = halfway through the second epoch). */
  readonly x: number[];
  readonly loss: number[];
  readonly accuracy: number[];
}

export interface EpochColumns extends SeriesColumns {
  readonly valLoss: (number | null)[];
  readonly valAccuracy: (number | null)[];
}

/** Every curve point of one run: per batch (each batch's own values) and per epoch. */
export class RunSeries {
  readonly batch: SeriesColumns = { x: [], loss: [], accuracy: [] };
  readonly epoch: EpochColumns = { x: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [] };
  private readonly listeners = new Set<() => void>();

  /** Appends batch points; `batchesPerEpoch` places each within its epoch (unknown: at the epoch start). */
  addPoints(points: readonly BatchPoint[], batchesPerEpoch: number | null): void {
    if (points.length === 0) return;
    for (const p of points) {
      const within = batchesPerEpoch ? Math.min(1, p.batch / batchesPerEpoch) : 0;
      this.batch.x.push(p.epoch - 1 + within);
      this.batch.loss.push(p.loss);
      this.batch.accuracy.push(p.accuracy);
    }
    this.notify();
  }

  /** Adds (or replaces, if repeated) an epoch point; epochs are 1-based, plotted at their end. */
  addEpoch(event: EpochEvent): void {
    const at = this.epoch.x.indexOf(event.epoch);
    const cols = this.epoch;
    if (at >= 0) {
      cols.loss[at] = event.loss;
      cols.accuracy[at] = event.accuracy;
      cols.valLoss[at] = event.valLoss;
      cols.valAccuracy[at] = event.valAccuracy;
    } else {
      cols.x.push(event.epoch);
      cols.loss.push(event.loss);
      cols.accuracy.push(event.accuracy);
      cols.valLoss.push(event.valLoss);
      cols.valAccuracy.push(event.valAccuracy);
    }
    this.notify();
  }

  /** Calls `listener` after every new point; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

const registry = new Map<RunId, RunSeries>();

/** The curve data of a run, created empty on first use. */
export function seriesFor(id: RunId): RunSeries {
  let s = registry.get(id);
  if (!s) {
    s = new RunSeries();
    registry.set(id, s);
  }
  return s;
}

/** Forgets every run's curves (a new backend connection). */
export function clearSeries(): void {
  registry.clear();
}
