// Light or dark: follows the system setting until the learner picks one with the toggle; the
// choice is remembered (localStorage) and applied as <html data-theme>, which tokens.css reads.
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'netcanvas.theme';
const listeners = new Set<() => void>();

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage can be off (private windows): then the system setting decides.
  }
}

const systemQuery = () =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
const systemTheme = (): Theme => (systemQuery()?.matches ? 'dark' : 'light');

/** The theme in effect: the learner's choice, else the system's. */
export function currentTheme(): Theme {
  return stored() ?? systemTheme();
}

function apply(): void {
  document.documentElement.dataset.theme = currentTheme();
  listeners.forEach((l) => l());
}

/** Applies the theme now and follows system changes while the learner has not chosen. */
export function initTheme(): void {
  apply();
  systemQuery()?.addEventListener('change', apply);
}

/** Picks a theme for good (persisted). */
export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered, but still applied for this session.
  }
  document.documentElement.dataset.theme = theme;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): Theme =>
  document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';

/** The theme in effect, re-rendering when it changes. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, snapshot);
}
