// The only bridge between the sandboxed renderer and the backend: one function per API method
// (each sends its arguments to main, where they are validated), two subscriptions and the menu's
// enabled state. No ipcRenderer, no generic invoke: the renderer cannot name a channel itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { MenuCommandMessage, NetCanvasBridge } from '../../shared/api/apiSchemas';
import { API_METHODS } from '../../shared/api/backendApi';
import type { RunEvent } from '../../shared/training/runEvents';
import type { CommandId } from '../../shared/commands/commands';
import { apiChannel, MENU_CHANNEL, MENU_STATE_CHANNEL, RUN_EVENT_CHANNEL } from './ipcChannels';

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_e: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

/** The bridge object, built from the method list so it has exactly the API's methods. */
export function createBridge(): NetCanvasBridge {
  const methods = Object.fromEntries(
    API_METHODS.map((m) => [m, (...args: unknown[]) => ipcRenderer.invoke(apiChannel(m), args)]),
  );
  return {
    ...methods,
    onRunEvent: (listener: (event: RunEvent) => void) => subscribe(RUN_EVENT_CHANNEL, listener),
    onMenuCommand: (listener: (message: MenuCommandMessage) => void) =>
      subscribe(MENU_CHANNEL, listener),
    setEnabledCommands: (ids: readonly CommandId[]) => ipcRenderer.send(MENU_STATE_CHANNEL, ids),
  } as unknown as NetCanvasBridge;
}

contextBridge.exposeInMainWorld('netcanvas', createBridge());
