import type { ParamCount } from '../layers/defineLayer';
import type { Shape } from '../graph/types';
import { formatCount, formatDims } from '../layers/shapeUtils';
import { step, times, type ArithmeticStep } from './arithmetic';

/** The arithmetic behind one block's output shape and parameter count, with its own numbers. */
export interface LayerArithmetic {
  readonly type: string;
  /** `28×28×1 → 26×26×32` */
  readonly transition: string;
  readonly shapeSteps: readonly ArithmeticStep[];
  readonly paramSteps: readonly ArithmeticStep[];
  readonly trainable: number;
  readonly nonTrainable: number;
  /** Everything above as one plain paragraph, for tooltips and copy-paste. */
  readonly text: string;
}

/** What `explainLayer` needs about one block: resolved params and what the graph core inferred. */
export interface LayerFacts {
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  readonly count: ParamCount;
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const flag = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
function pairOf(v: unknown, fallback: readonly [number, number]): readonly [number, number] {
  return Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number' ? [v[0], v[1]] : fallback;
}
const dim = (s: Shape | undefined, i: number): number => (s ? (s.at(i) ?? 0) : 0);

/** Height or width of a sliding window's output, as Keras's `conv_output_length` computes it. */
function windowSteps(
  axis: 'height' | 'width',
  input: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: string,
  result: number,
  strideNote?: string,
): ArithmeticStep[] {
  if (padding === 'same') return [step(axis, `ceil(${input} / ${stride})`, result, `'same' pads so the window fits; only the stride shrinks${strideNote ? `; ${strideNote}` : ''}`)];
  const out: ArithmeticStep[] = [];
  let k = kernel;
  if (dilation > 1) {
    k = (kernel - 1) * dilation + 1;
    out.push(step(`effective ${axis} kernel`, `(${kernel} − 1) × ${dilation} + 1`, k, 'dilation spreads the kernel taps apart'));
  }
  out.push(step(axis, `floor((${input} − ${k} + 0) / ${stride}) + 1`, result, `'valid' adds no padding (the + 0)${strideNote ? `; ${strideNote}` : ''}`));
  return out;
}

function convShape(f: LayerFacts): ArithmeticStep[] {
  const x = f.inputShapes[0];
  const k = pairOf(f.params.kernel_size, [3, 3]);
  const s = pairOf(f.params.strides, [1, 1]);
  const d = pairOf(f.params.dilation_rate, [1, 1]);
  const pad = f.params.padding === 'same' ? 'same' : 'valid';
  return [
    ...windowSteps('height', dim(x, 1), k[0], s[0], d[0], pad, dim(f.outputShape, 1)),
    ...windowSteps('width', dim(x, 2), k[1], s[1], d[1], pad, dim(f.outputShape, 2)),
    step('channels', String(dim(f.outputShape, 3)), dim(f.outputShape, 3), 'one channel per filter'),
  ];
}

function poolShape(f: LayerFacts): ArithmeticStep[] {
  const x = f.inputShapes[0];
  const p = pairOf(f.params.pool_size, [2, 2]);
  const given = f.params.strides;
  const s = pairOf(given, p);
  const note = given === null || given === undefined ? 'strides default to pool_size' : undefined;
  const pad = f.params.padding === 'same' ? 'same' : 'valid';
  return [
    ...windowSteps('height', dim(x, 1), p[0], s[0], 1, pad, dim(f.outputShape, 1), note),
    ...windowSteps('width', dim(x, 2), p[1], s[1], 1, pad, dim(f.outputShape, 2), note),
    step('channels', String(dim(f.outputShape, 3)), dim(f.outputShape, 3), 'pooling keeps the channels'),
  ];
}

/** A layer that keeps its input's shape; the expression is the shape itself, read as a product. */
function unchanged(out: Shape, note: string): ArithmeticStep {
  const dims = out.slice(1).map((v) => v ?? 0);
  return { what: 'shape', expression: times(...dims), result: dims.reduce((a, b) => a * b, 1), text: `${formatDims(out)} (unchanged)`, note };
}

function shapeSteps(f: LayerFacts): ArithmeticStep[] {
  const x = f.inputShapes[0] ?? [];
  const last = dim(f.outputShape, -1);
  switch (f.type) {
    case 'Conv2D':
      return convShape(f);
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return poolShape(f);
    case 'Flatten': {
      const dims = x.slice(1).map((v) => v ?? 0);
      return [step('features', dims.length > 1 ? times(...dims) : String(dims[0] ?? 0), last, 'every number of the input, in one row')];
    }
    case 'Dense':
      return [
        step('units', String(last), last, x.length > 2 ? `on a ${x.length - 1}-axis input Dense acts on the last axis only (${dim(x, -1)} → ${last}); the other axes stay` : 'one output per unit'),
      ];
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
      return [step('channels', String(last), last, 'one number per channel: each whole feature map is pooled')];
    case 'Concatenate': {
      const rank = f.outputShape.length;
      const rawAxis = num(f.params.axis, -1);
      const axis = rawAxis < 0 ? rank + rawAxis : rawAxis;
      const sizes = f.inputShapes.map((s) => dim(s, axis));
      return [step(`axis ${rawAxis}`, sizes.join(' + '), dim(f.outputShape, axis), 'the inputs’ sizes on the joined axis add up; the other sizes stay')];
    }
    case 'Reshape': {
      const dims = f.outputShape.slice(1).map((v) => v ?? 0);
      return [step('features', times(...dims), dims.reduce((a, b) => a * b, 1), `the same ${formatCount(dims.reduce((a, b) => a * b, 1))} numbers, rearranged`)];
    }
    case 'Add':
      return [unchanged(f.outputShape, 'element-wise sum: the inputs line up number for number, so the shape stays')];
    case 'InputLayer':
      return [];
    default:
      return [unchanged(f.outputShape, 'works number by number: the shape stays')];
  }
}

function paramSteps(f: LayerFacts): ArithmeticStep[] {
  const x = f.inputShapes[0];
  const total = f.count.trainable + f.count.nonTrainable;
  switch (f.type) {
    case 'Conv2D': {
      const k = pairOf(f.params.kernel_size, [3, 3]);
      const c = dim(x, 3);
      const filters = num(f.params.filters, dim(f.outputShape, 3));
      const bias = flag(f.params.use_bias, true);
      return [
        bias
          ? step('parameters', `(${times(k[0], k[1], c)} + 1) × ${filters}`, total, 'each filter has kernel height × width × input channels weights and one bias')
          : step('parameters', times(k[0], k[1], c, filters), total, 'each filter has kernel height × width × input channels weights; no bias'),
      ];
    }
    case 'Dense': {
      const n = dim(x, -1);
      const units = num(f.params.units, dim(f.outputShape, -1));
      return [
        flag(f.params.use_bias, true)
          ? step('parameters', `${n} × ${units} weights + ${units} biases`, total, 'every input connects to every unit, plus one bias per unit')
          : step('parameters', `${n} × ${units} weights`, total, 'every input connects to every unit; no bias'),
      ];
    }
    case 'BatchNormalization': {
      const c = dim(x, -1);
      const learned = (flag(f.params.center, true) ? 1 : 0) + (flag(f.params.scale, true) ? 1 : 0);
      return [
        step('trainable', `${learned} × ${c}`, f.count.trainable, 'gamma (scale) and beta (offset) per channel, learned'),
        step('non-trainable', `2 × ${c}`, f.count.nonTrainable, 'moving mean and variance per channel, updated while training but not learned'),
        step('parameters', `${f.count.trainable} + ${f.count.nonTrainable}`, total),
      ];
    }
    default:
      return [step('parameters', '0', 0, 'no weights to learn')];
  }
}

/**
 * Explains one block's output shape and parameter count with the learner's own numbers,
 * from the shapes and counts the graph core inferred (so the two cannot disagree).
 */
export function explainLayer(f: LayerFacts): LayerArithmetic {
  const shape = shapeSteps(f);
  const params = paramSteps(f);
  const from = f.inputShapes.map((s) => formatDims(s)).join(' + ');
  const transition = f.type === 'InputLayer' ? formatDims(f.outputShape) : `${from} → ${formatDims(f.outputShape)}`;
  const describe = (s: ArithmeticStep) => `${s.what}: ${s.text}${s.note ? ` (${s.note})` : ''}`;
  const text = [`${f.type} ${transition}`, ...shape.map(describe), ...params.map(describe)].join('; ');
  return { type: f.type, transition, shapeSteps: shape, paramSteps: params, trainable: f.count.trainable, nonTrainable: f.count.nonTrainable, text };
}
