import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { addLayer, connect, moveNodes, removeItems } from '../../shared/graph/edits';
import type { Position } from '../../shared/graph/types';
import { defaultParams, layerDef } from '../../shared/layers/catalogue';
import type { LayerType } from '../../shared/layers/catalogue';
import { useProjectStore } from '../state/projectStore';
import { useGraphReport } from '../state/useGraphReport';
import { canvasElements, NO_ELEMENTS } from './canvasElements';
import type { CanvasElements, Dimensions } from './canvasElements';
import { LayerBlock } from './LayerBlock';
import type { LayerBlockNode } from './LayerBlock';
import { ShapeEdge } from './ShapeEdge';

/** The drag payload type a palette block carries. */
export const LAYER_DRAG_TYPE = 'application/x-netcanvas-layer';

const nodeTypes = { layer: LayerBlock };
const edgeTypes = { shape: ShapeEdge };

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

/** The canvas: a thin view over the graph in the store; every change goes through shared/graph/edits. */
export function GraphCanvas() {
  const { graph, report } = useGraphReport();
  const selection = useProjectStore((s) => s.selection);
  const editGraph = useProjectStore((s) => s.editGraph);
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  // Positions while a drag is under way; committed to the graph (one undo step) when it ends.
  const [dragging, setDragging] = useState<ReadonlyMap<string, Position>>(new Map());

  const selected = useMemo(() => new Set(selection), [selection]);
  // Each edit keeps the node and edge objects it did not change, so React Flow skips them.
  const previous = useRef<CanvasElements>(NO_ELEMENTS);
  // Sizes React Flow measured, handed to the next node objects: no re-measuring after an edit.
  const measured = useRef(new Map<string, Dimensions>());
  const { nodes, edges } = useMemo(() => {
    previous.current = canvasElements(
      graph,
      report,
      dragging,
      selected,
      previous.current,
      measured.current,
    );
    return previous.current;
  }, [graph, report, dragging, selected]);

  // A layer added from the palette may land below the visible area: bring it into view.
  const count = useRef(graph.nodes.length);
  useEffect(() => {
    const added = graph.nodes.length > count.current ? graph.nodes.at(-1) : undefined;
    count.current = graph.nodes.length;
    if (added) void setCenter(added.position.x + 110, added.position.y + 48, { zoom: getZoom() });
  }, [graph.nodes, setCenter, getZoom]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerBlockNode>[]) => {
      applySelectChanges(changes);
      const moving = new Map(dragging);
      const finished = new Map<string, Position>();
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) measured.current.set(c.id, c.dimensions);
        if (c.type !== 'position' || !c.position) continue;
        if (c.dragging) moving.set(c.id, c.position);
        else finished.set(c.id, c.position);
      }
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

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(LAYER_DRAG_TYPE);
      if (!type || !layerDef(type)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      let id = '';
      editGraph((g) => {
        const added = addLayer(
          g,
          { type, params: defaultParams(type as LayerType) },
          { x: Math.round(p.x - 110), y: Math.round(p.y - 40) },
        );
        id = added.id;
        return added.graph;
      });
      useProjectStore.getState().select([id]);
    },
    [editGraph, screenToFlowPosition],
  );

  return (
    <div
      className="nc-canvas"
      aria-label="Canvas"
      role="application"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={applySelectChanges}
        onConnect={onConnect}
        onDelete={({ nodes: n, edges: e }) =>
          editGraph((g) => removeItems(g, new Set(n.map((x) => x.id)), new Set(e.map((x) => x.id))))
        }
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
        minZoom={0.1}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
      </ReactFlow>
    </div>
  );
}
