/**
 * Runs `task` when the browser has a moment with nothing else to do (at the latest after
 * `timeoutMs`); returns a cancel. Falls back to a timer where requestIdleCallback is missing.
 */
export function whenIdle(task: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 1);
  return () => clearTimeout(id);
}
