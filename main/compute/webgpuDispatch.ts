// Our own WGSL programs recorded into tfjs-backend-webgpu's command stream, in order with its
// kernels. tfjs's custom-program API (runWebGPUProgram) has one output and read-only inputs;
// the training step needs programs that update a weight and its optimizer state in place and
// write several results at once, so it goes one level down, to the backend's encoder.
import * as tf from '@tensorflow/tfjs';

interface TensorData {
  resource?: unknown;
  /** The dtype of the buffer, which can differ from the tensor's (a cast can share an int32 buffer). */
  dtype: string;
  values: unknown;
  refCount: number;
}

/** The parts of tfjs-backend-webgpu 4.22's `WebGPUBackend` this file relies on. */
export interface WebgpuBackendInternals {
  readonly device: GPUDevice;
  readonly queue: GPUQueue;
  readonly tensorMap: { get(dataId: object): TensorData | undefined };
  commandEncoder: GPUCommandEncoder | null;
  computePassEncoder: GPUComputePassEncoder | null;
  dispatchCountInPass: number;
  commandQueueOwnedIds: WeakSet<object>;
  uploadToGPU(dataId: object): void;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
  refCount(dataId: object): number;
  makeTensorInfo(shape: number[], dtype: 'float32'): tf.TensorInfo;
  makeUniforms(
    uniforms: { type: 'float32' | 'int32' | 'uint32'; data: number[] }[],
  ): GPUBufferBinding;
}

/** tfjs's WebGPU backend when it is the current one; else null. */
export function webgpuInternals(): WebgpuBackendInternals | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend = tf.backend() as unknown as Partial<WebgpuBackendInternals>;
  const needed = [
    'device',
    'queue',
    'tensorMap',
    'uploadToGPU',
    'ensureCommandEncoderReady',
    'endComputePassEncoder',
    'submitQueue',
    'makeUniforms',
  ];
  return needed.every((k) => k in backend) ? (backend as WebgpuBackendInternals) : null;
}

interface Compiled {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
  /** Bind groups by the buffers and ranges bound (tfjs's pool hands out the same buffers each step). */
  readonly bindGroups: Map<string, GPUBindGroup>;
}

const MAX_BIND_GROUPS = 4096;
const bufferIds = new WeakMap<GPUBuffer, number>();
let nextBufferId = 1;

function bufferId(b: GPUBuffer): number {
  let id = bufferIds.get(b);
  if (id === undefined) bufferIds.set(b, (id = nextBufferId++));
  return id;
}

const compiled = new WeakMap<GPUDevice, Map<string, Compiled>>();

function pipelineFor(device: GPUDevice, code: string): Compiled {
  let cache = compiled.get(device);
  if (!cache) compiled.set(device, (cache = new Map<string, Compiled>()));
  let entry = cache.get(code);
  if (!entry) {
    const pipeline = device.createComputePipeline({
      layout: 'auto',
      compute: { module: device.createShaderModule({ code }), entryPoint: 'main' },
    });
    entry = {
      pipeline,
      layout: pipeline.getBindGroupLayout(0),
      bindGroups: new Map<string, GPUBindGroup>(),
    };
    cache.set(code, entry);
  }
  return entry;
}

/**
 * The GPU buffer holding `t`'s values (uploading them first if they are still on the CPU), kept
 * alive until the commands recorded so far are submitted, as tfjs does for its own inputs.
 */
export function tensorBuffer(backend: WebgpuBackendInternals, t: tf.TensorInfo): GPUBuffer {
  backend.uploadToGPU(t.dataId);
  const data = backend.tensorMap.get(t.dataId);
  const resource = data?.resource;
  if (!(resource instanceof GPUBuffer))
    throw new Error('A tensor on the WebGPU backend has no GPU buffer (a texture?)');
  backend.commandQueueOwnedIds.add(t.dataId);
  return resource;
}

/** The element type of `t`'s buffer: 'i32' for int32 and bool data, else 'f32'. */
export function bufferType(backend: WebgpuBackendInternals, t: tf.TensorInfo): 'i32' | 'f32' {
  const dtype = backend.tensorMap.get(t.dataId)?.dtype ?? t.dtype;
  return dtype === 'int32' || dtype === 'bool' ? 'i32' : 'f32';
}

/** Forgets a CPU copy of `t`'s values after a program wrote its buffer in place. */
export function markWritten(backend: WebgpuBackendInternals, t: tf.TensorInfo): void {
  const data = backend.tensorMap.get(t.dataId);
  if (data) data.values = null;
}

/** A new float32 tensor whose GPU buffer a program will fill (its contents are undefined until then). */
export function emptyTensor(backend: WebgpuBackendInternals, shape: number[]): tf.Tensor {
  const info = backend.makeTensorInfo(shape, 'float32');
  backend.uploadToGPU(info.dataId);
  return tf.engine().makeTensorFromTensorInfo(info);
}

export type Binding = GPUBuffer | GPUBufferBinding;

/**
 * Records one dispatch of the WGSL program `code` (entry point `main`, bindings 0..n-1 of group 0
 * in the order given) into tfjs's current compute pass, submitting when tfjs would.
 */
export function dispatch(
  backend: WebgpuBackendInternals,
  code: string,
  bindings: readonly Binding[],
  workgroups: number,
): void {
  const { pipeline, layout, bindGroups } = pipelineFor(backend.device, code);
  const resources = bindings.map((b) => (b instanceof GPUBuffer ? { buffer: b } : b));
  const key = resources
    .map((r) => `${bufferId(r.buffer)}@${r.offset ?? 0}:${r.size ?? ''}`)
    .join(',');
  let bindGroup = bindGroups.get(key);
  if (!bindGroup) {
    bindGroup = backend.device.createBindGroup({
      layout,
      entries: resources.map((resource, i) => ({ binding: i, resource })),
    });
    if (bindGroups.size >= MAX_BIND_GROUPS) bindGroups.clear();
    bindGroups.set(key, bindGroup);
  }
  backend.ensureCommandEncoderReady();
  const encoder = backend.commandEncoder;
  if (!encoder) throw new Error('tfjs-backend-webgpu has no command encoder');
  backend.computePassEncoder ??= encoder.beginComputePass();
  const pass = backend.computePassEncoder;
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(workgroups);
  backend.dispatchCountInPass++;
  if (tf.env().getNumber('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE') <= backend.dispatchCountInPass) {
    backend.endComputePassEncoder();
    backend.submitQueue();
  }
}

/**
 * Workgroups of `size` threads for `n` elements, at most 65,535 (the per-dimension limit): the
 * programs loop with a stride of all threads, so any `n` is covered.
 */
export function workgroupsFor(n: number, size: number): number {
  return Math.min(65_535, Math.max(1, Math.ceil(n / size)));
}
