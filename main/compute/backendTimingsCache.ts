// Where `auto` remembers how fast each backend trained a network shape on this machine, so that
// measuring happens once per shape rather than before every run: a small JSON file, written
// atomically, keyed by machine (CPU, cores, the backends that loaded and their adapters/threads)
// and by network shape (layer types and parameters, wiring, input shape, batch size, optimizer).
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { cpus, homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Graph } from '../../shared/graph/types';
import type { TrainingSettings } from '../../shared/training/settings';
import type { BackendMeasurement, ComputeBackend } from '../../shared/training/runEvents';
import { writeFileAtomic } from '../export/atomicWrite';

/** Shapes kept per machine; the oldest go first. */
const KEEP = 200;

const hash = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/**
 * A stable key for a network's training cost: the same for the same layers, parameters and wiring
 * whatever the blocks' names, ids or positions on the canvas.
 */
export function networkKey(
  graph: Graph,
  inputShape: readonly number[],
  settings: Pick<TrainingSettings, 'batchSize' | 'optimizer' | 'loss'>,
): string {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const params = (p: Readonly<Record<string, unknown>>) =>
    Object.keys(p)
      .sort()
      .map((k) => [k, p[k]]);
  return hash({
    layers: graph.nodes.map((n) => [n.type, params(n.params)]),
    wires: graph.edges.map((e) => [index.get(e.source), index.get(e.target)]),
    inputShape,
    batchSize: settings.batchSize,
    optimizer: settings.optimizer,
    loss: settings.loss,
  });
}

/** A key for this machine: its CPU and core count, and each loaded backend's detail (adapter, threads). */
export function machineKey(
  loaded: readonly { readonly name: ComputeBackend; readonly detail: string }[],
): string {
  const cpu = cpus();
  return hash({
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    backends: loaded.map((b) => [b.name, b.detail]),
  });
}

/** The default file: the user's cache folder (XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%). */
export function defaultBackendTimingsFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): string {
  const home = env['HOME'] || homedir();
  const base =
    platform === 'win32'
      ? env['LOCALAPPDATA'] || join(home, 'AppData', 'Local')
      : platform === 'darwin'
        ? join(home, 'Library', 'Caches')
        : env['XDG_CACHE_HOME'] || join(home, '.cache');
  return join(base, 'netcanvas', 'backend-timings.json');
}

type Stored = Omit<BackendMeasurement, 'cached' | 'ms'> & { readonly at: number };

interface CacheFile {
  readonly version: 1;
  readonly machines: Record<string, Record<string, Stored>>;
}

async function load(file: string): Promise<CacheFile> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.version === 1 && parsed.machines && typeof parsed.machines === 'object')
      return { version: 1, machines: parsed.machines };
  } catch {
    // Missing or unreadable: measure again and start a new file.
  }
  return { version: 1, machines: {} };
}

/** What `chooseBackend` needs of a cache: one machine's entry for one network shape. */
export interface TimingsCache {
  read(): Promise<Omit<BackendMeasurement, 'cached' | 'ms'> | null>;
  write(measurement: Omit<BackendMeasurement, 'cached' | 'ms'>): Promise<void>;
}

/** The cache entry for `machine` and `network` in `file`. A write that fails loses nothing but the entry. */
export function timingsCache(file: string, machine: string, network: string): TimingsCache {
  return {
    async read() {
      const entry = (await load(file)).machines[machine]?.[network];
      if (!entry || !Array.isArray(entry.timings) || !Array.isArray(entry.notMeasured)) return null;
      return { timings: entry.timings, notMeasured: entry.notMeasured };
    },
    async write(measurement) {
      const data = await load(file);
      const shapes = {
        ...(data.machines[machine] ?? {}),
        [network]: {
          timings: measurement.timings,
          notMeasured: measurement.notMeasured,
          at: Date.now(),
        },
      };
      const kept = Object.entries(shapes)
        .sort((a, b) => b[1].at - a[1].at)
        .slice(0, KEEP);
      const next: CacheFile = {
        version: 1,
        machines: { ...data.machines, [machine]: Object.fromEntries(kept) },
      };
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFileAtomic(file, `${JSON.stringify(next)}\n`);
      } catch {
        // A read-only or full disk: the next run measures again.
      }
    },
  };
}
