// How each Keras layer becomes ONNX operators (opset 13), one entry per Keras class. A layer
// missing from the table is refused by name, so a new layer is exported once it has an entry here.
import type { LayerNode, Shape } from '../../../shared/graph/types';
import type { LayerType } from '../../../shared/layers/catalogue';
import type { Layout, OnnxGraphBuilder, OnnxValue, WeightTensor } from './onnxGraphBuilder';
import { onnxAxis, permute } from './onnxGraphBuilder';

/** A layer this exporter cannot write, with the reason a learner reads. */
export class OnnxExportError extends Error {
  override readonly name = 'OnnxExportError';
}

/** What a converter gets for one layer. */
export interface OnnxLayerContext {
  readonly node: LayerNode;
  /** The layer's Keras parameters, defaults filled in. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly inputs: readonly OnnxValue[];
  /** The layer's Keras output shape (from the canvas's shape inference). */
  readonly outputShape: Shape;
  /** The layer's weights by their Keras names (`kernel`, `bias`, `gamma`, `moving_mean`, …). */
  readonly weights: ReadonlyMap<string, WeightTensor>;
  readonly b: OnnxGraphBuilder;
}

/** Writes one layer's operators and returns its output. */
export type OnnxLayerConverter = (ctx: OnnxLayerContext) => OnnxValue;

const refuse = (node: LayerNode, why: string): never => {
  throw new OnnxExportError(`Cannot export layer '${node.name}' (${node.type}) to ONNX: ${why}`);
};

function weight(ctx: OnnxLayerContext, key: string): WeightTensor {
  return ctx.weights.get(key) ?? refuse(ctx.node, `its weight '${key}' is missing from the model.`);
}

const first = (ctx: OnnxLayerContext): OnnxValue =>
  ctx.inputs[0] ?? refuse(ctx.node, 'it has no input.');
const pair = (v: unknown, fallback: readonly [number, number]): readonly [number, number] =>
  Array.isArray(v) && v.length === 2 ? [Number(v[0]), Number(v[1])] : fallback;
const same = (ctx: OnnxLayerContext, name: string, layout: Layout = 'nhwc'): OnnxValue => ({
  name,
  shape: ctx.outputShape,
  layout,
});

/**
 * ONNX pads `[top, left, bottom, right]` for a window over `[h, w]`. Keras's 'same' (TensorFlow's
 * SAME) pads the odd pixel at the bottom/right; written out rather than ONNX's auto_pad, so it is
 * explicit for every stride and dilation.
 */
function pads(
  ctx: OnnxLayerContext,
  input: Shape,
  kernel: readonly [number, number],
  strides: readonly [number, number],
  dilation: readonly [number, number],
): number[] {
  if (ctx.params.padding !== 'same') return [0, 0, 0, 0];
  const before: number[] = [];
  const after: number[] = [];
  for (const axis of [0, 1] as const) {
    const size = input[axis + 1] ?? refuse(ctx.node, 'its input size must be known.');
    const stride = strides[axis];
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + (kernel[axis] - 1) * dilation[axis] + 1 - size, 0);
    before.push(Math.floor(total / 2));
    after.push(total - Math.floor(total / 2));
  }
  return [...before, ...after];
}

/** Keras's `activation=` as operators after `x` (nothing for linear). */
export function activate(ctx: OnnxLayerContext, x: OnnxValue, activation: unknown): OnnxValue {
  const { b } = ctx;
  const unary = (op: string, attrs: Parameters<OnnxGraphBuilder['op']>[2] = {}): OnnxValue => ({
    ...x,
    name: b.op(op, [x.name], attrs),
  });
  switch (activation) {
    case undefined:
    case 'linear':
      return x;
    case 'relu':
      return unary('Relu');
    case 'sigmoid':
      return unary('Sigmoid');
    case 'tanh':
      return unary('Tanh');
    case 'softplus':
      return unary('Softplus');
    case 'elu':
      return unary('Elu', { alpha: { float: 1 } });
    case 'selu':
      // Keras's constants, which are also ONNX's defaults; written so the file says so.
      return unary('Selu', {
        alpha: { float: 1.6732632423543772 },
        gamma: { float: 1.0507009873554805 },
      });
    case 'softmax':
      // Opset 13's Softmax normalises over one axis: Keras's last axis, wherever the layout put it.
      return unary('Softmax', { axis: onnxAxis(x, -1) });
    default:
      return refuse(
        ctx.node,
        `the activation '${String(activation)}' has no ONNX operator in this exporter yet.`,
      );
  }
}

const conv2d: OnnxLayerConverter = (ctx) => {
  const { b, node, params } = ctx;
  const x = b.toLayout(first(ctx), 'nchw');
  // Keras stores kernels as (kh, kw, in, out); ONNX's Conv wants (out, in, kh, kw).
  const kernel = permute(weight(ctx, 'kernel'), [3, 2, 0, 1]);
  const k = pair(params.kernel_size, [3, 3]);
  const strides = pair(params.strides, [1, 1]);
  const dilations = pair(params.dilation_rate, [1, 1]);
  const inputs = [x.name, b.weight(`${node.name}/kernel`, kernel)];
  if (params.use_bias !== false) inputs.push(b.weight(`${node.name}/bias`, weight(ctx, 'bias')));
  const y = b.op('Conv', inputs, {
    kernel_shape: k,
    strides,
    dilations,
    pads: pads(ctx, x.shape, k, strides, dilations),
    group: 1,
  });
  return activate(ctx, same(ctx, y, 'nchw'), params.activation);
};

const pooling =
  (op: 'MaxPool' | 'AveragePool'): OnnxLayerConverter =>
  (ctx) => {
    const x = ctx.b.toLayout(first(ctx), 'nchw');
    const k = pair(ctx.params.pool_size, [2, 2]);
    const strides = pair(ctx.params.strides, k);
    // Keras averages a 'same' border window over the pixels inside the image only:
    // count_include_pad=0 (ONNX's default), written out.
    const extra: Record<string, number> = op === 'AveragePool' ? { count_include_pad: 0 } : {};
    const y = ctx.b.op(op, [x.name], {
      kernel_shape: k,
      strides,
      pads: pads(ctx, x.shape, k, strides, [1, 1]),
      ...extra,
    });
    return same(ctx, y, 'nchw');
  };

const globalPooling =
  (op: 'ReduceMean' | 'ReduceMax'): OnnxLayerConverter =>
  (ctx) => {
    const x = first(ctx);
    return same(
      ctx,
      ctx.b.op(op, [x.name], { axes: [onnxAxis(x, 1), onnxAxis(x, 2)], keepdims: 0 }),
    );
  };

/** Flatten and Reshape read the channels-last order, so Dense weights line up with Keras's. */
const flatten: OnnxLayerConverter = (ctx) => {
  const x = ctx.b.toLayout(first(ctx), 'nhwc');
  return same(ctx, ctx.b.op('Flatten', [x.name], { axis: 1 }));
};

const reshape: OnnxLayerConverter = (ctx) => {
  const x = ctx.b.toLayout(first(ctx), 'nhwc');
  const dims = ctx.outputShape
    .slice(1)
    .map((d) => d ?? refuse(ctx.node, 'its target shape must be known.'));
  return same(
    ctx,
    ctx.b.op('Reshape', [x.name, ctx.b.int64(`${ctx.node.name}/shape`, [-1, ...dims])]),
  );
};

const dense: OnnxLayerConverter = (ctx) => {
  const { b, node } = ctx;
  // Dense acts on the last axis (per pixel after a Conv2D): MatMul broadcasts over the others.
  const x = b.toLayout(first(ctx), 'nhwc');
  let y = b.op('MatMul', [x.name, b.weight(`${node.name}/kernel`, weight(ctx, 'kernel'))]);
  if (ctx.params.use_bias !== false)
    y = b.op('Add', [y, b.weight(`${node.name}/bias`, weight(ctx, 'bias'))]);
  return activate(ctx, same(ctx, y), ctx.params.activation);
};

/**
 * Inference-time batch normalisation folded into one multiply and one add per channel:
 * y = x·γ/√(σ² + ε) + (β − μ·γ/√(σ² + ε)), computed in double precision.
 */
const batchNormalization: OnnxLayerConverter = (ctx) => {
  const { b, node, params } = ctx;
  const x = first(ctx);
  const mean = weight(ctx, 'moving_mean').values;
  const variance = weight(ctx, 'moving_variance').values;
  const gamma = params.scale === false ? null : weight(ctx, 'gamma').values;
  const beta = params.center === false ? null : weight(ctx, 'beta').values;
  const epsilon = typeof params.epsilon === 'number' ? params.epsilon : 0.001;
  const scale = new Float32Array(mean.length);
  const shift = new Float32Array(mean.length);
  for (let c = 0; c < mean.length; c++) {
    const s = (gamma?.[c] ?? 1) / Math.sqrt((variance[c] ?? 1) + epsilon);
    scale[c] = s;
    shift[c] = (beta?.[c] ?? 0) - (mean[c] ?? 0) * s;
  }
  // Per channel: the last axis channels-last, axis 1 (broadcast as C×1×1) channels-first.
  const shape = x.shape.length === 4 && x.layout === 'nchw' ? [mean.length, 1, 1] : [mean.length];
  const scaled = b.op('Mul', [x.name, b.weight(`${node.name}/scale`, { shape, values: scale })]);
  return {
    ...x,
    name: b.op('Add', [scaled, b.weight(`${node.name}/shift`, { shape, values: shift })]),
  };
};

/** Add and Concatenate take their inputs in one layout: the first input's. */
const aligned = (ctx: OnnxLayerContext): OnnxValue[] => {
  const layout = first(ctx).layout;
  return ctx.inputs.map((v) => ctx.b.toLayout(v, layout));
};

const add: OnnxLayerConverter = (ctx) => {
  const xs = aligned(ctx);
  const y = ctx.b.op(
    xs.length === 2 ? 'Add' : 'Sum',
    xs.map((v) => v.name),
  );
  return same(ctx, y, xs[0]?.layout);
};

const concatenate: OnnxLayerConverter = (ctx) => {
  const xs = aligned(ctx);
  const x = xs[0] ?? first(ctx);
  const axis = typeof ctx.params.axis === 'number' ? ctx.params.axis : -1;
  return same(
    ctx,
    ctx.b.op(
      'Concat',
      xs.map((v) => v.name),
      { axis: onnxAxis(x, axis) },
    ),
    x.layout,
  );
};

const elementwise =
  (f: (ctx: OnnxLayerContext, x: OnnxValue) => OnnxValue): OnnxLayerConverter =>
  (ctx) =>
    f(ctx, first(ctx));

/** A float32 scalar constant, broadcast by the operator it feeds. */
const scalar = (ctx: OnnxLayerContext, what: string, value: number): string =>
  ctx.b.weight(`${ctx.node.name}/${what}`, { shape: [], values: Float32Array.of(value) });

/**
 * The inputs of an element-wise merge, lined up as Keras lines them up: all in the first input's
 * layout when their ranks agree; otherwise channels-last, each lower-rank input given size-1 axes
 * right after the batch (ONNX broadcasting would align it with the batch instead).
 */
function mergeInputs(ctx: OnnxLayerContext): OnnxValue[] {
  const rank = Math.max(...ctx.inputs.map((v) => v.shape.length));
  if (ctx.inputs.every((v) => v.shape.length === rank)) return aligned(ctx);
  return ctx.inputs.map((v) => {
    const x = ctx.b.toLayout(v, 'nhwc');
    if (x.shape.length === rank) return x;
    const axes = Array.from({ length: rank - x.shape.length }, (_, i) => i + 1);
    return {
      ...x,
      name: ctx.b.op('Unsqueeze', [x.name, ctx.b.int64(`${ctx.node.name}/axes`, axes)]),
    };
  });
}

/** Multiply (pairwise Mul), Subtract (Sub) and the variadic Max, Min and Mean (Average). */
const merge =
  (op: 'Mul' | 'Sub' | 'Max' | 'Min' | 'Mean'): OnnxLayerConverter =>
  (ctx) => {
    const xs = mergeInputs(ctx);
    const names = xs.map((v) => v.name);
    const y =
      op === 'Mul' || op === 'Sub'
        ? names.slice(1).reduce((acc, name) => ctx.b.op(op, [acc, name]), names[0] ?? '')
        : ctx.b.op(op, names);
    return same(
      ctx,
      y,
      xs.find((v) => v.shape.length === ctx.outputShape.length)?.layout ?? 'nhwc',
    );
  };

/**
 * Keras's ReLU: x above the threshold (capped at max_value), negative_slope × (x − threshold) at
 * or below it; plain Relu when there is neither slope nor threshold.
 */
const kerasRelu: OnnxLayerConverter = (ctx) => {
  const { b, params } = ctx;
  const x = first(ctx);
  const slope = Number(params.negative_slope ?? 0);
  const threshold = Number(params.threshold ?? 0);
  let y: string;
  if (slope === 0 && threshold === 0) y = b.op('Relu', [x.name]);
  else {
    const t = scalar(ctx, 'threshold', threshold);
    const below = b.op('Mul', [b.op('Sub', [x.name, t]), scalar(ctx, 'negative_slope', slope)]);
    y = b.op('Where', [b.op('Greater', [x.name, t]), x.name, below]);
  }
  if (typeof params.max_value === 'number')
    y = b.op('Min', [y, scalar(ctx, 'max_value', params.max_value)]);
  return { ...x, name: y };
};

/** PReLU's learned slopes, permuted to channels-first when the feature map is. */
const prelu: OnnxLayerConverter = (ctx) => {
  const x = first(ctx);
  const alpha = weight(ctx, 'alpha');
  const slopes = x.shape.length === 4 && x.layout === 'nchw' ? permute(alpha, [2, 0, 1]) : alpha;
  return {
    ...x,
    name: ctx.b.op('PRelu', [x.name, ctx.b.weight(`${ctx.node.name}/alpha`, slopes)]),
  };
};

/** Rescaling: x × scale + offset. */
const rescaling: OnnxLayerConverter = (ctx) => {
  const x = first(ctx);
  const scaled = ctx.b.op('Mul', [x.name, scalar(ctx, 'scale', Number(ctx.params.scale ?? 1))]);
  return {
    ...x,
    name: ctx.b.op('Add', [scaled, scalar(ctx, 'offset', Number(ctx.params.offset ?? 0))]),
  };
};

/**
 * LayerNormalization written out for opset 13 (its own operator needs opset 17): over the one
 * axis, (x − mean) / √(variance + ε), then × gamma + beta shaped to broadcast along that axis.
 */
const layerNormalization: OnnxLayerConverter = (ctx) => {
  const { b, node, params } = ctx;
  const x = first(ctx);
  const axis = onnxAxis(x, typeof params.axis === 'number' ? params.axis : -1);
  const epsilon = typeof params.epsilon === 'number' ? params.epsilon : 0.001;
  const mean = b.op('ReduceMean', [x.name], { axes: [axis], keepdims: 1 });
  const centred = b.op('Sub', [x.name, mean]);
  const variance = b.op('ReduceMean', [b.op('Mul', [centred, centred])], {
    axes: [axis],
    keepdims: 1,
  });
  let y = b.op('Div', [
    centred,
    b.op('Sqrt', [b.op('Add', [variance, scalar(ctx, 'epsilon', epsilon)])]),
  ]);
  const size =
    x.shape.at(Number(typeof params.axis === 'number' ? params.axis : -1)) ??
    refuse(node, 'the size of its axis must be known.');
  const along = (t: WeightTensor): WeightTensor => ({
    shape: [size, ...Array<number>(x.shape.length - 1 - axis).fill(1)],
    values: t.values,
  });
  if (params.scale !== false)
    y = b.op('Mul', [y, b.weight(`${node.name}/gamma`, along(weight(ctx, 'gamma')))]);
  if (params.center !== false)
    y = b.op('Add', [y, b.weight(`${node.name}/beta`, along(weight(ctx, 'beta')))]);
  return { ...x, name: y };
};

/**
 * Keras's depthwise kernel (kh, kw, C, M) as the weight of an ONNX Conv with group = C:
 * (C·M, 1, kh, kw), output channel c·M + m reading input channel c, Keras's channel order.
 */
function depthwiseWeight(ctx: OnnxLayerContext): WeightTensor {
  const k = permute(weight(ctx, 'depthwise_kernel'), [2, 3, 0, 1]);
  const [c = 1, m = 1, kh = 1, kw = 1] = k.shape;
  return { shape: [c * m, 1, kh, kw], values: k.values };
}

/** The depthwise step of DepthwiseConv2D and SeparableConv2D: one grouped Conv (no bias here). */
function depthwiseConv(ctx: OnnxLayerContext, x: OnnxValue, bias: string | null): string {
  const { b, node, params } = ctx;
  const k = pair(params.kernel_size, [3, 3]);
  const strides = pair(params.strides, [1, 1]);
  const dilations = pair(params.dilation_rate, [1, 1]);
  const channels = x.shape[3] ?? refuse(node, 'its input channels must be known.');
  const w = b.weight(`${node.name}/depthwise_kernel`, depthwiseWeight(ctx));
  return b.op('Conv', bias ? [x.name, w, bias] : [x.name, w], {
    kernel_shape: k,
    strides,
    dilations,
    pads: pads(ctx, x.shape, k, strides, dilations),
    group: channels,
  });
}

const depthwiseConv2d: OnnxLayerConverter = (ctx) => {
  const x = ctx.b.toLayout(first(ctx), 'nchw');
  const bias =
    ctx.params.use_bias !== false
      ? ctx.b.weight(`${ctx.node.name}/bias`, weight(ctx, 'bias'))
      : null;
  return activate(ctx, same(ctx, depthwiseConv(ctx, x, bias), 'nchw'), ctx.params.activation);
};

/** SeparableConv2D: the depthwise Conv, then a 1×1 Conv over all its channels with the bias. */
const separableConv2d: OnnxLayerConverter = (ctx) => {
  const { b, node } = ctx;
  const x = b.toLayout(first(ctx), 'nchw');
  const mid = depthwiseConv(ctx, x, null);
  // Keras's pointwise kernel (1, 1, C·M, F); ONNX's Conv wants (F, C·M, 1, 1).
  const inputs = [
    mid,
    b.weight(
      `${node.name}/pointwise_kernel`,
      permute(weight(ctx, 'pointwise_kernel'), [3, 2, 0, 1]),
    ),
  ];
  if (ctx.params.use_bias !== false)
    inputs.push(b.weight(`${node.name}/bias`, weight(ctx, 'bias')));
  const y = b.op('Conv', inputs, {
    kernel_shape: [1, 1],
    strides: [1, 1],
    pads: [0, 0, 0, 0],
    group: 1,
  });
  return activate(ctx, same(ctx, y, 'nchw'), ctx.params.activation);
};

/**
 * Conv2DTranspose as ConvTranspose. Keras's kernel (kh, kw, F, C) is ONNX's (C, F, kh, kw), not
 * flipped: both scatter each input pixel through the kernel. The padding is worked back from
 * Keras's output size (TensorFlow pads the forward convolution of that size): what the full
 * scatter overshoots is trimmed, the odd pixel at the bottom/right; what it falls short is
 * output_padding.
 */
const conv2dTranspose: OnnxLayerConverter = (ctx) => {
  const { b, node, params } = ctx;
  const x = b.toLayout(first(ctx), 'nchw');
  const k = pair(params.kernel_size, [3, 3]);
  const strides = pair(params.strides, [1, 1]);
  const dilations = pair(params.dilation_rate, [1, 1]);
  const before: number[] = [];
  const after: number[] = [];
  const extra: number[] = [];
  for (const axis of [0, 1] as const) {
    const input = x.shape[axis + 1] ?? refuse(node, 'its input size must be known.');
    const output = ctx.outputShape[axis + 1] ?? refuse(node, 'its output size must be known.');
    const total = (input - 1) * strides[axis] + (k[axis] - 1) * dilations[axis] + 1 - output;
    before.push(Math.max(Math.floor(total / 2), 0));
    after.push(Math.max(total - Math.floor(total / 2), 0));
    extra.push(Math.max(-total, 0));
  }
  const inputs = [
    x.name,
    b.weight(`${node.name}/kernel`, permute(weight(ctx, 'kernel'), [3, 2, 0, 1])),
  ];
  if (params.use_bias !== false) inputs.push(b.weight(`${node.name}/bias`, weight(ctx, 'bias')));
  const y = b.op('ConvTranspose', inputs, {
    kernel_shape: k,
    strides,
    dilations,
    pads: [...before, ...after],
    output_padding: extra,
    group: 1,
  });
  return activate(ctx, same(ctx, y, 'nchw'), params.activation);
};

/** `[top, bottom, left, right]` of ZeroPadding2D's padding or Cropping2D's cropping. */
const sidesOf = (ctx: OnnxLayerContext, key: string): readonly number[] => {
  const v = ctx.params[key];
  return Array.isArray(v) && v.length === 4
    ? v.map(Number)
    : refuse(ctx.node, `its ${key} is not four sizes.`);
};

/** ZeroPadding2D as Pad with zeros, in whichever layout its input is. */
const zeroPadding2d: OnnxLayerConverter = (ctx) => {
  const x = first(ctx);
  const [top = 0, bottom = 0, left = 0, right = 0] = sidesOf(ctx, 'padding');
  const begin = [0, 0, 0, 0];
  const end = [0, 0, 0, 0];
  begin[onnxAxis(x, 1)] = top;
  end[onnxAxis(x, 1)] = bottom;
  begin[onnxAxis(x, 2)] = left;
  end[onnxAxis(x, 2)] = right;
  const y = ctx.b.op('Pad', [x.name, ctx.b.int64(`${ctx.node.name}/pads`, [...begin, ...end])], {
    mode: 'constant',
  });
  return same(ctx, y, x.layout);
};

/** Cropping2D as Slice over height and width. */
const cropping2d: OnnxLayerConverter = (ctx) => {
  const { b, node } = ctx;
  const x = first(ctx);
  const [top = 0, bottom = 0, left = 0, right = 0] = sidesOf(ctx, 'cropping');
  // Shapes are Keras's (channels last) whatever the layout.
  const h = x.shape[1] ?? refuse(node, 'its input size must be known.');
  const w = x.shape[2] ?? refuse(node, 'its input size must be known.');
  const y = b.op('Slice', [
    x.name,
    b.int64(`${node.name}/starts`, [top, left]),
    b.int64(`${node.name}/ends`, [h - bottom, w - right]),
    b.int64(`${node.name}/axes`, [onnxAxis(x, 1), onnxAxis(x, 2)]),
  ]);
  return same(ctx, y, x.layout);
};

/**
 * UpSampling2D as ONNX's Resize on the NCHW tensor, scaling height and width only. tfjs (which
 * trains the model) resizes with half_pixel_centers off: 'asymmetric' coordinates, the nearest
 * pixel rounded down, so each source pixel becomes a size×size block.
 */
const upSampling2d: OnnxLayerConverter = (ctx) => {
  const { b, node } = ctx;
  const x = b.toLayout(first(ctx), 'nchw');
  const [sh, sw] = pair(ctx.params.size, [2, 2]);
  const scales = b.weight(`${node.name}/scales`, {
    shape: [4],
    values: Float32Array.from([1, 1, sh, sw]),
  });
  const nearest = ctx.params.interpolation !== 'bilinear';
  const y = b.op('Resize', [x.name, '', scales], {
    mode: nearest ? 'nearest' : 'linear',
    coordinate_transformation_mode: 'asymmetric',
    ...(nearest ? { nearest_mode: 'floor' } : {}),
  });
  return same(ctx, y, 'nchw');
};

/**
 * Every Keras class the ONNX export writes. InputLayer is the graph's input and has no entry.
 * Dropout does nothing at inference, so it is an Identity (as are the Gaussian noise layers).
 */
export const ONNX_LAYERS: Partial<Record<LayerType, OnnxLayerConverter>> = {
  Conv2D: conv2d,
  MaxPooling2D: pooling('MaxPool'),
  AveragePooling2D: pooling('AveragePool'),
  GlobalAveragePooling2D: globalPooling('ReduceMean'),
  GlobalMaxPooling2D: globalPooling('ReduceMax'),
  Flatten: flatten,
  Reshape: reshape,
  Dense: dense,
  Dropout: elementwise((ctx, x) => ({ ...x, name: ctx.b.op('Identity', [x.name]) })),
  BatchNormalization: batchNormalization,
  Activation: elementwise((ctx, x) => activate(ctx, x, ctx.params.activation)),
  LeakyReLU: elementwise((ctx, x) => ({
    ...x,
    name: ctx.b.op('LeakyRelu', [x.name], { alpha: { float: Number(ctx.params.alpha ?? 0.3) } }),
  })),
  Add: add,
  Concatenate: concatenate,
  LayerNormalization: layerNormalization,
  Rescaling: rescaling,
  ReLU: kerasRelu,
  ELU: elementwise((ctx, x) => ({
    ...x,
    name: ctx.b.op('Elu', [x.name], { alpha: { float: Number(ctx.params.alpha ?? 1) } }),
  })),
  PReLU: prelu,
  Softmax: elementwise((ctx, x) => ({
    ...x,
    name: ctx.b.op('Softmax', [x.name], { axis: onnxAxis(x, Number(ctx.params.axis ?? -1)) }),
  })),
  // Noise is added only while training: at inference both pass their input through.
  GaussianNoise: elementwise((ctx, x) => ({ ...x, name: ctx.b.op('Identity', [x.name]) })),
  GaussianDropout: elementwise((ctx, x) => ({ ...x, name: ctx.b.op('Identity', [x.name]) })),
  Multiply: merge('Mul'),
  Average: merge('Mean'),
  Maximum: merge('Max'),
  Minimum: merge('Min'),
  Subtract: merge('Sub'),
  DepthwiseConv2D: depthwiseConv2d,
  SeparableConv2D: separableConv2d,
  Conv2DTranspose: conv2dTranspose,
  ZeroPadding2D: zeroPadding2d,
  Cropping2D: cropping2d,
  // Drops channels while training only: nothing at inference.
  SpatialDropout2D: elementwise((ctx, x) => ({ ...x, name: ctx.b.op('Identity', [x.name]) })),
  UpSampling2D: upSampling2d,
};

/** The converter for `node`, or an OnnxExportError naming the layer. */
export function onnxConverter(node: LayerNode): OnnxLayerConverter {
  const converter = Object.hasOwn(ONNX_LAYERS, node.type)
    ? ONNX_LAYERS[node.type as LayerType]
    : undefined;
  return (
    converter ??
    refuse(
      node,
      `the ONNX export does not know ${node.type} layers yet. Remove the layer or export to another format (TensorFlow.js, Keras JSON, Python).`,
    )
  );
}
