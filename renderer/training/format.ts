// Number formats shared by the dashboard and the comparison, written for a learner's eye.

import { formatCount as grouped } from '../../shared/layers/shapeUtils';

/** 121930 → "121,930"; rounded first (samples per second are fractional). */
export const formatCount = (n: number): string => grouped(Math.round(n));

/** 0.9123 → "91.2%". */
export const formatPercent = (x: number | null | undefined): string =>
  x == null || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`;

/**
 * A loss to four decimals, always, so losses side by side line up and compare at a glance:
 * 0.273 → "0.2730" next to 0.21218 → "0.2122" (not "0.273" next to "0.2122").
 */
export const formatLoss = (x: number | null | undefined): string =>
  x == null || !Number.isFinite(x) ? '–' : x.toFixed(4);

/** 75_400 ms → "1 min 15 s"; under a minute, seconds with one decimal below 10 s. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return '–';
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const totalS = Math.round(s);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const rest = totalS % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min ${rest} s`;
}
