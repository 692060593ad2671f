import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeReport } from '../../shared/graph/inferGraph';
import { applyFix } from '../../shared/graph/edits';
import type { LayerNode } from '../../shared/graph/types';
import { layerDef } from '../../shared/layers/catalogue';
import { formatCount, formatShape } from '../../shared/layers/shapeUtils';
import { useProjectStore } from '../state/projectStore';
import { keySettings } from './keySettings';

/** `explanation`: the arithmetic of this block's shape and count with the learner's numbers. */
export type LayerBlockData = { layer: LayerNode; report: NodeReport | undefined; explanation?: string };
export type LayerBlockNode = Node<LayerBlockData, 'layer'>;

/** What a block shows from its report, as a string: equal strings mean nothing visible changed. */
function reportSignature(report: NodeReport | undefined): string {
  if (!report) return '';
  const params = report.params ? report.params.trainable + report.params.nonTrainable : '';
  const issues = report.issues.map((i) => `${i.severity}:${i.message}:${i.fix?.label ?? ''}`).join('|');
  return `${report.outputShape ? formatShape(report.outputShape) : '?'};${params};${issues}`;
}

/**
 * Re-infers every report after an edit, so every block gets new data objects; only the blocks
 * whose layer, selection or shown facts changed need to draw again (300-block graphs).
 */
function sameBlock(a: NodeProps<LayerBlockNode>, b: NodeProps<LayerBlockNode>): boolean {
  return (
    a.selected === b.selected &&
    a.data.layer === b.data.layer &&
    a.data.explanation === b.data.explanation &&
    reportSignature(a.data.report) === reportSignature(b.data.report)
  );
}

/** One layer on the canvas: type, name, key settings, output shape, parameters, and what is wrong. */
export const LayerBlock = memo(function LayerBlock({ data, selected }: NodeProps<LayerBlockNode>) {
  const { layer, report, explanation } = data;
  const def = layerDef(layer.type);
  const error = report?.issues.find((i) => i.severity === 'error');
  const warning = report?.issues.find((i) => i.severity === 'warning');
  const issue = error ?? warning;
  const params = report?.params ? report.params.trainable + report.params.nonTrainable : null;
  const state = error ? 'error' : warning ? 'warning' : 'ok';
  return (
    <div
      className={`nc-block nc-block-${state}${selected ? ' nc-block-selected' : ''}`}
      role="group"
      aria-label={`${layer.type} ${layer.name}`}
      data-testid={`block-${layer.name}`}
    >
      {layer.type !== 'InputLayer' && <Handle type="target" position={Position.Top} aria-label={`${layer.name} input`} />}
      <div className="nc-block-head">
        <span className="nc-block-type">{layer.type}</span>
        <span className="nc-block-name">{layer.name}</span>
      </div>
      <div className="nc-block-settings">{keySettings(layer)}</div>
      <div className="nc-block-facts">
        <span className="nc-block-shape" title={explanation ?? def?.explain.shapeFormula} data-testid="output-shape">
          {report?.outputShape ? formatShape(report.outputShape) : '?'}
        </span>
        <span className="nc-block-params" title={explanation ?? def?.explain.paramFormula} data-testid="param-count">
          {params === null ? '' : `${formatCount(params)} params`}
        </span>
      </div>
      {issue && (
        <div className={`nc-block-issue nc-issue-${issue.severity}`} role={error ? 'alert' : 'note'}>
          <p>{issue.message}</p>
          {issue.fix && (
            <button
              type="button"
              className="nodrag"
              onClick={(e) => {
                e.stopPropagation();
                const fix = issue.fix;
                if (fix) useProjectStore.getState().editGraph((g) => applyFix(g, fix));
              }}
            >
              {issue.fix.label}
            </button>
          )}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} aria-label={`${layer.name} output`} />
    </div>
  );
}, sameBlock);
