import { useMemo } from 'react';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { Graph } from '../../shared/graph/types';
import { familyLook } from '../theme/layerFamilies';

/** log-scaled and clamped, as NN-SVG sizes its slabs: a 784-vector is tall, a 10-vector short. */
const scale = (n: number, lo: number, hi: number, max: number) =>
  lo + (hi - lo) * Math.min(1, Math.log2(Math.max(1, n)) / Math.log2(max));

interface Glyph {
  readonly kind: 'slab' | 'bar' | 'dot';
  readonly color: string;
  readonly h: number;
  readonly d: number;
  readonly w: number;
  readonly dashed: boolean;
}

function glyphs(graph: Graph): Glyph[] {
  const report = inferGraph(graph);
  return report.order.flatMap((id): Glyph[] => {
    const node = graph.nodes.find((n) => n.id === id);
    const shape = report.nodes.get(id)?.outputShape;
    if (!node || !shape) return [];
    const color = familyLook(node.type).color;
    const dashed = node.type === 'Dropout';
    if (shape.length === 4) {
      const [, h = 1, , c = 1] = shape;
      const side = scale(h ?? 1, 10, 46, 64);
      const depth = scale(c ?? 1, 2, 16, 512);
      return [{ kind: 'slab', color, h: side, d: depth, w: side * 0.45, dashed }];
    }
    const n = shape.at(-1) ?? 1;
    return [{ kind: 'bar', color, h: scale(n ?? 1, 8, 54, 4096), d: 0, w: 6, dashed }];
  });
}

/**
 * A network drawn small, left to right, as the canvas draws tensors: an image tensor as an
 * H×W×C slab (side follows H, depth follows the channels), a vector as a bar (height follows
 * its length), each in its layer family's colour. Decorative: the card's text says the same.
 */
export function NetworkThumbnail({ graph, height = 72 }: { graph: Graph; height?: number }) {
  const shapes = useMemo(() => glyphs(graph), [graph]);
  const gap = 7;
  let x = 4;
  const mid = 34;
  const parts = shapes.map((g, i) => {
    const left = x;
    x += (g.kind === 'slab' ? g.w + g.d : g.w) + gap;
    const common = {
      stroke: g.color,
      strokeWidth: 1.2,
      strokeDasharray: g.dashed ? '2 2' : undefined,
    };
    if (g.kind === 'bar')
      return (
        <rect
          key={i}
          x={left}
          y={mid - g.h / 2}
          width={g.w}
          height={g.h}
          rx={2}
          fill={g.color}
          fillOpacity={0.35}
          {...common}
        />
      );
    // A box seen from the front-left: front face w×h, receding d to the upper right.
    const top = mid - g.h / 2;
    const off = g.d * 0.6;
    const front = `M${left},${top + off} h${g.w} v${g.h} h${-g.w} Z`;
    const side = `M${left + g.w},${top + off} l${g.d},${-off} v${g.h} l${-g.d},${off} Z`;
    const lid = `M${left},${top + off} l${g.d},${-off} h${g.w} l${-g.d},${off} Z`;
    return (
      <g key={i} {...common} strokeLinejoin="round">
        <path d={side} fill={g.color} fillOpacity={0.5} />
        <path d={lid} fill={g.color} fillOpacity={0.2} />
        <path d={front} fill={g.color} fillOpacity={0.32} />
      </g>
    );
  });
  const width = Math.max(40, x);
  return (
    <svg
      className="nc-thumbnail"
      viewBox={`0 0 ${width} 72`}
      height={height}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden
      focusable="false"
    >
      <line x1={0} x2={width} y1={mid} y2={mid} stroke="var(--border-1)" strokeWidth={1} />
      {parts}
    </svg>
  );
}
