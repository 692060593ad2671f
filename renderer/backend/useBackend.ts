// The one way components reach the backend: a context holding a `NetCanvasApi`, provided once at
// the root (HTTP/WebSocket client in the web shell, preload bridge in Electron, a fake in tests).
import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import type { NetCanvasApi } from '../../shared/api/backendApi';

const BackendContext = createContext<NetCanvasApi | null>(null);

/** Makes `api` available to every component below it through `useBackend()`. */
export function BackendProvider({ api, children }: { api: NetCanvasApi; children: ReactNode }) {
  return createElement(BackendContext.Provider, { value: api }, children);
}

/** The backend API of this shell. Throws outside a `BackendProvider`, which is a programming error. */
export function useBackend(): NetCanvasApi {
  const api = useContext(BackendContext);
  if (!api) throw new Error('useBackend() needs a <BackendProvider> above it');
  return api;
}
