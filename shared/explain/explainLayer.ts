import type { AnyLayerDef, ParamCount } from '../layers/defineLayer';
import type { Shape } from '../graph/types';
import { formatDims } from '../layers/shapeUtils';
import type { ArithmeticStep } from './arithmetic';

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
  /** Validated, defaulted parameters (`resolveParams(def, node.params).values`). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  readonly count: ParamCount;
}

/**
 * Explains one block's output shape and parameter count with the learner's own numbers,
 * from the shapes and counts the graph core inferred (so the two cannot disagree). The steps
 * come from the layer's own definition (`defineLayer({ arithmetic })`).
 */
export function explainLayer(def: AnyLayerDef, f: LayerFacts): LayerArithmetic {
  const type = def.kerasClass;
  const facts = {
    inputs: f.inputShapes,
    output: f.outputShape,
    p: f.params as never,
    count: f.count,
  };
  const shape = def.arithmetic.shape(facts);
  const params = def.arithmetic.params(facts);
  const from = f.inputShapes.map((s) => formatDims(s)).join(' + ');
  const transition =
    def.inputs.max === 0 ? formatDims(f.outputShape) : `${from} → ${formatDims(f.outputShape)}`;
  const describe = (s: ArithmeticStep) => `${s.what}: ${s.text}${s.note ? ` (${s.note})` : ''}`;
  const text = [`${type} ${transition}`, ...shape.map(describe), ...params.map(describe)].join(
    '; ',
  );
  return {
    type,
    transition,
    shapeSteps: shape,
    paramSteps: params,
    trainable: f.count.trainable,
    nonTrainable: f.count.nonTrainable,
    text,
  };
}
