import type { BrowserWindowConstructorOptions } from 'electron';

/** Window size and place as last left, remembered between sessions. */
export interface WindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1440, height: 900 };

/**
 * The hardened window: the renderer gets no Node, runs sandboxed in its own JavaScript world,
 * and reaches the backend only through the preload's bridge.
 */
export function windowOptions(
  preload: string,
  bounds: WindowBounds = DEFAULT_BOUNDS,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'NetCanvas',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The content security policy of the app's pages (file:// in the desktop app). */
export const DESKTOP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the app's own page may be shown: links and redirects elsewhere are refused. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appUrl);
    return u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname;
  } catch {
    return false;
  }
}
