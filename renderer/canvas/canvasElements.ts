import type { GraphReport } from '../../shared/graph/inferGraph';
import type { Graph, Position } from '../../shared/graph/types';
import { formatShape } from '../../shared/layers/shapeUtils';
import { reportSignature } from './blockFacts';
import type { LayerBlockNode } from './LayerBlock';
import type { ShapeEdgeType } from './ShapeEdge';

/** A block's size as React Flow measured it. */
export type Dimensions = { readonly width: number; readonly height: number };

/** What the canvas draws, and the same objects by id for the next edit to reuse. */
export interface CanvasElements {
  readonly nodes: LayerBlockNode[];
  readonly edges: ShapeEdgeType[];
  readonly nodeById: ReadonlyMap<string, LayerBlockNode>;
  readonly edgeById: ReadonlyMap<string, ShapeEdgeType>;
  /** `reportSignature` of each node's report, so the next edit computes only its own. */
  readonly signatures: ReadonlyMap<string, string>;
}

export const NO_ELEMENTS: CanvasElements = {
  nodes: [],
  edges: [],
  nodeById: new Map(),
  edgeById: new Map(),
  signatures: new Map(),
};

/**
 * React Flow's nodes and edges for the graph. Every edit re-infers every report, but a node or edge
 * whose layer, shown facts, position and selection are unchanged keeps its previous object: React
 * Flow then skips it (it re-processes and re-draws each node whose object is new), so a keystroke
 * on a 300-block canvas costs only the blocks it changes. A new object carries the block's last
 * measured size: React Flow hides a node object without one and measures it again (DOM reads and
 * a store update per block).
 */
export function canvasElements(
  graph: Graph,
  report: GraphReport,
  dragging: ReadonlyMap<string, Position>,
  selected: ReadonlySet<string>,
  prev: CanvasElements,
  measured: ReadonlyMap<string, Dimensions> = new Map(),
): CanvasElements {
  const signatures = new Map<string, string>();
  const nodeById = new Map<string, LayerBlockNode>();
  const nodes = graph.nodes.map((layer) => {
    const nodeReport = report.nodes.get(layer.id);
    const signature = reportSignature(nodeReport);
    signatures.set(layer.id, signature);
    const position = dragging.get(layer.id) ?? layer.position;
    const isSelected = selected.has(layer.id);
    const old = prev.nodeById.get(layer.id);
    const size = measured.get(layer.id);
    const node: LayerBlockNode =
      old &&
      old.data.layer === layer &&
      old.position === position &&
      old.selected === isSelected &&
      prev.signatures.get(layer.id) === signature
        ? old
        : {
            id: layer.id,
            type: 'layer',
            position,
            selected: isSelected,
            ...(size ? { measured: size } : {}),
            data: { layer, report: nodeReport },
          };
    nodeById.set(layer.id, node);
    return node;
  });

  const edgeById = new Map<string, ShapeEdgeType>();
  const edges = graph.edges.map((e) => {
    const shape = report.edgeShapes.get(e.id);
    const label = shape ? formatShape(shape) : '';
    const sourceNode = nodeById.get(e.source);
    // A kept node holds the same layer object, so its layer is the graph's.
    const source = sourceNode?.data.layer;
    const isSelected = selected.has(e.id);
    const old = prev.edgeById.get(e.id);
    const edge: ShapeEdgeType =
      old &&
      old.source === e.source &&
      old.target === e.target &&
      old.selected === isSelected &&
      old.data?.shape === label &&
      old.data.source === source &&
      old.data.sourceReport === sourceNode?.data.report
        ? old
        : {
            id: e.id,
            source: e.source,
            target: e.target,
            type: 'shape',
            selected: isSelected,
            data: { shape: label, source, sourceReport: sourceNode?.data.report },
          };
    edgeById.set(e.id, edge);
    return edge;
  });
  return { nodes, edges, nodeById, edgeById, signatures };
}
