// The one entrance to the backend for both shells: the web server's POST /api/<method> and the
// Electron main process's ipcMain handlers call `dispatch`, which checks the method name and
// every argument against shared/api/apiSchemas.ts before a service sees them.
import type { z } from 'zod';
import { API_ARGS } from '../../shared/api/apiSchemas';
import type { ApiErrorCode, ApiReply } from '../../shared/api/apiSchemas';
import { API_METHODS } from '../../shared/api/backendApi';
import type { ApiMethod, NetCanvasApi } from '../../shared/api/backendApi';
import { isDatasetError } from '../../datasets/datasetError';
import { capMessage } from '../../shared/errors/capMessage';
import { errorMessage } from '../../shared/errors/errorMessage';
import { KerasExportError } from '../../shared/keras/kerasExportError';
import { ProjectFileError } from '../../shared/project/parseProject';
import { ExportWriteError } from '../export/atomicWrite';
import { ApiError } from './apiError';

export type Dispatch = (method: string, args: unknown) => Promise<ApiReply<unknown>>;

const METHODS: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(name: string): name is ApiMethod {
  return METHODS.has(name);
}

// Every message is capped: a hostile argument can make a validator's message as long as itself.
const fail = (code: ApiErrorCode, error: string): ApiReply<never> => ({
  ok: false,
  code,
  error: capMessage(error),
});

/** "argument 'request', field graph.nodes[2].params.filters: Too small" — where, then what. */
function describeArgsError(method: ApiMethod, error: z.ZodError): string {
  const names = API_ARGS[method].names;
  const first = error.issues[0];
  if (!first) return `${method}: invalid arguments`;
  const [index, ...rest] = first.path;
  const arg = typeof index === 'number' ? (names[index] ?? `#${index + 1}`) : null;
  const field = rest
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const where = [arg ? `argument '${arg}'` : null, field ? `field ${field}` : null]
    .filter(Boolean)
    .join(', ');
  return `${method}: ${where ? `${where}: ` : ''}${first.message}`;
}

/**
 * Maps what a service threw to a reply: each kind of user error to its own code (so its own 4xx
 * status); anything else keeps its message but is `internal`, a bug in NetCanvas.
 */
export function failureOf(e: unknown): ApiReply<never> {
  if (e instanceof ApiError) return fail(e.code, e.message);
  if (isDatasetError(e)) return fail('dataset', e.message);
  if (e instanceof ExportWriteError) return fail('writeFailed', e.message);
  if (e instanceof KerasExportError) return fail('invalidModel', e.message);
  if (e instanceof ProjectFileError) return fail('invalidProject', e.message);
  return fail('internal', errorMessage(e));
}

/**
 * Creates the dispatcher over `api`. Never throws: every outcome is an `ApiReply`, because
 * Electron's IPC only copies an Error's message and the web shell answers JSON either way.
 */
export function createDispatch(api: NetCanvasApi): Dispatch {
  return async (method, args) => {
    if (!isApiMethod(method))
      return fail('notFound', `There is no API method named '${method.slice(0, 60)}'.`);
    const spec = API_ARGS[method] as { readonly schema: z.ZodType };
    const parsed = spec.schema.safeParse(args);
    if (!parsed.success) return fail('badRequest', describeArgsError(method, parsed.error));
    try {
      const call = (api[method] as (...a: unknown[]) => Promise<unknown>).bind(api);
      const value = await call(...(parsed.data as unknown[]));
      return { ok: true, value: value ?? null };
    } catch (e) {
      return failureOf(e);
    }
  };
}
