import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PointerEvent } from 'react';
import { explainNode } from '../../shared/explain/explainGraph';
import type { NodeReport } from '../../shared/graph/inferGraph';
import type { LayerNode } from '../../shared/graph/types';
import { layerDef } from '../../shared/layers/catalogue';
import { formatShape } from '../../shared/layers/shapeUtils';

/** `shape`: the label; `source` and its report: what the hover title explains. */
export type ShapeEdgeData = {
  shape: string;
  source: LayerNode | undefined;
  sourceReport: NodeReport | undefined;
};
export type ShapeEdgeType = Edge<ShapeEdgeData, 'shape'>;

/** How the wire's shape was computed: the source block's arithmetic, or its shape formula. */
export function edgeFormula(data: ShapeEdgeData): string {
  const { source, sourceReport, shape } = data;
  if (!source) return '';
  const explained = explainNode(source, sourceReport)?.text;
  if (explained) return explained;
  const def = layerDef(source.type);
  const inputs = sourceReport?.inputShapes.map(formatShape).join(' + ') ?? '';
  return def && shape
    ? `${source.name}: ${inputs ? `${inputs} → ` : ''}${shape}\n${def.explain.shapeFormula}`
    : '';
}

/** A wire labelled with the tensor shape it carries; hovering the label shows how it was computed. */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const data = props.data;
  // The title is written on hover: explaining every wire on every keystroke is wasted work.
  const explain = (e: PointerEvent<HTMLDivElement>) => {
    if (data) e.currentTarget.title = edgeFormula(data);
  };
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} style={props.style} />
      {data?.shape && (
        <EdgeLabelRenderer>
          <div
            className="nc-edge-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onPointerEnter={explain}
            data-testid="edge-shape"
          >
            {data.shape}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
