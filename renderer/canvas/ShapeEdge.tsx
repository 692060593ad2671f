import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { Edge, EdgeProps } from '@xyflow/react';

export type ShapeEdgeData = { shape: string; formula: string };
export type ShapeEdgeType = Edge<ShapeEdgeData, 'shape'>;

/** A wire labelled with the tensor shape it carries; hovering the label shows how it was computed. */
export function ShapeEdge(props: EdgeProps<ShapeEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} style={props.style} />
      {props.data?.shape && (
        <EdgeLabelRenderer>
          <div
            className="nc-edge-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={props.data.formula}
            data-testid="edge-shape"
          >
            {props.data.shape}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
