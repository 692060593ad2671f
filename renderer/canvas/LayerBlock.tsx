import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PointerEvent } from 'react';
import { explainNode } from '../../shared/explain/explainGraph';
import type { NodeReport } from '../../shared/graph/inferGraph';
import { applyFix } from '../../shared/graph/edits';
import type { LayerNode } from '../../shared/graph/types';
import { layerDef } from '../../shared/layers/catalogue';
import { formatCount, formatShape } from '../../shared/layers/shapeUtils';
import { useProjectStore } from '../state/projectStore';
import { reportSignature } from './blockFacts';
import { keySettings } from './keySettings';

export type LayerBlockData = { layer: LayerNode; report: NodeReport | undefined };
export type LayerBlockNode = Node<LayerBlockData, 'layer'>;

/**
 * The canvas keeps a node's object while its layer and shown facts are unchanged (see
 * canvasElements), so React Flow rarely re-renders a block needlessly; this guards the rest.
 */
function sameBlock(a: NodeProps<LayerBlockNode>, b: NodeProps<LayerBlockNode>): boolean {
  return (
    a.selected === b.selected &&
    a.data.layer === b.data.layer &&
    (a.data.report === b.data.report ||
      reportSignature(a.data.report) === reportSignature(b.data.report))
  );
}

/** One layer on the canvas: type, name, key settings, output shape, parameters, and what is wrong. */
export const LayerBlock = memo(function LayerBlock({ data, selected }: NodeProps<LayerBlockNode>) {
  const { layer, report } = data;
  const def = layerDef(layer.type);
  const error = report?.issues.find((i) => i.severity === 'error');
  const warning = report?.issues.find((i) => i.severity === 'warning');
  const issue = error ?? warning;
  const params = report?.params ? report.params.trainable + report.params.nonTrainable : null;
  const state = error ? 'error' : warning ? 'warning' : 'ok';
  // The arithmetic with the learner's numbers is written into the titles on hover, for this block
  // only: explaining all 300 blocks on every keystroke was most of an edit's cost.
  const explain = (e: PointerEvent<HTMLDivElement>) => {
    const text = explainNode(layer, report)?.text;
    for (const el of e.currentTarget.querySelectorAll<HTMLElement>('[data-formula]'))
      el.title = text ?? el.dataset.formula ?? '';
  };
  return (
    <div
      className={`nc-block nc-block-${state}${selected ? ' nc-block-selected' : ''}`}
      role="group"
      aria-label={`${layer.type} ${layer.name}`}
      data-testid={`block-${layer.name}`}
      onPointerEnter={explain}
    >
      {layer.type !== 'InputLayer' && (
        <Handle type="target" position={Position.Top} aria-label={`${layer.name} input`} />
      )}
      <div className="nc-block-head">
        <span className="nc-block-type">{layer.type}</span>
        <span className="nc-block-name">{layer.name}</span>
      </div>
      <div className="nc-block-settings">{keySettings(layer)}</div>
      <div className="nc-block-facts">
        <span
          className="nc-block-shape"
          data-formula={def?.explain.shapeFormula}
          data-testid="output-shape"
        >
          {report?.outputShape ? formatShape(report.outputShape) : '?'}
        </span>
        <span
          className="nc-block-params"
          data-formula={def?.explain.paramFormula}
          data-testid="param-count"
        >
          {params === null ? '' : `${formatCount(params)} params`}
        </span>
      </div>
      {issue && (
        <div
          className={`nc-block-issue nc-issue-${issue.severity}`}
          role={error ? 'alert' : 'note'}
        >
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
