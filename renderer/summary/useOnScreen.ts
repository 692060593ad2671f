import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether `ref`'s element is within `margin` of the visible part of the window (through any
 * scrolling panel it sits in). True where the browser has no IntersectionObserver (tests), so
 * what depends on it then simply always shows.
 */
export function useOnScreen(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => setOnScreen(entries.some((e) => e.isIntersecting)),
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin]);
  return onScreen;
}
