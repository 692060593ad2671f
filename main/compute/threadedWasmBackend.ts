// Registers tfjs's wasm backend so that it runs XNNPACK on several threads in Node.
//
// tfjs turns wasm threads off under Node (tensorflow/tfjs#3830: its loader hands Emscripten a
// Blob URL for the pthread worker, which Node's worker_threads cannot start). The Emscripten
// output it ships does support Node workers, so this loader starts the threaded SIMD build itself
// with real file paths. The build also caps XNNPACK's pool at half the logical cores it is told
// about (`emscripten_num_logical_cores() / 2`, min 1, max 8); the count is fed in accordingly.
// If anything in the threaded start fails, the single-threaded SIMD build is loaded instead.
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { errorMessage } from '../../shared/errors/errorMessage';

const require = createRequire(import.meta.url);

// The DOM lib is not part of the Node-side tsconfig, so the little of WebAssembly used is typed here.
interface Wasm {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: object; module: object }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

type EmscriptenFactory = (config: Record<string, unknown>) => Promise<EmscriptenModuleLike>;
interface EmscriptenModuleLike {
  cwrap(name: string, ret: string | null, args: string[]): (...args: number[]) => number;
  tfjs?: unknown;
  PThread?: { terminateAllThreads(): void };
}

/** What `registerWasmBackend` ended up with, for the backend report. */
export interface WasmBackendInfo {
  threads: number;
  /** Why the threaded build is not in use, when it is not. */
  fallbackReason?: string;
}

let lastInfo: WasmBackendInfo = { threads: 1 };

/** The state of the wasm backend after `tf.setBackend('wasm')` ran with our factory. */
export function wasmBackendInfo(): WasmBackendInfo {
  return lastInfo;
}

function wasmOutDir(): string {
  return dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
  );
}

/** Writes the pthread worker script (shipped as a JS string) to a file Node can start. */
function workerScriptFile(dir: string): string {
  const { wasmWorkerContents } = require(
    join(dir, 'tfjs-backend-wasm-threaded-simd.worker.js'),
  ) as {
    wasmWorkerContents: string;
  };
  // tfjs escapes newlines the same way before turning the string into a Blob.
  const contents = wasmWorkerContents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 12);
  const folder = join(tmpdir(), 'netcanvas-wasm');
  const file = join(folder, `tfjs-wasm-pthread-${hash}.cjs`);
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, contents);
  }
  return file;
}

function addTfjsBridge(mod: EmscriptenModuleLike): void {
  // Same bridge as tfjs's own `init()` in backend_wasm.js.
  mod.tfjs = {
    init: mod.cwrap('init', null, []),
    initWithThreadsCount: mod.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: mod.cwrap('get_threads_count', 'number', []),
    registerTensor: mod.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: mod.cwrap('dispose_data', null, ['number']),
    dispose: mod.cwrap('dispose', null, []),
  };
}

async function loadModule(threads: number): Promise<EmscriptenModuleLike> {
  const dir = wasmOutDir();
  const threaded = threads > 1;
  const glue = join(dir, threaded ? 'tfjs-backend-wasm-threaded-simd.js' : 'tfjs-backend-wasm.js');
  const binaryFile = join(
    dir,
    threaded ? 'tfjs-backend-wasm-threaded-simd.wasm' : 'tfjs-backend-wasm-simd.wasm',
  );
  const factory = require(glue) as EmscriptenFactory;
  const binary = readFileSync(binaryFile);
  const worker = threaded ? workerScriptFile(dir) : '';
  const mod = await factory({
    locateFile: (path: string) => (path.endsWith('.worker.js') ? worker : join(dir, path)),
    mainScriptUrlOrBlob: glue,
    instantiateWasm: (
      imports: { env: Record<string, unknown> },
      receive: (instance: object, module: object) => void,
    ) => {
      if (threaded) imports.env.emscripten_num_logical_cores = () => 2 * threads;
      wasmApi.instantiate(binary, imports).then(
        (r) => receive(r.instance, r.module),
        (e: unknown) => {
          throw e;
        },
      );
      return {};
    },
  });
  addTfjsBridge(mod);
  return mod;
}

/**
 * Replaces tfjs's `wasm` backend factory with one that starts XNNPACK on `threads` threads
 * (default: all cores). Call before `tf.setBackend('wasm')`. Kernels stay registered under
 * `wasm`, so every kernel (the stock ones and ours) works unchanged.
 */
export function registerWasmBackend(threads = availableParallelism()): void {
  const want = Math.max(1, Math.min(8, Math.floor(threads)));
  if (tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
  tf.registerBackend(
    'wasm',
    async () => {
      let mod: EmscriptenModuleLike;
      let fallbackReason: string | undefined;
      try {
        mod = await loadModule(want);
      } catch (e) {
        if (want === 1) throw e;
        fallbackReason = `threaded wasm failed to start (${errorMessage(e)})`;
        mod = await loadModule(1);
      }
      setThreadsCount(fallbackReason ? 1 : want);
      const backend = new BackendWasm(
        mod as unknown as ConstructorParameters<typeof BackendWasm>[0],
      );
      const threadsNow = (mod.tfjs as { getThreadsCount(): number }).getThreadsCount();
      lastInfo = fallbackReason ? { threads: threadsNow, fallbackReason } : { threads: threadsNow };
      return backend;
    },
    2,
  );
}
