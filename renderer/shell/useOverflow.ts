import { useLayoutEffect, useRef, useState } from 'react';

/** How a toolbar item shows: icon and label, icon only (its name in a tooltip), or in the overflow menu. */
export type ItemMode = 'full' | 'compact' | 'hidden';

/**
 * Fits a one-line toolbar into its width, so it never wraps: first the least important items
 * lose their labels (icon only), then every item does, then the least important move to the
 * overflow menu. Widths are measured while an item shows and remembered, so an item can come
 * back when the window grows.
 */
export function useOverflow(
  items: readonly { readonly id: string; readonly priority: number }[],
  gap: number,
) {
  const container = useRef<HTMLDivElement>(null);
  const widths = useRef({ full: new Map<string, number>(), compact: new Map<string, number>() });
  const [modes, setModes] = useState<ReadonlyMap<string, ItemMode>>(new Map());
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const fit = () => {
      for (const child of el.querySelectorAll<HTMLElement>('[data-item]')) {
        const mode = child.dataset.mode === 'compact' ? 'compact' : 'full';
        if (child.offsetWidth > 0)
          widths.current[mode].set(child.dataset.item ?? '', child.offsetWidth);
      }
      const fixed = [...el.querySelectorAll<HTMLElement>('[data-fixed]')].reduce(
        (sum, c) => sum + c.offsetWidth + gap,
        0,
      );
      const available = el.clientWidth - fixed;
      const next = new Map<string, ItemMode>(items.map((i) => [i.id, 'full']));
      const width = (id: string) => {
        const mode = next.get(id);
        if (mode === 'hidden') return 0;
        return (
          (mode === 'compact'
            ? (widths.current.compact.get(id) ?? 32)
            : (widths.current.full.get(id) ?? 0)) + gap
        );
      };
      const used = () => items.reduce((sum, i) => sum + width(i.id), 0);
      // Least important (highest number) first; of equal importance, the later one first.
      const order = [...items].reverse().sort((a, b) => b.priority - a.priority);
      const steps = [
        ...order.map((i) => [i.id, 'compact'] as const),
        ...order.map((i) => [i.id, 'hidden'] as const),
      ];
      for (const [id, mode] of steps) {
        if (used() <= available) break;
        next.set(id, mode);
      }
      setModes((prev) =>
        prev.size === next.size && [...next].every(([id, m]) => prev.get(id) === m) ? prev : next,
      );
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [items, gap]);
  return { container, modes };
}
