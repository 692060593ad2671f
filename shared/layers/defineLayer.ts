import type { IssueDraft } from '../graph/issues';
import type { ParamValue, Shape } from '../graph/types';
import type { ParamSpecs, Resolved } from './params';

/**
 * A layer's family: where it sits in the palette, and (in the renderer) its colour and icon on
 * blocks, summary rows, the minimap and Insight headings.
 */
export type LayerFamily = 'Input' | 'Convolution' | 'Pooling' | 'Dense' | 'Regularization' | 'Normalization' | 'Activation' | 'Reshaping' | 'Merging';

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
export type ShapeResult = { readonly ok: true; readonly shape: Shape } | { readonly ok: false; readonly issue: IssueDraft };

export const ok = (shape: Shape): ShapeResult => ({ ok: true, shape });
export const fail = (issue: IssueDraft): ShapeResult => ({ ok: false, issue });

/** What a learner reads about a layer: what it does and its two formulas. */
export interface LayerExplanation {
  readonly summary: string;
  readonly shapeFormula: string;
  readonly paramFormula: string;
}

/** A layer type: data plus pure functions, in the spirit of tfjs-layers' computeOutputShape. */
export interface LayerDef<P extends ParamSpecs = ParamSpecs> {
  readonly kerasClass: string;
  readonly family: LayerFamily;
  readonly params: P;
  readonly inputs: { readonly min: number; readonly max: number };
  readonly explain: LayerExplanation;
  /** The base of Keras's automatic layer names (`conv2d` → `conv2d`, `conv2d_1`, ...). */
  readonly namePrefix: string;
  readonly outputShape: (inputs: readonly Shape[], p: Resolved<P>, ctx: LayerContext) => ShapeResult;
  readonly paramCount: (inputs: readonly Shape[], p: Resolved<P>) => ParamCount;
  /** Legal but probably unintended uses, given valid inputs. */
  readonly warnings?: (inputs: readonly Shape[], p: Resolved<P>, ctx: LayerContext, output: Shape) => IssueDraft[];
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
