// The web shell's side of the backend API: POST /api/<method> with the arguments as a JSON array,
// a JSON ApiReply back; run events over one WebSocket. The session cookie travels by itself
// (same origin), so this module never sees the token.
import { apiFailureSchema } from '../../shared/api/apiSchemas';
import type { ApiReply } from '../../shared/api/apiSchemas';
import { API_METHODS } from '../../shared/api/backendApi';
import type { NetCanvasApi, Unsubscribe } from '../../shared/api/backendApi';
import type { RunEvent } from '../../shared/training/runEvents';
import { BackendError } from './backendError';

type Fetch = typeof fetch;

async function call(
  fetchFn: Fetch,
  base: string,
  method: string,
  args: unknown[],
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(args),
    });
  } catch {
    throw new BackendError(
      'unavailable',
      'NetCanvas cannot reach its web server. Is `npm run web` still running?',
    );
  }
  const body = (await response.json().catch(() => null)) as ApiReply<unknown> | null;
  if (body && body.ok) return body.value;
  const failure = apiFailureSchema.safeParse(body);
  if (failure.success) throw new BackendError(failure.data.code, failure.data.error);
  throw new BackendError(
    'internal',
    `The server answered ${response.status} ${response.statusText}.`,
  );
}

/** Run events over `/api/events`, reconnecting after a dropped connection. */
function eventStream(base: string): (listener: (event: RunEvent) => void) => Unsubscribe {
  const listeners = new Set<(event: RunEvent) => void>();
  let socket: WebSocket | null = null;
  const open = () => {
    const url = new URL('/api/events', base || window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.onmessage = (m) => {
      const event = JSON.parse(String(m.data)) as RunEvent;
      for (const l of listeners) l(event);
    };
    socket.onclose = () => {
      socket = null;
      if (listeners.size > 0) setTimeout(() => listeners.size > 0 && !socket && open(), 1000);
    };
  };
  return (listener) => {
    listeners.add(listener);
    if (!socket) open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) socket?.close();
    };
  };
}

/** The backend API of the web shell at `base` (default: this page's origin). */
export function createHttpClient(base = '', fetchFn: Fetch = (...a) => fetch(...a)): NetCanvasApi {
  const api = Object.fromEntries(
    API_METHODS.map((m) => [m, (...args: unknown[]) => call(fetchFn, base, m, args)]),
  ) as unknown as Omit<NetCanvasApi, 'onRunEvent'>;
  return { ...api, onRunEvent: eventStream(base) };
}
