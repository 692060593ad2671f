// The one way a component reads something from the backend: call, wait, show the answer or the
// learner's sentence of what went wrong, and never let a late answer overwrite a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DependencyList } from 'react';
import type { NetCanvasApi } from '../../shared/api/backendApi';
import { errorMessage } from '../../shared/errors/errorMessage';
import { useBackend } from './useBackend';

/** What {@link useBackendQuery} knows about its call. */
export interface BackendQuery<T> {
  /** The answer of the latest call for the current deps; null before it comes, after a failure and while skipped. */
  readonly data: T | null;
  /** The failure of the latest call, as the sentence to show (a `BackendError` already holds one). */
  readonly error: string | null;
  /** True while the latest call has not answered. */
  readonly loading: boolean;
  /** Calls again with the same deps (after the learner fixed something); the old answer stays until the new one comes. */
  readonly reload: () => void;
}

interface Answer<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
}

/**
 * Runs `query` against the backend when the component mounts and again whenever `deps` change, as
 * `useEffect` would, and returns its answer. An answer that arrives after the component unmounted,
 * or after a newer call started, is dropped. A new call for other deps forgets the old answer
 * (it belonged to other inputs); {@link BackendQuery.reload} keeps it until the new one comes.
 *
 * @param query - the call; return null to make no call (the inputs are not there yet)
 * @param deps - everything `query` reads from the component, as for `useEffect` (lint checks them)
 */
export function useBackendQuery<T>(
  query: (api: NetCanvasApi) => Promise<T> | null,
  deps: DependencyList,
): BackendQuery<T> {
  const api = useBackend();
  const [answer, setAnswer] = useState<Answer<T>>({ data: null, error: null, loading: true });
  const [reloads, setReloads] = useState(0);
  const latest = useRef(query);
  latest.current = query;
  const reloadsSeen = useRef(reloads);

  useEffect(() => {
    const keep = reloadsSeen.current !== reloads;
    reloadsSeen.current = reloads;
    const call = latest.current(api);
    if (!call) {
      setAnswer({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setAnswer((a) => ({ data: keep ? a.data : null, error: null, loading: true }));
    call.then(
      (data) => live && setAnswer({ data, error: null, loading: false }),
      (e: unknown) => live && setAnswer({ data: null, error: errorMessage(e), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` stand for what `query` reads; lint checks them at each caller (additionalHooks)
  }, [api, reloads, ...deps]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...answer, reload };
}
