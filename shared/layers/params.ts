import type { ParamValue } from '../graph/types';
import { formatCount } from './shapeUtils';
import { MAX_SIZE } from './sizeLimits';

/** Declarative description of one layer parameter: its kind, default and bounds. */
export type ParamSpec =
  | {
      readonly kind: 'int';
      readonly default: number;
      readonly min: number;
      readonly max?: number;
      readonly help: string;
    }
  | {
      readonly kind: 'float';
      /** `null` means "not set": ReLU's max_value then caps nothing, as Keras's `None`. */
      readonly default: number | null;
      readonly min?: number;
      readonly max?: number;
      /** When true, `max` itself is not allowed (Dropout's rate < 1). */
      readonly maxExclusive?: boolean;
      readonly help: string;
    }
  | {
      readonly kind: 'pair';
      /** `null` means "not set": pooling strides then follow the pool size, as in Keras. */
      readonly default: readonly [number, number] | null;
      readonly min: number;
      readonly help: string;
      /** What an empty field means, shown in it (pooling strides: "same as pool size"). */
      readonly unset?: string;
    }
  | {
      readonly kind: 'choice';
      readonly options: readonly string[];
      readonly default: string;
      readonly help: string;
    }
  | { readonly kind: 'bool'; readonly default: boolean; readonly help: string }
  | {
      readonly kind: 'dims';
      /** `null` means "not set": PReLU's shared_axes then shares nothing, as Keras's `None`. */
      readonly default: readonly number[] | null;
      /** Reshape accepts one -1, meaning "whatever is left". */
      readonly allowInfer: boolean;
      readonly help: string;
    }
  | {
      /**
       * Amounts for the four sides of an image, stored `[top, bottom, left, right]`; typed and
       * imported as Keras writes them: `1` (all sides), `(1, 2)` (height, width) or
       * `((top, bottom), (left, right))` (ZeroPadding2D, Cropping2D).
       */
      readonly kind: 'sides';
      readonly default: readonly [number, number, number, number];
      readonly help: string;
    };

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<S extends ParamSpec> = S extends { kind: 'float'; default: null }
  ? number | null
  : S extends { kind: 'int' | 'float' }
    ? number
    : S extends { kind: 'dims'; default: null }
      ? readonly number[] | null
      : S extends { kind: 'pair'; default: null }
        ? readonly [number, number] | null
        : S extends { kind: 'pair' }
          ? readonly [number, number]
          : S extends { kind: 'choice' }
            ? string
            : S extends { kind: 'bool' }
              ? boolean
              : S extends { kind: 'sides' }
                ? readonly [number, number, number, number]
                : readonly number[];

/** The validated, defaulted parameter values a layer's functions receive. */
export type Resolved<P extends ParamSpecs> = { readonly [K in keyof P]: ValueOf<P[K]> };

export const int = (o: { default: number; min?: number; max?: number; help: string }) =>
  ({ kind: 'int', min: 1, ...o }) as const satisfies ParamSpec;
export const float = (o: {
  default: number;
  min?: number;
  max?: number;
  maxExclusive?: boolean;
  help: string;
}) => ({ kind: 'float', ...o }) as const satisfies ParamSpec;
/** A dropout rate: a fraction from 0 up to, but not including, 1 (Keras refuses a rate of 1). */
export const rate = (o: { default: number; help: string }) =>
  float({ default: o.default, min: 0, max: 1, maxExclusive: true, help: o.help });
export const pair = (o: { default: readonly [number, number]; min?: number; help: string }) =>
  ({ kind: 'pair', min: 1, ...o }) as const satisfies ParamSpec;
export const optionalPair = (o: { help: string }) =>
  ({ kind: 'pair', default: null, min: 1, ...o }) as const satisfies ParamSpec;
export const choice = <const T extends readonly string[]>(
  options: T,
  o: { default: T[number]; help: string },
) => ({ kind: 'choice', options, ...o }) as const satisfies ParamSpec;
export const bool = (o: { default: boolean; help: string }) =>
  ({ kind: 'bool', ...o }) as const satisfies ParamSpec;
export const dims = (o: { default: readonly number[]; allowInfer?: boolean; help: string }) =>
  ({ kind: 'dims', allowInfer: false, ...o }) as const satisfies ParamSpec;
/** A number Keras lets be `None` (not set); the inspector's empty field. */
export const optionalFloat = (o: { min?: number; max?: number; help: string }) =>
  ({ kind: 'float', default: null, ...o }) as const satisfies ParamSpec;
/** A list of axes Keras lets be `None` (not set), like PReLU's shared_axes. */
export const optionalDims = (o: { help: string }) =>
  ({ kind: 'dims', default: null, allowInfer: false, ...o }) as const satisfies ParamSpec;
export const sides = (o: { default: readonly [number, number, number, number]; help: string }) =>
  ({ kind: 'sides', ...o }) as const satisfies ParamSpec;
/** A pair that may be left unset (`null`) and may be 0, like Conv2DTranspose's output_padding. */
export const optionalPairFromZero = (o: { help: string; unset: string }) =>
  ({ kind: 'pair', default: null, min: 0, ...o }) as const satisfies ParamSpec;

/** Keras's activation functions, by their Keras names. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
] as const;
export const activation = (help = 'Function applied to the output.') =>
  choice(ACTIVATIONS, { default: 'linear', help });

/** Why a raw value is not acceptable for a spec, or `undefined` when it is. */
export type ParamProblem = { readonly message: string };

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const fmt = (v: unknown): string =>
  typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));

function checkInt(
  v: number,
  min: number,
  max: number | undefined,
  what: string,
): string | undefined {
  if (v < min) return `${what} must be at least ${min}, got ${v}`;
  if (max !== undefined && v > max) return `${what} must be at most ${max}, got ${v}`;
  if (v > MAX_SIZE)
    return `${what} must be at most ${formatCount(MAX_SIZE)} (TensorFlow's largest size), got ${v}`;
  return undefined;
}

/**
 * Validates and normalises one raw parameter value (from the project file or the inspector).
 * A bare number for a pair means a square: Keras's `kernel_size=3` is `(3, 3)`.
 */
export function normaliseParam(
  name: string,
  spec: ParamSpec,
  raw: ParamValue | undefined,
): { value: unknown } | { problem: string } {
  if (raw === undefined) return { value: spec.default };
  if (raw === null && (spec.kind === 'float' || spec.kind === 'dims') && spec.default === null)
    return { value: null };
  switch (spec.kind) {
    case 'int': {
      if (!isWhole(raw)) return { problem: `${name} must be a whole number, got ${fmt(raw)}` };
      const p = checkInt(raw, spec.min, spec.max, name);
      return p ? { problem: p } : { value: raw };
    }
    case 'float': {
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        return { problem: `${name} must be a number, got ${fmt(raw)}` };
      if (spec.min !== undefined && raw < spec.min)
        return { problem: `${name} must be at least ${spec.min}, got ${raw}` };
      if (spec.max !== undefined && (spec.maxExclusive ? raw >= spec.max : raw > spec.max))
        return {
          problem: `${name} must be ${spec.maxExclusive ? 'below' : 'at most'} ${spec.max}, got ${raw}`,
        };
      return { value: raw };
    }
    case 'pair': {
      if (raw === null && spec.default === null) return { value: null };
      const arr = isWhole(raw) ? [raw, raw] : raw;
      if (!Array.isArray(arr) || arr.length !== 2 || !arr.every(isWhole))
        return {
          problem: `${name} must be a whole number or two of them, like 3 or (3, 3), got ${fmt(raw)}`,
        };
      for (const v of arr) {
        const p = checkInt(v, spec.min, undefined, name);
        if (p) return { problem: p };
      }
      return { value: [arr[0], arr[1]] as const };
    }
    case 'choice':
      if (typeof raw !== 'string' || !spec.options.includes(raw))
        return { problem: `${name} must be one of ${spec.options.join(', ')}; got ${fmt(raw)}` };
      return { value: raw };
    case 'bool':
      if (typeof raw !== 'boolean')
        return { problem: `${name} must be true or false, got ${fmt(raw)}` };
      return { value: raw };
    case 'dims': {
      if (!Array.isArray(raw) || raw.length === 0 || !raw.every(isWhole))
        return {
          problem: `${name} must be a list of whole numbers like [28, 28, 1], got ${fmt(raw)}`,
        };
      const inferred = raw.filter((v) => v === -1).length;
      if (inferred > (spec.allowInfer ? 1 : 0))
        return {
          problem: spec.allowInfer
            ? `${name} may contain -1 only once, got ${fmt(raw)}`
            : `${name} cannot contain -1, got ${fmt(raw)}`,
        };
      const bad = raw.find((v) => v !== -1 && v < 1);
      if (bad !== undefined)
        return { problem: `${name} sizes must be at least 1, got ${bad} in ${fmt(raw)}` };
      const huge = raw.find((v) => v > MAX_SIZE);
      if (huge !== undefined)
        return {
          problem: `${name} sizes must be at most ${formatCount(MAX_SIZE)} (TensorFlow's largest size), got ${huge} in ${fmt(raw)}`,
        };
      return { value: [...raw] };
    }
    case 'sides': {
      raw = flattenSides(raw);
      const four = isWhole(raw)
        ? [raw, raw, raw, raw]
        : Array.isArray(raw) && raw.length === 2
          ? [raw[0], raw[0], raw[1], raw[1]]
          : raw;
      if (!Array.isArray(four) || four.length !== 4 || !four.every(isWhole))
        return {
          problem: `${name} must be one whole number, two (height, width) or ((top, bottom), (left, right)), like 1, (1, 2) or ((1, 1), (2, 2)); got ${fmt(raw)}`,
        };
      for (const v of four) {
        const p = checkInt(v, 0, undefined, name);
        if (p) return { problem: p };
      }
      return { value: [four[0], four[1], four[2], four[3]] as const };
    }
  }
}

/**
 * Keras's nested `((top, bottom), (left, right))` as the flat `[top, bottom, left, right]` a
 * `sides` parameter holds; anything else as it is, for `normaliseParam` to judge.
 */
export function flattenSides(raw: unknown): ParamValue {
  if (
    Array.isArray(raw) &&
    raw.length === 2 &&
    raw.every((r) => Array.isArray(r) && r.length === 2)
  )
    return (raw as number[][]).flat();
  return raw as ParamValue;
}

/** `[top, bottom, left, right]` as Keras writes it: `[[top, bottom], [left, right]]`. */
export const nestedSides = (
  s: readonly [number, number, number, number],
): [[number, number], [number, number]] => [
  [s[0], s[1]],
  [s[2], s[3]],
];

/** One number as typed: plain decimal or exponent notation (`1e3`), nothing else (`0x10`, `Infinity`). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What the learner typed into a parameter's field, as the value the project stores: numbers
 * where the text reads as numbers, the text itself otherwise (so the error can quote it).
 * Sizes read the way Keras and Python write them: `5` (a square window for a pair, as Keras's
 * `kernel_size=5`), `5, 5`, `[5, 5]`, `(5, 5)`, `5x5` and `5×5`; a shape may end with Python's
 * one-element comma, `(784,)`.
 */
export function parseParamText(spec: ParamSpec, text: string): ParamValue {
  const t = text.trim();
  if (
    (spec.kind === 'float' || spec.kind === 'dims') &&
    spec.default === null &&
    (t === '' || t === 'None')
  )
    return null;
  if (spec.kind === 'int' || spec.kind === 'float') return NUMBER.test(t) ? Number(t) : text;
  if (spec.kind === 'sides') {
    // `((1, 2), (3, 4))` reads as its four numbers in order: top, bottom, left, right.
    const parts = t
      .replace(/[()[\]]/g, ' ')
      .trim()
      .split(/\s*[,x×]\s*|\s+/)
      .filter((p) => p !== '');
    if (parts.length === 0 || !parts.every((p) => NUMBER.test(p))) return text;
    const numbers = parts.map(Number);
    return numbers.length === 1 ? (numbers[0] ?? text) : numbers;
  }
  if (spec.kind !== 'pair' && spec.kind !== 'dims') return text;
  if (spec.kind === 'pair' && t === '') return null;
  const inner = /^\[(.*)\]$/s.exec(t)?.[1] ?? /^\((.*)\)$/s.exec(t)?.[1] ?? t;
  const body = inner.trim();
  // Python's one-element tuple, `(784,)`, names a shape; a window needs both sizes.
  const parts = (spec.kind === 'dims' && inner !== t ? body.replace(/,$/, '') : body).split(
    /\s*[,x×]\s*|\s+/,
  );
  if (!parts.every((p) => NUMBER.test(p))) return text;
  const numbers = parts.map(Number);
  return spec.kind === 'pair' && numbers.length === 1 ? (numbers[0] ?? text) : numbers;
}
