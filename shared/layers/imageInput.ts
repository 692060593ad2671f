import type { IssueDraft } from '../graph/issues';
import type { Shape } from '../graph/types';
import type { LayerContext } from './defineLayer';
import { formatDims, formatShape } from './shapeUtils';

/** A 4-D input (batch, height, width, channels) with known sizes, or the learner-facing reason it is not. */
export function imageInput(
  x: Shape,
  ctx: LayerContext,
): { h: number; w: number; c: number } | IssueDraft {
  if (x.length !== 4) {
    const from = ctx.inputNames[0] ? ` from '${ctx.inputNames[0]}'` : '';
    const n = x.length === 2 ? x[1] : null;
    if (n != null) {
      const side = Math.round(Math.sqrt(n));
      const square = side * side === n;
      return {
        code: 'needsImage',
        message: `${ctx.type} '${ctx.name}' needs an image (height × width × channels), but it receives a flat vector of ${n} numbers${from}.`,
        hint: square
          ? `${ctx.type} slides a window over rows and columns. Remove the Flatten/Dense before it, or insert a Reshape to (${side}, ${side}, 1).`
          : `${ctx.type} slides a window over rows and columns. Feed it an image: remove the Flatten/Dense before it.`,
        ...(square && ctx.inputIds[0]
          ? {
              fix: {
                kind: 'insertBetween',
                label: `Insert Reshape to (${side}, ${side}, 1)`,
                sourceId: ctx.inputIds[0],
                targetId: ctx.id,
                layer: { type: 'Reshape', params: { target_shape: [side, side, 1] } },
              },
            }
          : {}),
      };
    }
    return {
      code: 'needsImage',
      message: `${ctx.type} '${ctx.name}' needs an image (height × width × channels), but its input has shape ${formatShape(x)}${from}.`,
      hint: `Give it a 3-D input like (28, 28, 1): check the Input shape or insert a Reshape.`,
    };
  }
  const [, h, w, c] = x;
  if (h == null || w == null || c == null)
    return {
      code: 'needsKnownSize',
      message: `${ctx.type} '${ctx.name}' needs known image sizes, but its input is ${formatDims(x)}.`,
      hint: 'Set a fixed size on the Input block.',
    };
  return { h, w, c };
}

export const isIssue = (v: object): v is IssueDraft => 'code' in v;
