import type { IssueDraft } from '../graph/issues';
import type { Shape } from '../graph/types';
import type { LayerContext } from './defineLayer';
import { int } from './params';
import { formatShape } from './shapeUtils';

/**
 * An `axis` parameter as Keras's default (-1, the last axis), from -8 to 8; `help` says what the
 * layer does along it.
 */
export const axisParam = (help: string) => int({ default: -1, min: -8, max: 8, help });

/**
 * An `axis` parameter counted from the front (Keras's -1 is the last axis), or -1 when it names
 * no axis of a shape of this rank or names the batch axis 0.
 */
export const resolveAxis = (rank: number, axis: number): number => {
  const a = axis < 0 ? rank + axis : axis;
  return a >= 1 && a < rank ? a : -1;
};

/**
 * The learner's error for an `axis` parameter that {@link resolveAxis} refuses, with the one-click
 * fix to -1. `batchAxisCannotBe` says what the layer does along its axis ('normalised',
 * 'joined'); `input` names what has the shape ('an input', or 'inputs' for a merge).
 */
export function missingAxis(
  ctx: LayerContext,
  axis: number,
  shape: Shape,
  batchAxisCannotBe: string,
  input = 'an input',
): IssueDraft {
  return {
    code: 'badParam',
    message: `${ctx.type} '${ctx.name}': axis ${axis} does not exist for ${input} of shape ${formatShape(shape)} (the batch axis 0 cannot be ${batchAxisCannotBe}).`,
    hint: `Use an axis from 1 to ${shape.length - 1}, or -1 for the last.`,
    fix: { kind: 'setParam', label: 'Set axis to -1', nodeId: ctx.id, param: 'axis', value: -1 },
  };
}
