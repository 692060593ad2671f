import { memo } from 'react';
import type { Shape } from '../../shared/graph/types';
import { GLYPH_BOX, glyphGeometry } from './tensorGlyph';

/** The depth axis leans up and right: half a unit up for every unit across. */
const LEAN = 0.5;

/**
 * A small proportional drawing of a tensor in the family's colour: a slab for an image-shaped
 * output, a bar for a vector. Decorative: the shape is always written beside it.
 */
export const TensorGlyph = memo(function TensorGlyph({
  shape,
  color,
}: {
  shape: Shape | undefined;
  color: string;
}) {
  const g = glyphGeometry(shape);
  const { width: W, height: H } = GLYPH_BOX;
  let body = null;
  if (g.kind === 'slab') {
    const { side: s, depth: d } = g;
    const dy = d * LEAN;
    // Front face bottom-left sits so the whole slab is centred in the box.
    const x = (W - s - d) / 2;
    const y = (H - s - dy) / 2 + dy;
    const top = `${x},${y} ${x + d},${y - dy} ${x + d + s},${y - dy} ${x + s},${y}`;
    const right = `${x + s},${y} ${x + s + d},${y - dy} ${x + s + d},${y - dy + s} ${x + s},${y + s}`;
    body = (
      <>
        <polygon points={top} fillOpacity={0.55} />
        <polygon points={right} fillOpacity={0.8} />
        <rect x={x} y={y} width={s} height={s} fillOpacity={0.3} />
      </>
    );
  } else if (g.kind === 'bar') {
    body = (
      <rect
        x={(W - g.length) / 2}
        y={H / 2 - 4}
        width={g.length}
        height={8}
        fillOpacity={0.45}
        rx={1}
      />
    );
  }
  return (
    <svg
      className="nc-glyph"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      aria-hidden="true"
      fill={color}
      stroke={color}
      strokeWidth={1}
      strokeLinejoin="round"
    >
      {body}
    </svg>
  );
});
