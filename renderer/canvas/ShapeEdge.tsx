import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { X } from 'lucide-react';
import { memo } from 'react';
import type { PointerEvent } from 'react';
import { explainNode } from '../../shared/explain/explainGraph';
import type { NodeReport } from '../../shared/graph/inferGraph';
import type { LayerNode } from '../../shared/graph/types';
import { layerDef } from '../../shared/layers/catalogue';
import { formatShape } from '../../shared/layers/shapeUtils';
import { useProjectStore } from '../state/projectStore';
import { graphReportOf } from '../state/useGraphReport';
import { useWireFacts } from './blockReports';
import { useOverview } from './useOverview';

/**
 * `shape`: the label; `lane`: the x of the detour a long wire takes beside the blocks it would
 * cross; `problem`: why the target rejects what arrives on this wire.
 */
export type ShapeEdgeData = {
  shape: string;
  lane?: number | undefined;
  problem?: string | undefined;
};
export type ShapeEdgeType = Edge<ShapeEdgeData, 'shape'>;

/** How the wire's shape was computed: the source block's arithmetic, or its shape formula. */
export function edgeFormula(
  shape: string,
  source: LayerNode | undefined,
  sourceReport: NodeReport | undefined,
): string {
  if (!source) return '';
  const explained = explainNode(source, sourceReport)?.text;
  if (explained) return explained;
  const def = layerDef(source.type);
  const inputs = sourceReport?.inputShapes.map(formatShape).join(' + ') ?? '';
  return def && shape
    ? `${source.name}: ${inputs ? `${inputs} → ` : ''}${shape}\n${def.explain.shapeFormula}`
    : '';
}

/** Corner radius of a detour's bends. */
const BEND = 12;

/**
 * A wire that leaves its source downwards, runs down a lane at x = `lane` beside the blocks
 * between, and comes back in above its target: [path, label x, label y].
 */
export function lanePath(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  lane: number,
): [string, number, number] {
  const out = sy + 2 * BEND;
  const back = ty - 2 * BEND;
  const path = [
    `M ${sx} ${sy}`,
    `L ${sx} ${out - BEND}`,
    `Q ${sx} ${out} ${sx + BEND} ${out}`,
    `L ${lane - BEND} ${out}`,
    `Q ${lane} ${out} ${lane} ${out + BEND}`,
    `L ${lane} ${back - BEND}`,
    `Q ${lane} ${back} ${lane - BEND} ${back}`,
    `L ${tx + BEND} ${back}`,
    `Q ${tx} ${back} ${tx} ${back + BEND}`,
    `L ${tx} ${ty}`,
  ].join(' ');
  return [path, lane, (out + back) / 2];
}

/**
 * A wire labelled with the tensor shape it carries; hovering the label shows how it was computed,
 * or, on a wire its target rejects, why.
 */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeEdgeType>) {
  const data = props.data;
  const lane = data?.lane;
  const [path, labelX, labelY] =
    lane === undefined
      ? getBezierPath(props)
      : lanePath(props.sourceX, props.sourceY, props.targetX, props.targetY, lane);
  // Label and problem from the report the blocks show (the edge's own data lags while typing).
  const facts = useWireFacts(props.id);
  const shape = facts ? facts.shape : (data?.shape ?? '');
  const problem = facts ? facts.problem : data?.problem;
  // Zoomed out past reading, wires are drawn without their labels (a rejected wire stays red).
  const overview = useOverview();
  // The title is written on hover: explaining every wire on every keystroke is wasted work.
  const explain = (e: PointerEvent<HTMLDivElement>) => {
    if (!data) return;
    // The source layer and its report as they are now: the wire's own data carries neither, so
    // an edit to the source's settings hands React Flow no new wire.
    const { graph, report } = graphReportOf(useProjectStore.getState());
    e.currentTarget.title =
      problem ??
      edgeFormula(
        shape,
        graph.nodes.find((n) => n.id === props.source),
        report.nodes.get(props.source),
      );
  };
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        style={props.style}
        className={problem ? 'nc-edge-problem' : undefined}
      />
      {!overview && (shape || problem) && (
        <EdgeLabelRenderer>
          <div
            className={`nc-edge-label nodrag nopan${problem ? ' nc-edge-label-problem' : ''}${props.selected ? ' nc-edge-label-selected' : ''}`}
            // On a detour the label sits just right of the lane, clear of the blocks' own wires.
            style={{
              transform: `${lane === undefined ? 'translate(-50%, -50%)' : 'translate(6px, -50%)'} translate(${labelX}px, ${labelY}px)`,
            }}
            onPointerEnter={explain}
            data-testid="edge-shape"
            data-edge-id={props.id}
          >
            {problem && <X size={12} strokeWidth={3} aria-label="rejected" />}
            {shape || 'does not fit'}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
