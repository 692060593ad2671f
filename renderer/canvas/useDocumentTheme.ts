import { useSyncExternalStore } from 'react';

/** The theme on `<html data-theme>` ('light' or 'dark'; light until something sets it). */
function currentTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** Follows the app's theme, so React Flow's own parts (minimap, controls) match it. */
export function useDocumentTheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, currentTheme, () => 'light');
}
