// Collects the nodes and weights of an ONNX graph as the layers are converted, and keeps track of
// each tensor's memory layout: Keras (and the canvas) are channels-last (NHWC) while ONNX's Conv
// and pooling operators are channels-first (NCHW). Rather than wrapping every convolution in two
// Transposes, a tensor carries its layout and is transposed only where a layer needs the other
// one (once per tensor), so Conv → MaxPool → Conv runs channels-first without a Transpose between.
import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';
import type { Shape } from '../../../shared/graph/types';

const { AttributeProto, TensorProto } = onnxProto.onnx;

/** Physical order of a 4-D tensor's axes; tensors of other ranks are always in Keras order ('nhwc'). */
export type Layout = 'nhwc' | 'nchw';

/** A tensor in the ONNX graph. */
export interface OnnxValue {
  readonly name: string;
  /** Its Keras shape (channels last, batch first as null), whatever its layout. */
  readonly shape: Shape;
  readonly layout: Layout;
}

/** A weight as a flat row-major array and its shape. */
export interface WeightTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** Where each Keras axis of a 4-D tensor sits in the channels-first layout. */
const NHWC_TO_NCHW = [0, 3, 1, 2] as const;
const NCHW_TO_NHWC = [0, 2, 3, 1] as const;

/** The ONNX axis of Keras axis `axis` (negative counts from the end) in `value`'s layout. */
export function onnxAxis(value: Pick<OnnxValue, 'shape' | 'layout'>, axis: number): number {
  const rank = value.shape.length;
  const a = axis < 0 ? rank + axis : axis;
  return rank === 4 && value.layout === 'nchw' ? NHWC_TO_NCHW.indexOf(a as 0 | 1 | 2 | 3) : a;
}

/** An ONNX attribute from a plain value: integers, integer lists, floats (`{ float }`) or strings. */
export type AttrValue = number | readonly number[] | { readonly float: number } | string;

function attribute(name: string, value: AttrValue): onnx.IAttributeProto {
  const T = AttributeProto.AttributeType;
  if (typeof value === 'number') return { name, type: T.INT, i: value };
  if (typeof value === 'string')
    return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  return { name, type: T.INTS, ints: [...value] };
}

/** `values` with its axes reordered: result axis i is source axis perm[i] (numpy's transpose). */
export function permute(t: WeightTensor, perm: readonly number[]): WeightTensor {
  const shape = perm.map((p) => t.shape[p] ?? 1);
  const srcStrides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const strides = perm.map((p) => srcStrides[p] ?? 0);
  const out = new Float32Array(t.values.length);
  const index = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < out.length; i++) {
    let src = 0;
    for (let d = 0; d < shape.length; d++) src += (index[d] ?? 0) * (strides[d] ?? 0);
    out[i] = t.values[src] ?? 0;
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d] = (index[d] ?? 0) + 1;
      if ((index[d] ?? 0) < (shape[d] ?? 1)) break;
      index[d] = 0;
    }
  }
  return { shape, values: out };
}

/** Little-endian bytes, as ONNX's raw_data is defined, whatever this machine's byte order. */
function floatBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

function int64Bytes(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return bytes;
}

/** The nodes and initializers of one ONNX graph under construction. */
export class OnnxGraphBuilder {
  readonly nodes: onnx.INodeProto[] = [];
  readonly initializers: onnx.ITensorProto[] = [];
  private readonly used = new Set<string>();
  private readonly transposed = new Map<string, OnnxValue>();

  /** `base`, or `base_1`, `base_2`, … when taken: every tensor name in a graph is unique. */
  name(base: string): string {
    let n = base;
    for (let i = 1; this.used.has(n); i++) n = `${base}_${i}`;
    this.used.add(n);
    return n;
  }

  /** Appends one operator and returns its (single) output's name, `out` or a fresh one. */
  op(
    opType: string,
    inputs: readonly string[],
    attrs: Readonly<Record<string, AttrValue>> = {},
    out?: string,
  ): string {
    const output = out ?? this.name(`${inputs[0] ?? 'const'}/${opType}`);
    if (out) this.used.add(out);
    this.nodes.push({
      opType,
      name: this.name(`node:${output}`),
      input: [...inputs],
      output: [output],
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  /** A float32 weight stored in the model; returns its name. */
  weight(base: string, t: WeightTensor): string {
    const name = this.name(base);
    this.initializers.push({
      name,
      dims: [...t.shape],
      dataType: TensorProto.DataType.FLOAT,
      rawData: floatBytes(t.values),
    });
    return name;
  }

  /** An int64 constant (shapes for Reshape); returns its name. */
  int64(base: string, values: readonly number[]): string {
    const name = this.name(base);
    this.initializers.push({
      name,
      dims: [values.length],
      dataType: TensorProto.DataType.INT64,
      rawData: int64Bytes(values),
    });
    return name;
  }

  /** `v` in `layout`: itself, or (once per tensor) a Transpose of it. Only 4-D tensors have two layouts. */
  toLayout(v: OnnxValue, layout: Layout): OnnxValue {
    if (v.shape.length !== 4 || v.layout === layout) return v;
    const key = `${v.name}\u0000${layout}`;
    const cached = this.transposed.get(key);
    if (cached) return cached;
    const name = this.op(
      'Transpose',
      [v.name],
      { perm: layout === 'nchw' ? NHWC_TO_NCHW : NCHW_TO_NHWC },
      this.name(`${v.name}/${layout}`),
    );
    const out: OnnxValue = { name, shape: v.shape, layout };
    this.transposed.set(key, out);
    return out;
  }
}
