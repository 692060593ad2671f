// The desktop side of the backend API: the preload's `window.netcanvas` bridge, whose methods
// answer ApiReply values (Electron copies only an Error's message across IPC).
import type { ApiReply, NetCanvasBridge } from '../../shared/api/apiSchemas';
import { API_METHODS } from '../../shared/api/backendApi';
import type { NetCanvasApi } from '../../shared/api/backendApi';
import { BackendError } from './backendError';

export function createBridgeClient(bridge: NetCanvasBridge): NetCanvasApi {
  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (...args: unknown[]) => {
        const reply = await (bridge[m] as (...a: unknown[]) => Promise<ApiReply<unknown>>)(...args);
        if (reply.ok) return reply.value;
        throw new BackendError(reply.code, reply.error);
      },
    ]),
  ) as unknown as Omit<NetCanvasApi, 'onRunEvent'>;
  return { ...api, onRunEvent: (listener) => bridge.onRunEvent(listener) };
}
