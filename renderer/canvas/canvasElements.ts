import type { GraphReport } from '../../shared/graph/inferGraph';
import type { IssueCode } from '../../shared/graph/issues';
import type { Edge, Graph, Position } from '../../shared/graph/types';
import { formatShape } from '../../shared/layers/shapeUtils';
import { detourLane, separateBlocks } from './blockLayout';
import type { Box } from './blockLayout';
import type { LayerBlockNode } from './LayerBlock';
import type { ShapeEdgeType } from './ShapeEdge';

/** A block's size as React Flow measured it. */
export type Dimensions = { readonly width: number; readonly height: number };

/** A block's size before React Flow has measured it (the CSS width, a typical height). */
export const BLOCK_SIZE: Dimensions = { width: 240, height: 104 };

/** What the canvas draws, and the same objects by id for the next edit to reuse. */
export interface CanvasElements {
  readonly nodes: LayerBlockNode[];
  readonly edges: ShapeEdgeType[];
  readonly nodeById: ReadonlyMap<string, LayerBlockNode>;
  readonly edgeById: ReadonlyMap<string, ShapeEdgeType>;
}

export const NO_ELEMENTS: CanvasElements = {
  nodes: [],
  edges: [],
  nodeById: new Map(),
  edgeById: new Map(),
};

/** Problems of a layer that are about what arrives on its wires: its wires are drawn as errors. */
const WIRE_PROBLEMS: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'needsImage',
  'needsKnownSize',
  'shapesDoNotMatch',
  'concatMismatch',
  'reshapeMismatch',
  'tooManyInputs',
  'cycle',
]);

/** What a wire shows: the shape it carries (or '' while unknown), and why its target rejects it. */
export interface WireFacts {
  readonly shape: string;
  readonly problem: string | undefined;
}

/** A wire's facts from the graph's report. */
export function wireFacts(edge: Edge, report: GraphReport): WireFacts {
  const shape = report.edgeShapes.get(edge.id);
  return {
    shape: shape ? formatShape(shape) : '',
    problem: report.nodes
      .get(edge.target)
      ?.issues.find((i) => i.severity === 'error' && WIRE_PROBLEMS.has(i.code))?.message,
  };
}

/** Every wire's facts by id: what the wires on screen draw, ahead of React Flow's edge objects. */
export function allWireFacts(graph: Graph, report: GraphReport): ReadonlyMap<string, WireFacts> {
  return new Map(graph.edges.map((e) => [e.id, wireFacts(e, report)]));
}

const samePosition = (a: Position, b: Position) => a.x === b.x && a.y === b.y;

/**
 * React Flow's nodes and edges for the graph. A node carries the layer it was made with, not
 * its report nor its later settings: a block reads its shapes and counts (`useBlockReport`) and
 * its settings as edited (`useBlockLayer`) itself, so a node whose class, name, position and
 * selection are unchanged keeps its previous object through any edit of settings, and React Flow
 * (which re-processes every new node object, and redraws it in the minimap) sees no change. An
 * edge keeps its object while its label, problem, lane, end names and selection are unchanged.
 * When nothing changed, the previous arrays themselves are returned. A new node object carries
 * the block's last measured size: React Flow hides a node object without one and measures it
 * again (DOM reads and a store update per block).
 *
 * Blocks are drawn where they are stored, except that a block grown taller (by a problem it shows)
 * pushes the blocks below it down rather than covering them; a wire that would cross blocks runs
 * beside them.
 */
export function canvasElements(
  graph: Graph,
  report: GraphReport,
  dragging: ReadonlyMap<string, Position>,
  selected: ReadonlySet<string>,
  prev: CanvasElements,
  measured: ReadonlyMap<string, Dimensions> = new Map(),
): CanvasElements {
  const boxes: Box[] = graph.nodes.map((layer) => {
    const p = dragging.get(layer.id) ?? layer.position;
    const size = measured.get(layer.id) ?? BLOCK_SIZE;
    return { id: layer.id, x: p.x, y: p.y, width: size.width, height: size.height };
  });
  // A block being dragged moves freely; the blocks it passes make room once it is let go.
  const pushed = separateBlocks(
    dragging.size > 0 ? boxes.filter((b) => !dragging.has(b.id)) : boxes,
  );
  const drawn = new Map<string, Box>();
  for (const b of boxes)
    drawn.set(b.id, pushed.has(b.id) ? { ...b, y: pushed.get(b.id) ?? b.y } : b);
  const byY = [...drawn.values()].sort((a, b) => a.y - b.y);

  const nodeById = new Map<string, LayerBlockNode>();
  const nodes = graph.nodes.map((layer) => {
    const box = drawn.get(layer.id);
    const old = prev.nodeById.get(layer.id);
    const at = box ? { x: box.x, y: box.y } : layer.position;
    const position = old && samePosition(old.position, at) ? old.position : at;
    const isSelected = selected.has(layer.id);
    const size = measured.get(layer.id);
    // The block reads its settings as edited (useBlockLayer): a node is new only when what the
    // node itself shows changes (class and name: the minimap's colour, the wires' names).
    const sameLayer =
      old !== undefined &&
      (old.data.layer === layer ||
        (old.data.layer.type === layer.type && old.data.layer.name === layer.name));
    const node: LayerBlockNode =
      old && sameLayer && old.position === position && old.selected === isSelected
        ? old
        : {
            id: layer.id,
            type: 'layer',
            position,
            selected: isSelected,
            // Until measured, a block counts as its usual size: the minimap and the culling of
            // blocks out of view can place it before it was ever drawn.
            initialWidth: BLOCK_SIZE.width,
            initialHeight: BLOCK_SIZE.height,
            ...(size ? { measured: size } : {}),
            // The same data object while the layer's class and name are: a block moved or
            // selected does not redraw.
            data: old && sameLayer ? old.data : { layer },
          };
    nodeById.set(layer.id, node);
    return node;
  });

  const edgeById = new Map<string, ShapeEdgeType>();
  const edges = graph.edges.map((e) => {
    const { shape: label, problem } = wireFacts(e, report);
    const sourceNode = nodeById.get(e.source);
    const targetNode = nodeById.get(e.target);
    const sourceName = sourceNode?.data.layer.name ?? '?';
    const targetName = targetNode?.data.layer.name ?? '?';
    const from = drawn.get(e.source);
    const to = drawn.get(e.target);
    const lane = from && to ? detourLane(from, to, byY) : undefined;
    const ariaLabel = `${sourceName} to ${targetName}${label ? `, ${label}` : ''}`;
    const isSelected = selected.has(e.id);
    const old = prev.edgeById.get(e.id);
    const edge: ShapeEdgeType =
      old &&
      old.source === e.source &&
      old.target === e.target &&
      old.selected === isSelected &&
      old.ariaLabel === ariaLabel &&
      old.data?.shape === label &&
      old.data.lane === lane &&
      old.data.problem === problem
        ? old
        : {
            id: e.id,
            source: e.source,
            target: e.target,
            type: 'shape',
            selected: isSelected,
            ariaLabel,
            data: { shape: label, lane, problem },
          };
    edgeById.set(e.id, edge);
    return edge;
  });
  // React Flow re-processes all nodes (or edges) when it gets a new array: keep the old one when
  // every object in it is the old one.
  const same = <T>(a: readonly T[], b: T[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    nodes: same(prev.nodes, nodes) ? prev.nodes : nodes,
    edges: same(prev.edges, edges) ? prev.edges : edges,
    nodeById,
    edgeById,
  };
}
