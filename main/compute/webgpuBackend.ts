// The WebGPU backend in Node: tfjs-backend-webgpu on Dawn's Node bindings (npm `webgpu`).
import * as tf from '@tensorflow/tfjs';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../../shared/errors/errorMessage';

/** Thrown when a backend cannot be used here; the message is the reason shown to the learner. */
export class BackendUnavailable extends Error {
  override readonly name = 'BackendUnavailable';
}

export interface WebgpuOptions {
  /**
   * Accept a software adapter (SwiftShader, a CPU device). Far too slow to train with, so auto
   * selection refuses it; tests of the WebGPU path ask for it explicitly.
   */
  allowSoftwareAdapter?: boolean;
  /**
   * Dawn's instance toggles, e.g. `['backend=null']` for the adapter that does no GPU work (the
   * benchmark's way to measure host overhead). Only the first start in a process uses them.
   */
  dawnOptions?: string[];
}

/**
 * Whether the Vulkan loader has a driver to load on Linux (its search path: the driver
 * variables, then the icd.d folders of XDG_CONFIG_DIRS, /etc, XDG_DATA_DIRS and the home
 * folder). Without one Dawn finds no adapter anyway, and the loader prints "Found no drivers!"
 * and a native stack line on the way; asking first keeps the command line quiet.
 */
export function hasVulkanDriver(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): boolean {
  if (platform !== 'linux') return true;
  if (env['VK_DRIVER_FILES'] || env['VK_ICD_FILENAMES'] || env['VK_ADD_DRIVER_FILES']) return true;
  const split = (v: string | undefined, fallback: string) =>
    (v || fallback).split(':').filter((d) => d);
  const home = env['HOME'] ?? homedir();
  const roots = [
    ...split(env['XDG_CONFIG_DIRS'], '/etc/xdg'),
    '/etc',
    ...split(env['XDG_DATA_DIRS'], '/usr/local/share:/usr/share'),
    env['XDG_DATA_HOME'] || join(home, '.local/share'),
  ];
  return roots.some((root) => {
    const dir = join(root, 'vulkan/icd.d');
    try {
      return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'));
    } catch {
      return false;
    }
  });
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

interface AdapterLike {
  readonly info?: AdapterInfoLike;
  readonly isFallbackAdapter?: boolean;
  readonly features: ReadonlySet<string>;
  readonly limits: Record<string, number>;
  requestDevice(descriptor?: object): Promise<unknown>;
}

interface GpuLike {
  requestAdapter(options?: object): Promise<AdapterLike | null>;
}

/** A one-line name for an adapter, e.g. "nvidia ampere (NVIDIA RTX A4000)". */
export function describeAdapter(info: AdapterInfoLike | undefined): string {
  if (!info) return 'unknown adapter';
  const main = [info.vendor, info.architecture].filter((s) => s).join(' ') || 'unknown vendor';
  const detail = info.description || info.device;
  return detail ? `${main} (${detail})` : main;
}

/** True for adapters that run on the CPU: SwiftShader, lavapipe/llvmpipe, fallback adapters. */
export function isSoftwareAdapter(
  adapter: Pick<AdapterLike, 'info' | 'isFallbackAdapter'>,
): boolean {
  if (adapter.isFallbackAdapter) return true;
  const text = describeAdapter(adapter.info).toLowerCase();
  return /swiftshader|llvmpipe|lavapipe|software|\bcpu\b/.test(text);
}

let gpu: GpuLike | undefined;

async function dawnGpu(options: string[]): Promise<GpuLike> {
  if (gpu) return gpu;
  let dawn: { create(options: string[]): unknown; globals: object };
  try {
    dawn = await import('webgpu');
  } catch (e) {
    throw new BackendUnavailable(
      `Dawn's Node bindings (npm "webgpu") did not load: ${errorMessage(e)}`,
    );
  }
  // tfjs-backend-webgpu expects the browser globals (GPUBufferUsage, navigator.gpu, ...).
  Object.assign(globalThis, dawn.globals);
  const created = dawn.create(options) as GpuLike;
  const nav = (globalThis as { navigator?: object }).navigator ?? {};
  Object.defineProperty(globalThis, 'navigator', {
    value: Object.assign(nav, { gpu: created }),
    configurable: true,
    writable: true,
  });
  gpu = created;
  return created;
}

/**
 * Starts tfjs's WebGPU backend on a Dawn adapter and makes it the current backend.
 * Throws `BackendUnavailable` with the reason when there is no usable adapter.
 */
export async function startWebgpuBackend(options: WebgpuOptions = {}): Promise<string> {
  const dawnOptions = options.dawnOptions ?? [];
  if (!dawnOptions.includes('backend=null') && !hasVulkanDriver())
    throw new BackendUnavailable('no GPU driver Dawn can use (no Vulkan driver installed)');
  const g = await dawnGpu(dawnOptions);
  const adapter = await g.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter)
    throw new BackendUnavailable('no WebGPU adapter found (no GPU driver Dawn can use)');
  const name = describeAdapter(adapter.info);
  if (isSoftwareAdapter(adapter) && !options.allowSoftwareAdapter) {
    throw new BackendUnavailable(
      `the only WebGPU adapter is a software one (${name}), slower than the CPU backends`,
    );
  }
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
  // Our own factory (rather than the package's) so that tfjs uses exactly the adapter vetted here.
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  type Ctor = ConstructorParameters<typeof WebGPUBackend>;
  tf.registerBackend(
    'webgpu',
    () => new WebGPUBackend(device as Ctor[0], adapter.info as Ctor[1]),
    3,
  );
  if (!(await tf.setBackend('webgpu')))
    throw new BackendUnavailable(`tfjs could not start WebGPU on ${name}`);
  return name;
}
