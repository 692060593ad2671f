import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { Connection, Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import {
  addAfter,
  addLayer,
  connect,
  insertOnWire,
  lastBlockAbove,
  moveNodes,
  removeItems,
} from '../../shared/graph/edits';
import type { Graph, Position } from '../../shared/graph/types';
import { defaultParams, layerDef } from '../../shared/layers/catalogue';
import type { LayerType } from '../../shared/layers/catalogue';
import { useProjectStore } from '../state/projectStore';
import { useGraphReport, useProjectGraph } from '../state/useGraphReport';
import { useIdleValue } from '../state/useIdleValue';
import { familyLook } from '../theme/layerFamilies';
import {
  BlockLayersProvider,
  BlockReportsProvider,
  stableReports,
  TotalParamsProvider,
  WireFactsProvider,
} from './blockReports';
import { allWireFacts, BLOCK_SIZE, canvasElements, NO_ELEMENTS } from './canvasElements';
import type { CanvasElements, Dimensions } from './canvasElements';
import { initialViewport } from './initialViewport';
import { LayerBlock } from './LayerBlock';
import type { LayerBlockNode } from './LayerBlock';
import { ShapeEdge } from './ShapeEdge';
import { useDocumentTheme } from './useDocumentTheme';
import './canvas.css';

/** The drag payload type a palette block carries. */
export const LAYER_DRAG_TYPE = 'application/x-netcanvas-layer';

const nodeTypes = { layer: LayerBlock };
const edgeTypes = { shape: ShapeEdge };

/** A block's minimap colour: its family's. Defined once, so the minimap does not redraw per edit. */
const minimapColor = (n: Node): string => familyLook((n as LayerBlockNode).data.layer.type).color;

// Props React Flow copies into its store whenever they are new objects: made once, so an edit
// (which renders the canvas) does not re-register its key handlers or redraw its controls.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const FIT_VIEW_OPTIONS = { padding: 0.1, maxZoom: 1 };

/** Where a dragged palette block would land: into a wire, after a last block, or on its own. */
type DropTarget = { wire: string } | { after: string } | null;

/**
 * Nodes and edges are controlled by the store, so React Flow's clicks only reach the selection
 * as 'select' changes: apply them here, or a click on a block would never select it.
 */
function applySelectChanges(changes: readonly (NodeChange | EdgeChange)[]): void {
  const picks = changes.filter((c) => c.type === 'select');
  if (picks.length === 0) return;
  const store = useProjectStore.getState();
  const next = new Set(store.selection);
  for (const c of picks) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  // The store owns the selection (React Flow's onSelectionChange is not used: on a remount it
  // reports a stale selection that fights the store's). An unchanged selection is not stored anew.
  if (next.size === store.selection.length && store.selection.every((id) => next.has(id))) return;
  store.select([...next]);
}

/** The wire under a screen point (its line or its shape label), if any. */
function wireAt(x: number, y: number): string | undefined {
  for (const el of document.elementsFromPoint(x, y)) {
    const label = el.closest<HTMLElement>('[data-edge-id]');
    if (label?.dataset.edgeId) return label.dataset.edgeId;
    const edge = el.closest('.react-flow__edge');
    const id = edge?.getAttribute('data-id');
    if (id) return id;
  }
  return undefined;
}

/** Where a block dragged to `point` (flow coordinates) over the wire `wire` would go. */
function dropTarget(graph: Graph, wire: string | undefined, point: Position): DropTarget {
  if (wire) return { wire };
  const last = lastBlockAbove(graph, point, BLOCK_SIZE.height);
  return last ? { after: last.id } : null;
}

/** A palette block's top-left when dropped with the pointer at `p`: the pointer near its title. */
const dropCorner = (p: Position): Position => ({
  x: Math.round(p.x - BLOCK_SIZE.width / 2),
  y: Math.round(p.y - 20),
});

/** Highlights the wire or block a drop would use (a style rule: no block or wire re-renders). */
function dropStyle(target: DropTarget): string {
  if (!target) return '';
  if ('wire' in target)
    return `.nc-canvas .react-flow__edge[data-id="${CSS.escape(target.wire)}"] .react-flow__edge-path { stroke: var(--accent, #2457d6); stroke-width: 4; }`;
  return `.nc-canvas .react-flow__node[data-id="${CSS.escape(target.after)}"] .nc-block { box-shadow: 0 6px 0 -2px var(--accent, #2457d6); }`;
}

/** The canvas: a thin view over the graph in the store; every change goes through shared/graph/edits. */
export function GraphCanvas() {
  // Blocks are placed, wired and named from the graph as edited; their shapes, counts and wire
  // labels come from the report, a moment behind (useGraphReport): a keystroke's own frame redraws
  // the edited block, and the shapes of the 300 blocks below follow in a render the browser can
  // interrupt to paint. Positions, wires and selection are never behind.
  const graph = useProjectGraph();
  const { report } = useGraphReport();
  const reports = useMemo(() => stableReports(report).nodes, [report]);
  const layers = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph.nodes]);
  const wires = useMemo(() => allWireFacts(graph, report), [graph, report]);
  // React Flow's edge objects (with the accessible names, which include the shapes) follow the
  // report when the browser is idle: a new edge array makes React Flow re-index all 300 wires,
  // and the labels on screen already follow through WireFactsProvider.
  const quietReport = useIdleValue(report);
  const selection = useProjectStore((s) => s.selection);
  const editGraph = useProjectStore((s) => s.editGraph);
  const { screenToFlowPosition, setViewport, getViewport } = useReactFlow();
  const theme = useDocumentTheme();
  const wrapper = useRef<HTMLDivElement>(null);
  // Positions while a drag is under way; committed to the graph (one undo step) when it ends.
  const [dragging, setDragging] = useState<ReadonlyMap<string, Position>>(new Map());
  // Bumped when a block's measured height changes: blocks below it may have to make room.
  const [sizes, setSizes] = useState(0);
  const [connecting, setConnecting] = useState(false);
  const [drop, setDrop] = useState<DropTarget>(null);

  const selected = useMemo(() => new Set(selection), [selection]);
  // Each edit keeps the node and edge objects it did not change, so React Flow skips them.
  const previous = useRef<CanvasElements>(NO_ELEMENTS);
  // Sizes React Flow measured, handed to the next node objects: no re-measuring after an edit.
  const measured = useRef(new Map<string, Dimensions>());
  const { nodes, edges } = useMemo(() => {
    void sizes;
    previous.current = canvasElements(
      graph,
      quietReport,
      dragging,
      selected,
      previous.current,
      measured.current,
    );
    return previous.current;
  }, [graph, quietReport, dragging, selected, sizes]);

  // The view a network opens at: readable, starting at its input (see initialViewport).
  const graphRef = useRef(graph);
  graphRef.current = graph;
  const placeView = useCallback(
    (g: Graph) => {
      const el = wrapper.current;
      if (!el) return;
      const size = { width: el.clientWidth, height: el.clientHeight };
      void setViewport(
        initialViewport(
          g.nodes.map((n) => n.position),
          BLOCK_SIZE,
          size,
        ),
      );
    },
    [setViewport],
  );
  // Opening another project (an open replaces the graph and is not an unsaved edit) places it anew.
  useEffect(
    () =>
      useProjectStore.subscribe((s, prev) => {
        if (s.project && !s.dirty && s.project.graph !== prev.project?.graph)
          placeView(s.project.graph);
      }),
    [placeView],
  );

  // A layer added from the palette may land outside the view: pan just enough to show it. A drop
  // lands where the pointer is, so the view stays put.
  const count = useRef(graph.nodes.length);
  const dropped = useRef('');
  useEffect(() => {
    const added = graph.nodes.length > count.current ? graph.nodes.at(-1) : undefined;
    count.current = graph.nodes.length;
    const el = wrapper.current;
    if (!added || !el || added.id === dropped.current) return;
    const { x, y, zoom } = getViewport();
    const left = added.position.x * zoom + x;
    const top = added.position.y * zoom + y;
    const right = left + BLOCK_SIZE.width * zoom;
    const bottom = top + BLOCK_SIZE.height * zoom;
    const margin = 24;
    const dx =
      left < margin
        ? margin - left
        : right > el.clientWidth - margin
          ? el.clientWidth - margin - right
          : 0;
    const dy =
      top < margin
        ? margin - top
        : bottom > el.clientHeight - margin
          ? el.clientHeight - margin - bottom
          : 0;
    if (dx !== 0 || dy !== 0) void setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
  }, [graph.nodes, getViewport, setViewport]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerBlockNode>[]) => {
      applySelectChanges(changes);
      const moving = new Map(dragging);
      const finished = new Map<string, Position>();
      let resized = false;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          const before = measured.current.get(c.id);
          if (!before || Math.abs(before.height - c.dimensions.height) > 0.5) resized = true;
          measured.current.set(c.id, c.dimensions);
        }
        if (c.type !== 'position' || !c.position) continue;
        if (c.dragging) moving.set(c.id, c.position);
        else finished.set(c.id, c.position);
      }
      if (resized) setSizes((v) => v + 1);
      if (finished.size > 0) {
        for (const [id] of finished) moving.delete(id);
        const all = new Map([...dragging, ...finished]);
        editGraph((g) => moveNodes(g, all));
        setDragging(new Map());
      } else if (moving.size > 0) setDragging(moving);
    },
    [dragging, editGraph],
  );

  const onConnect = useCallback(
    (c: Connection) => editGraph((g) => connect(g, c.source, c.target)?.graph ?? g),
    [editGraph],
  );

  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(LAYER_DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const point = dropCorner(screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      const next = dropTarget(graphRef.current, wireAt(e.clientX, e.clientY), point);
      setDrop((d) => (JSON.stringify(d) === JSON.stringify(next) ? d : next));
    },
    [screenToFlowPosition],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      setDrop(null);
      const type = e.dataTransfer.getData(LAYER_DRAG_TYPE);
      if (!type || !layerDef(type)) return;
      e.preventDefault();
      const spec = { type, params: defaultParams(type as LayerType) };
      const corner = dropCorner(screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      const wire = wireAt(e.clientX, e.clientY);
      let id = '';
      editGraph((g) => {
        const target = dropTarget(g, wire, corner);
        const placed =
          target && 'wire' in target
            ? insertOnWire(g, target.wire, spec)
            : target
              ? addAfter(g, spec, target.after)
              : null;
        const added = placed ?? addLayer(g, spec, corner);
        id = added.id;
        return added.graph;
      });
      dropped.current = id;
      useProjectStore.getState().select([id]);
    },
    [editGraph, screenToFlowPosition],
  );

  // Stable callbacks: React Flow copies each into its store again whenever one is new.
  const onConnectStart = useCallback(() => setConnecting(true), []);
  const onConnectEnd = useCallback(() => setConnecting(false), []);
  const onInit = useCallback(() => placeView(graphRef.current), [placeView]);
  const onDelete = useCallback(
    ({ nodes: n, edges: e }: { nodes: Node[]; edges: Edge[] }) =>
      editGraph((g) => removeItems(g, new Set(n.map((x) => x.id)), new Set(e.map((x) => x.id)))),
    [editGraph],
  );

  return (
    <div
      ref={wrapper}
      className={`nc-canvas${connecting ? ' nc-connecting' : ''}`}
      aria-label="Canvas"
      role="application"
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as globalThis.Node | null)) setDrop(null);
      }}
      onDrop={onDrop}
    >
      {drop && <style>{dropStyle(drop)}</style>}
      {/* The total reaches the blocks on screen as a value: a <style> rule rewritten on every
          edit made the browser re-match the whole page's elements against it. */}
      <TotalParamsProvider value={report.totals.total}>
        <BlockLayersProvider value={layers}>
          <BlockReportsProvider value={reports}>
            <WireFactsProvider value={wires}>
              <ReactFlow
                nodes={nodes}
                edges={edges}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                onNodesChange={onNodesChange}
                onEdgesChange={applySelectChanges}
                onConnect={onConnect}
                onConnectStart={onConnectStart}
                onConnectEnd={onConnectEnd}
                onDelete={onDelete}
                onInit={onInit}
                deleteKeyCode={DELETE_KEYS}
                multiSelectionKeyCode={MULTI_SELECT_KEYS}
                minZoom={0.1}
                onlyRenderVisibleElements
                colorMode={theme}
                proOptions={PRO_OPTIONS}
              >
                <Background />
                <Controls fitViewOptions={FIT_VIEW_OPTIONS} />
                <MiniMap
                  pannable
                  zoomable
                  ariaLabel="Minimap"
                  nodeColor={minimapColor}
                  nodeBorderRadius={6}
                />
              </ReactFlow>
            </WireFactsProvider>
          </BlockReportsProvider>
        </BlockLayersProvider>
      </TotalParamsProvider>
      {graph.nodes.length === 0 && (
        <p className="nc-canvas-empty" role="note">
          Drag a layer here, or click one in the palette
        </p>
      )}
    </div>
  );
}
