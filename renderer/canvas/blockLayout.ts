/** A block's box on the canvas, in flow coordinates. */
export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The least space kept between a block and the block below it. */
export const BLOCK_GAP = 16;

const overlapsAcross = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width;

/**
 * Where each block is drawn so that none covers another: a block that grew (to show a problem, say)
 * pushes the blocks below it in its column down, keeping `BLOCK_GAP`; they move back when it
 * shrinks. Stored positions are not changed. Returns the drawn y of every block that moved.
 */
export function separateBlocks(boxes: readonly Box[]): Map<string, number> {
  const order = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const drawnY = new Map<string, number>();
  const moved = new Map<string, number>();
  for (let i = 0; i < order.length; i++) {
    const b = order[i] as Box;
    let y = b.y;
    for (let j = 0; j < i; j++) {
      const a = order[j] as Box;
      if (a.y >= b.y || !overlapsAcross(a, b)) continue;
      y = Math.max(y, (drawnY.get(a.id) ?? a.y) + a.height + BLOCK_GAP);
    }
    drawnY.set(b.id, y);
    if (y !== b.y) moved.set(b.id, y);
  }
  return moved;
}

/** How far a detour runs beside the blocks it passes. */
const LANE_MARGIN = 28;

/** Whether the segment p→q passes through the box (grown by `pad`), by Liang–Barsky clipping. */
function segmentHitsBox(
  px: number,
  py: number,
  qx: number,
  qy: number,
  box: Box,
  pad: number,
): boolean {
  const dx = qx - px;
  const dy = qy - py;
  let lo = 0;
  let hi = 1;
  const edges: [number, number][] = [
    [-dx, px - (box.x - pad)],
    [dx, box.x + box.width + pad - px],
    [-dy, py - (box.y - pad)],
    [dy, box.y + box.height + pad - py],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
    if (lo > hi) return false;
  }
  return true;
}

/**
 * A wire that would cross other blocks on its way down (a long skip connection) runs in a lane
 * to the right of them instead. Returns the lane's x, or undefined when the straight way is clear.
 * `boxes` must be sorted by y.
 */
export function detourLane(source: Box, target: Box, boxes: readonly Box[]): number | undefined {
  const sx = source.x + source.width / 2;
  const sy = source.y + source.height;
  const tx = target.x + target.width / 2;
  const ty = target.y;
  if (ty <= sy) return undefined;
  let lane: number | undefined;
  let blocked = false;
  for (const box of boxes) {
    if (box.y > ty) break;
    if (box.id === source.id || box.id === target.id || box.y + box.height < sy) continue;
    if (segmentHitsBox(sx, sy, tx, ty, box, 4)) blocked = true;
    // Every block beside the way down pushes the lane past it, so the detour crosses none of them.
    const left = Math.min(source.x, target.x);
    const right = Math.max(source.x + source.width, target.x + target.width);
    if (box.x < right + LANE_MARGIN && box.x + box.width > left)
      lane = Math.max(lane ?? right, box.x + box.width);
  }
  return blocked
    ? (lane ?? Math.max(source.x + source.width, target.x + target.width)) + LANE_MARGIN
    : undefined;
}
