import type { ArithmeticStep } from '../explain/arithmetic';
import type { IssueDraft } from '../graph/issues';
import type { ParamValue, Shape } from '../graph/types';
import type { ParamSpecs, Resolved } from './params';

/**
 * A layer's family: where it sits in the palette, and (in the renderer) its colour and icon on
 * blocks, summary rows, the minimap and Insight headings.
 */
export type LayerFamily =
  | 'Input'
  | 'Convolution'
  | 'Pooling'
  | 'Dense'
  | 'Regularization'
  | 'Normalization'
  | 'Activation'
  | 'Reshaping'
  | 'Merging';

/** Trainable and non-trainable weights of one layer, as Keras counts them. */
export interface ParamCount {
  readonly trainable: number;
  readonly nonTrainable: number;
}

/** Names a layer in messages: "Conv2D 'conv2d_1'". */
export interface LayerContext {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  /** Ids and names of the layers feeding this one, in input order. */
  readonly inputIds: readonly string[];
  readonly inputNames: readonly string[];
}

/** Shape inference outcome: a shape, or an error written for a learner. */
export type ShapeResult =
  { readonly ok: true; readonly shape: Shape } | { readonly ok: false; readonly issue: IssueDraft };

export const ok = (shape: Shape): ShapeResult => ({ ok: true, shape });
export const fail = (issue: IssueDraft): ShapeResult => ({ ok: false, issue });

/** What a learner reads about a layer: what it does and its two formulas. */
export interface LayerExplanation {
  readonly summary: string;
  readonly shapeFormula: string;
  readonly paramFormula: string;
}

/**
 * What a layer's arithmetic is worked from: its inputs and what the graph core inferred for it,
 * so the explanation and the inferred shape and count cannot disagree.
 */
export interface ArithmeticFacts<P extends ParamSpecs> {
  readonly inputs: readonly Shape[];
  readonly output: Shape;
  /** The same validated, defaulted values `outputShape` and `paramCount` received. */
  readonly p: Resolved<P>;
  readonly count: ParamCount;
}

/**
 * The arithmetic a learner sees for one block, with their own numbers: how each output size
 * and the parameter count come about (`floor((28 − 3 + 0) / 1) + 1 = 26`). Every step's
 * expression must evaluate to its result (checked by `explainLayer.test.ts` for every layer).
 */
export interface LayerArithmeticSteps<P extends ParamSpecs> {
  /** Output sizes; empty for a layer that only states its shape (InputLayer). */
  readonly shape: (f: ArithmeticFacts<P>) => ArithmeticStep[];
  /** The parameter count, ending in a step named `parameters` holding the total. */
  readonly params: (f: ArithmeticFacts<P>) => ArithmeticStep[];
}

/** A layer type: data plus pure functions, in the spirit of tfjs-layers' computeOutputShape. */
export interface LayerDef<P extends ParamSpecs = ParamSpecs> {
  readonly kerasClass: string;
  readonly family: LayerFamily;
  readonly params: P;
  readonly inputs: { readonly min: number; readonly max: number };
  readonly explain: LayerExplanation;
  /** The worked arithmetic behind its shape and count; required, so no layer ships without it. */
  readonly arithmetic: LayerArithmeticSteps<P>;
  /** The base of Keras's automatic layer names (`conv2d` → `conv2d`, `conv2d_1`, ...). */
  readonly namePrefix: string;
  readonly outputShape: (
    inputs: readonly Shape[],
    p: Resolved<P>,
    ctx: LayerContext,
  ) => ShapeResult;
  readonly paramCount: (inputs: readonly Shape[], p: Resolved<P>) => ParamCount;
  /** Legal but probably unintended uses, given valid inputs. */
  readonly warnings?: (
    inputs: readonly Shape[],
    p: Resolved<P>,
    ctx: LayerContext,
    output: Shape,
  ) => IssueDraft[];
  /** Keras config fields (snake_case) from resolved params; defaults to the params as they are. */
  readonly toKeras?: (p: Resolved<P>) => Record<string, unknown>;
  /** Project params from a Keras layer config; defaults to copying the fields named like params. */
  readonly fromKeras?: (config: Readonly<Record<string, unknown>>) => Record<string, ParamValue>;
}

/** Identity for type inference: keeps each layer's params precisely typed. */
export const defineLayer = <P extends ParamSpecs>(def: LayerDef<P>): LayerDef<P> => def;

/** A layer definition with its parameter types erased, for registries. */
export type AnyLayerDef = LayerDef<ParamSpecs>;

export const NO_PARAMS: ParamCount = { trainable: 0, nonTrainable: 0 };

/** The single input of a one-input layer; the graph pass guarantees it exists before calling. */
export function only(inputs: readonly Shape[]): Shape {
  const x = inputs[0];
  if (!x) throw new Error('internal: layer called without its input');
  return x;
}
