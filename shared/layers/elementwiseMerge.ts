import { noWeights, unchangedShape } from '../explain/arithmetic';
import type { Shape } from '../graph/types';
import type { LayerDef } from './defineLayer';
import { defineLayer, fail, NO_PARAMS, ok } from './defineLayer';
import { broadcastShapes, formatShape } from './shapeUtils';

/** What sets one element-wise merge apart from the others. */
export interface ElementwiseMergeSpec {
  readonly kerasClass: string;
  readonly namePrefix: string;
  /** How many inputs Keras takes at most (Subtract: exactly 2). */
  readonly maxInputs?: number;
  /** The verb in an error, `cannot ${verb} (None, 4) … and (None, 5)`: `add`, `multiply`. */
  readonly verb: string;
  /** What the layer does, for the learner; the broadcasting rule is appended. */
  readonly summary: string;
  /** What the output holds, for the shape formula: `the sum`, `the product`. */
  readonly result: string;
  /** The note on the shape step: `element-wise sum`. */
  readonly operation: string;
}

/**
 * The shape of an element-wise merge of two inputs, as Keras's `Merge.compute_output_shape`:
 * the sizes after the batch broadcast (`broadcastShapes`), so a lower-rank input lines up with the
 * last axes, `(None, 8, 8, 4)` with `(None, 4)` giving `(None, 8, 8, 4)`; the batch stays. `null`
 * when they cannot be merged.
 */
export function mergeShape(a: Shape, b: Shape): Shape | null {
  const sizes = broadcastShapes(a.slice(1), b.slice(1));
  return sizes && [a[0] === b[0] ? (a[0] ?? null) : null, ...sizes];
}

/**
 * An element-wise merge layer (Add, Multiply, Average, Maximum, Minimum, Subtract): two or more
 * inputs of one shape combined number by number, with Keras's broadcasting (trailing sizes line
 * up, a size of 1 stretches; see `mergeShape`), no weights.
 */
export function elementwiseMerge(spec: ElementwiseMergeSpec): LayerDef<Record<never, never>> {
  const max = spec.maxInputs ?? Number.POSITIVE_INFINITY;
  return defineLayer({
    kerasClass: spec.kerasClass,
    family: 'Merging',
    namePrefix: spec.namePrefix,
    inputs: { min: 2, max },
    params: {},
    explain: {
      summary: `${spec.summary} The inputs must have the same shape, except that a size of 1 is stretched to match (as in NumPy).`,
      shapeFormula: `out = the common input shape (a size of 1 stretches to the other size), holding ${spec.result}`,
      paramFormula: '0: no weights',
    },
    arithmetic: {
      shape: ({ output }) => [
        unchangedShape(
          output,
          `${spec.operation}: the inputs line up number for number, so the shape stays`,
        ),
      ],
      params: noWeights,
    },
    outputShape: (inputs, _p, ctx) => {
      const [first, ...rest] = inputs;
      if (!first)
        return fail({
          code: 'tooFewInputs',
          message: `${ctx.type} '${ctx.name}' has no inputs.`,
          hint: max === 2 ? 'Connect two layers.' : 'Connect two or more layers.',
        });
      let out = first;
      for (const [k, shape] of rest.entries()) {
        const merged = mergeShape(out, shape);
        if (!merged)
          return fail({
            code: 'shapesDoNotMatch',
            message: `${ctx.type} '${ctx.name}' cannot ${spec.verb} ${formatShape(first)} from '${ctx.inputNames[0] ?? '?'}' and ${formatShape(shape)} from '${ctx.inputNames[k + 1] ?? '?'}': the shapes differ.`,
            hint: "Make the branches produce the same shape: match filters/units, and use padding 'same' or the same pooling on both.",
          });
        out = merged;
      }
      return ok(out);
    },
    paramCount: () => NO_PARAMS,
  });
}
