// A cheaper way for tfjs-backend-webgpu to record a kernel, used while NetCanvas's training step
// records its batch. Stock tfjs, per dispatch: acquires a uniform buffer from its pool and writes
// it (queue.writeBuffer), asks the pipeline for its bind group layout, and creates a bind group;
// on Dawn's null adapter these are most of a kernel's host cost (bench/README.md, "WebGPU step").
// Here the uniforms of all kernels until the next submit go to one buffer at 256-byte offsets,
// written once before the submit; layouts are asked once per pipeline; bind groups are kept for
// the same buffers (tfjs's buffer pool hands the same ones out step after step).
import * as tf from '@tensorflow/tfjs';
import type { WebgpuBackendInternals } from './webgpuDispatch';

type Uniform = { type: 'float32' | 'int32' | 'uint32'; data: number[] };

interface ProgramLike {
  pipeline: GPUComputePipeline | Promise<GPUComputePipeline>;
  pixelsOpType?: unknown;
  size?: boolean;
  outputComponent?: number;
  outputShape: number[];
  dispatch: [number, number, number];
}

interface Patchable extends WebgpuBackendInternals {
  activeTimers?: unknown;
  recordAndSubmit(
    program: ProgramLike,
    output: tf.TensorInfo,
    inputs: tf.TensorInfo[],
    programDefinedUniform?: Uniform[],
  ): void;
  tensorToBinding(t: tf.TensorInfo): GPUBindingResource;
}

const ARENA_BYTES = 64 * 1024;
const ALIGN = 256;
const MAX_BIND_GROUPS = 8192;

/** The uniform block's bytes laid out as tfjs-backend-webgpu 4.22's `makeUniforms` lays them out. */
function layoutUniforms(uniforms: Uniform[], into: ArrayBuffer, at: number): number {
  let offset = 0;
  let preLength = 0;
  let maxAlign = 1;
  const offsets: number[] = [];
  for (const d of uniforms) {
    if (d.data.length === 0) d.data = [1];
    const n = d.data.length;
    let align = n === 1 ? 4 : n === 2 ? 8 : 16;
    if (n > 6) throw new Error(`Unsupported ${n}D shape`);
    if (preLength === 5 || preLength === 6) align = 16;
    maxAlign = Math.max(maxAlign, align);
    offset = Math.ceil(offset / align) * align;
    preLength = n;
    offsets.push(offset);
    offset += n * 4;
  }
  const size = Math.ceil(offset / maxAlign) * maxAlign;
  uniforms.forEach((d, i) => {
    const o = at + (offsets[i] ?? 0);
    const View = d.type === 'int32' ? Int32Array : d.type === 'uint32' ? Uint32Array : Float32Array;
    new View(into, o, d.data.length).set(d.data);
  });
  return size;
}

/** Runs `record` with the cheaper recording installed on tfjs's WebGPU backend, then submits. */
export function withFastDispatch<T>(backend: WebgpuBackendInternals, record: () => T): T {
  const b = backend as Patchable;
  const state = fastState(b);
  // Own properties shadow the prototype's methods for the duration; deleting them restores tfjs's.
  const own = b as unknown as Record<string, unknown>;
  own['makeUniforms'] = state.makeUniforms;
  own['submitQueue'] = state.submitQueue;
  own['recordAndSubmit'] = state.recordAndSubmit;
  try {
    return record();
  } finally {
    b.endComputePassEncoder();
    if (b.commandEncoder) state.submitQueue();
    delete own['makeUniforms'];
    delete own['submitQueue'];
    delete own['recordAndSubmit'];
  }
}

interface FastState {
  readonly makeUniforms: (uniforms: Uniform[]) => GPUBufferBinding;
  readonly submitQueue: () => void;
  readonly recordAndSubmit: (
    program: ProgramLike,
    output: tf.TensorInfo,
    inputs: tf.TensorInfo[],
    programDefinedUniform?: Uniform[],
  ) => void;
}

const states = new WeakMap<object, FastState>();

function fastState(b: Patchable): FastState {
  const existing = states.get(b);
  if (existing) return existing;
  const proto = Object.getPrototypeOf(b) as Patchable;
  const arena = b.device.createBuffer({
    size: ARENA_BYTES,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const bytes = new ArrayBuffer(ARENA_BYTES);
  let used = 0;
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (o: object) => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = nextId++));
    return id;
  };
  const layouts = new WeakMap<object, GPUBindGroupLayout>();
  const bindGroups = new Map<string, GPUBindGroup>();

  const submitQueue = () => {
    if (used > 0) b.queue.writeBuffer(arena, 0, bytes, 0, used);
    used = 0;
    proto.submitQueue.call(b);
  };
  const makeUniforms = (uniforms: Uniform[]): GPUBufferBinding => {
    if (used + ALIGN * 2 > ARENA_BYTES) {
      b.endComputePassEncoder();
      if (b.commandEncoder) submitQueue();
    }
    const at = used;
    const size = layoutUniforms(uniforms, bytes, at);
    used = Math.ceil((at + size) / ALIGN) * ALIGN;
    return { buffer: arena, offset: at, size };
  };
  const recordAndSubmit = (
    program: ProgramLike,
    output: tf.TensorInfo,
    inputs: tf.TensorInfo[],
    programDefinedUniform?: Uniform[],
  ) => {
    const pipeline = program.pipeline;
    if (pipeline instanceof Promise || b.activeTimers != null || program.pixelsOpType != null) {
      proto.recordAndSubmit.call(b, program, output, inputs, programDefinedUniform);
      return;
    }
    const uniforms: Uniform[] = [
      { type: 'float32', data: [NaN] },
      { type: 'float32', data: [Infinity] },
    ];
    for (const t of [...inputs, output]) {
      uniforms.push(
        { type: 'int32', data: t.shape },
        { type: 'int32', data: tf.util.computeStrides(t.shape) },
      );
    }
    if (program.size) {
      const size = tf.util.sizeFromShape(program.outputShape);
      uniforms.push({
        type: 'int32',
        data: [program.outputComponent ? size / program.outputComponent : size],
      });
    }
    if (programDefinedUniform) uniforms.push(...programDefinedUniform);
    const tensors = [output, ...inputs];
    const resources = tensors.map((t) => b.tensorToBinding(t));
    const uniform = makeUniforms(uniforms);
    for (const t of tensors) b.commandQueueOwnedIds.add(t.dataId);
    let layout = layouts.get(pipeline);
    if (!layout) layouts.set(pipeline, (layout = pipeline.getBindGroupLayout(0)));
    const keyParts = [idOf(layout)];
    for (const r of resources) keyParts.push('buffer' in r ? idOf(r.buffer) : -1);
    const key = `${keyParts.join(',')}@${uniform.offset}:${uniform.size}`;
    let bindGroup = resources.every((r) => 'buffer' in r) ? bindGroups.get(key) : undefined;
    if (!bindGroup) {
      bindGroup = b.device.createBindGroup({
        layout,
        entries: [...resources, uniform].map((resource, i) => ({ binding: i, resource })),
      });
      if (resources.every((r) => 'buffer' in r)) {
        if (bindGroups.size >= MAX_BIND_GROUPS) bindGroups.clear();
        bindGroups.set(key, bindGroup);
      }
    }
    b.ensureCommandEncoderReady();
    const encoder = b.commandEncoder;
    if (!encoder) throw new Error('tfjs-backend-webgpu has no command encoder');
    b.computePassEncoder ??= encoder.beginComputePass();
    const pass = b.computePassEncoder;
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(program.dispatch[0], program.dispatch[1], program.dispatch[2]);
    b.dispatchCountInPass++;
    if (tf.env().getNumber('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE') <= b.dispatchCountInPass) {
      b.endComputePassEncoder();
      submitQueue();
    }
  };
  const state = { makeUniforms, submitQueue, recordAndSubmit };
  states.set(b, state);
  return state;
}
