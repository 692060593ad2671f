import { useStore } from '@xyflow/react';

/**
 * Below this zoom a block's 13 px text is under 6 px on screen: unreadable, so blocks draw as an
 * overview (family colour, icon and class in large type) and wires without their shape labels.
 */
export const OVERVIEW_ZOOM = 0.45;

/**
 * Whether the canvas is zoomed out to the overview. A boolean selector: a block or wire renders
 * again only when the zoom crosses the threshold, not on every zoom step or pan.
 */
export function useOverview(): boolean {
  return useStore((s) => s.transform[2] < OVERVIEW_ZOOM);
}
