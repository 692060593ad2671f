import type { Shape } from '../../shared/graph/types';

/** The glyph's drawing box, in CSS pixels. */
export const GLYPH_BOX = { width: 56, height: 44 } as const;

/**
 * How an output shape is drawn: a slab whose square face follows H×W and whose depth follows the
 * channels (as NN-SVG draws LeNet), or a bar whose length follows a vector's size. Sizes are
 * log-scaled and clamped so a 28×28×1 image and a 5×5×64 map both read at block size.
 */
export type GlyphGeometry =
  | { readonly kind: 'slab'; readonly side: number; readonly depth: number }
  | { readonly kind: 'bar'; readonly length: number }
  | { readonly kind: 'none' };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The glyph for a Keras output shape (batch dimension first, as `(None, 26, 26, 32)`). */
export function glyphGeometry(shape: Shape | undefined): GlyphGeometry {
  if (!shape) return { kind: 'none' };
  const dims = shape.slice(1);
  if (dims.some((d) => d === null || d <= 0)) return { kind: 'none' };
  const sizes = dims as number[];
  if (sizes.length === 3) {
    const [h = 1, w = 1, c = 1] = sizes;
    return {
      kind: 'slab',
      side: Math.round(clamp(6 + 4 * Math.log2(Math.sqrt(h * w)), 6, 30)),
      depth: Math.round(clamp(2 + 3 * Math.log2(c), 2, 22)),
    };
  }
  const n = sizes.reduce((a, b) => a * b, 1);
  return { kind: 'bar', length: Math.round(clamp(4 + 5 * Math.log2(n), 4, GLYPH_BOX.width - 4)) };
}
