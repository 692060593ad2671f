import type { Position } from '../../shared/graph/types';
import type { Dimensions } from './canvasElements';

/** Zoom at which a block's 13 px text is drawn at 12 px: the least a learner reads without zooming. */
export const READABLE_ZOOM = 12 / 13;

/** Space kept around the network when it fits, in screen pixels. */
const MARGIN = 32;

/**
 * The view a network opens at: the whole network when it fits at a readable zoom (at most 1),
 * otherwise zoom 1 with its first block (the input) at the top, centred across, and the learner
 * scrolls down. Never shrunk below `READABLE_ZOOM`.
 */
export function initialViewport(
  positions: readonly Position[],
  block: Dimensions,
  view: Dimensions,
): { x: number; y: number; zoom: number } {
  if (positions.length === 0) return { x: 0, y: 0, zoom: 1 };
  const xs = positions.map((p) => p.x);
  const ys = positions.map((p) => p.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const width = Math.max(...xs) + block.width - left;
  const height = Math.max(...ys) + block.height - top;
  const fit = Math.min(1, (view.width - 2 * MARGIN) / width, (view.height - 2 * MARGIN) / height);
  const zoom = fit >= READABLE_ZOOM ? fit : 1;
  const x = (view.width - width * zoom) / 2 - left * zoom;
  const fits = height * zoom <= view.height - 2 * MARGIN;
  const y = fits ? (view.height - height * zoom) / 2 - top * zoom : MARGIN - top * zoom;
  // Too wide to fit: start at its left edge rather than cutting both sides.
  return { x: width * zoom > view.width - 2 * MARGIN ? MARGIN - left * zoom : x, y, zoom };
}
