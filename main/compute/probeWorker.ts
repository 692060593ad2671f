// The entry of the backend probe's child process: tries every backend of the chain and sends the
// listing to the parent. Native tfjs (tfjs-node, its GPU build) and Dawn load here, never in the
// app's own process, where a crash or a CUDA library mismatch would take the app down.
import { COMPUTE_BACKENDS } from '../../shared/training/runEvents';
import type { BackendAvailability, BackendListing } from '../../shared/api/backendApi';
import { tryBackend } from './selectBackend';
import { errorMessage } from '../../shared/errors/errorMessage';

async function probe(): Promise<BackendListing> {
  const backends: BackendAvailability[] = [];
  for (const name of COMPUTE_BACKENDS) {
    const result = await tryBackend(name);
    backends.push({ name, available: result.ok, reason: result.ok ? null : result.reason });
  }
  const first = backends.findIndex((b) => b.available);
  const chosen = backends[first];
  if (!chosen)
    throw new Error(
      `No compute backend loads: ${backends.map((b) => `${b.name}: ${b.reason ?? ''}`).join('; ')}`,
    );
  const skipped = backends
    .slice(0, first)
    .map((b) => ({ name: b.name, reason: b.reason ?? 'unavailable' }));
  return { backends, auto: { name: chosen.name, skipped } };
}

// Under Electron's utilityProcess (the desktop app) the parent listens on process.parentPort.
const parentPort = (process as { parentPort?: { postMessage(message: unknown): void } }).parentPort;
const send = (message: unknown): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

probe().then(
  (listing) => {
    send({ listing });
    process.exit(0);
  },
  (e: unknown) => {
    send({ error: errorMessage(e) });
    process.exit(1);
  },
);
