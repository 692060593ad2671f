import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { Plug } from 'lucide-react';
import { memo } from 'react';
import type { CSSProperties, PointerEvent, ReactNode } from 'react';
import { explainNode } from '../../shared/explain/explainGraph';
import type { NodeReport } from '../../shared/graph/inferGraph';
import { applyFix } from '../../shared/graph/edits';
import type { LayerNode } from '../../shared/graph/types';
import { layerDef } from '../../shared/layers/catalogue';
import { formatCount, formatShape } from '../../shared/layers/shapeUtils';
import { useProjectStore } from '../state/projectStore';
import { familyLook } from '../theme/layerFamilies';
import { useBlockLayer, useBlockReport, useTotalParams } from './blockReports';
import { ConnectMenu } from './ConnectMenu';
import { keySettings } from './keySettings';
import { TensorGlyph } from './TensorGlyph';
import { useOverview } from './useOverview';

/**
 * What React Flow's node carries: the layer. The block reads its shapes, count and issues itself
 * (`useBlockReport`), so an edit upstream that changes them hands React Flow no new node object.
 */
export type LayerBlockData = { layer: LayerNode };
export type LayerBlockNode = Node<LayerBlockData, 'layer'>;

/**
 * The canvas keeps a node's data object while its layer is unchanged (see canvasElements): a block
 * renders again when its data, its selection or its report (through `useBlockReport`) changed,
 * not when React Flow moves or re-measures it.
 */
function sameBlock(a: NodeProps<LayerBlockNode>, b: NodeProps<LayerBlockNode>): boolean {
  return a.selected === b.selected && a.data === b.data;
}

/** The family icon, drawn once per block: lucide builds its SVG anew on every render otherwise. */
const FamilyIcon = memo(function FamilyIcon({ type, size = 16 }: { type: string; size?: number }) {
  const Icon = familyLook(type).icon;
  return <Icon className="nc-block-icon" size={size} strokeWidth={2.25} aria-hidden="true" />;
});

/** A problem as the block itself says it: without the "Conv2D 'conv2d_1': " its head already shows. */
export function withoutLayerName(message: string, layer: LayerNode): string {
  const prefix = `${layer.type} '${layer.name}': `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** How a block presents itself: fine, waiting for its first wire, or with a problem. */
export type BlockState = 'ok' | 'waiting' | 'warning' | 'error';

/**
 * A block whose only problem is that nothing is wired into it yet is waiting, not wrong: a learner
 * who just dropped it has not had the chance to wire it.
 */
export function blockState(report: NodeReport | undefined): BlockState {
  const issues = report?.issues ?? [];
  if (issues.length > 0 && issues.every((i) => i.code === 'missingInput')) return 'waiting';
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : 'ok';
}

/**
 * One layer on the canvas: its family's colour and icon with the Keras class and the layer's name,
 * its key settings, its output shape as text and as a proportional glyph, its parameter count with
 * a bar of its share of the network's total, and what is wrong (or that it waits for a wire).
 */
export const LayerBlock = memo(function LayerBlock({ data, selected }: NodeProps<LayerBlockNode>) {
  // The node's layer names the block; its settings come as edited (useBlockLayer). Every block on
  // screen reads the contexts after an edit; only those whose report object changed (stableReports
  // keeps it while the block's text is the same) draw again.
  const layer = useBlockLayer(data.layer.id) ?? data.layer;
  const report = useBlockReport(layer.id);
  const total = useTotalParams();
  // Zoomed out past reading, a block is its family and class (and its state): shapes and counts
  // are not drawn, so an edit that changes them redraws none of the 300 blocks then in view.
  const overview = useOverview();
  return overview ? (
    <OverviewBlock layer={layer} selected={selected} state={blockState(report)} />
  ) : (
    <BlockView layer={layer} selected={selected} report={report} total={total} />
  );
}, sameBlock);

/**
 * What every block is, drawn in full or as the overview: the group named by class and layer name,
 * its state and selection, the wiring handles and, when selected, "Connect to…".
 */
function BlockFrame({
  layer,
  selected,
  state,
  className = '',
  style,
  title,
  onPointerEnter,
  children,
}: {
  layer: LayerNode;
  selected: boolean;
  state: BlockState;
  className?: string;
  style: CSSProperties;
  title?: string;
  onPointerEnter?: (e: PointerEvent<HTMLDivElement>) => void;
  children: ReactNode;
}) {
  return (
    <div
      className={`nc-block${className} nc-block-${state}${selected ? ' nc-block-selected' : ''}`}
      style={style}
      role="group"
      aria-label={`${layer.type} ${layer.name}`}
      data-testid={`block-${layer.name}`}
      title={title}
      onPointerEnter={onPointerEnter}
    >
      {/* Handles are pointer-only: the keyboard wires through the block's "Connect to…" menu. */}
      {layer.type !== 'InputLayer' && <Handle type="target" position={Position.Top} aria-hidden />}
      {children}
      {selected && <ConnectMenu sourceId={layer.id} sourceName={layer.name} />}
      <Handle type="source" position={Position.Bottom} aria-hidden />
    </div>
  );
}

/** A block in the zoomed-out overview: family colour and icon, the class large, the name. */
const OverviewBlock = memo(function OverviewBlock({
  layer,
  selected,
  state,
}: {
  layer: LayerNode;
  selected: boolean;
  state: BlockState;
}) {
  const look = familyLook(layer.type);
  return (
    <BlockFrame
      layer={layer}
      selected={selected}
      state={state}
      className=" nc-block-overview"
      style={{ '--fam': look.color, '--fam-bg': look.background } as CSSProperties}
      title={`${look.label} · ${layer.type} '${layer.name}'`}
    >
      <FamilyIcon type={layer.type} size={36} />
      <span className="nc-block-overview-type">{layer.type}</span>
    </BlockFrame>
  );
});

const BlockView = memo(function BlockView({
  layer,
  selected,
  report,
  total,
}: {
  layer: LayerNode;
  selected: boolean;
  report: NodeReport | undefined;
  /** The network's parameter total, for the share bar. */
  total: number;
}) {
  const def = layerDef(layer.type);
  const look = familyLook(layer.type);
  const state = blockState(report);
  const issue =
    state === 'error'
      ? report?.issues.find((i) => i.severity === 'error')
      : state === 'warning'
        ? report?.issues[0]
        : undefined;
  const params = report?.params ? report.params.trainable + report.params.nonTrainable : null;
  // The arithmetic with the learner's numbers is written into the titles on hover, for this block
  // only: explaining all 300 blocks on every keystroke was most of an edit's cost.
  const explain = (e: PointerEvent<HTMLDivElement>) => {
    const text = explainNode(layer, report)?.text;
    for (const el of e.currentTarget.querySelectorAll<HTMLElement>('[data-formula]'))
      el.title = text ?? el.dataset.formula ?? '';
  };
  const settings = keySettings(layer);
  const inPlace = issue !== undefined && state === 'error' && !report?.outputShape;
  const issueBox = issue && (
    <div
      className={`nc-block-issue nc-issue-${issue.severity}${inPlace ? ' nc-block-issue-inplace' : ''}`}
      role={state === 'error' ? 'alert' : 'note'}
    >
      <p title={issue.message}>
        {inPlace ? withoutLayerName(issue.message, layer) : issue.message}
      </p>
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
  );
  const style = { '--fam': look.color, '--fam-bg': look.background } as CSSProperties;
  return (
    <BlockFrame
      layer={layer}
      selected={selected}
      state={state}
      style={style}
      onPointerEnter={explain}
    >
      <div className="nc-block-head" title={`${look.label} · ${layer.type} '${layer.name}'`}>
        <FamilyIcon type={layer.type} />
        <span className="nc-block-type">{layer.type}</span>
        <span className="nc-block-name">{layer.name}</span>
      </div>
      <div className="nc-block-settings" title={settings}>
        {settings || '\u00a0'}
      </div>
      {/* An error that leaves the output unknown takes the place of the shape and count (both '?'),
          so the block keeps its height while a setting is typed and nothing below moves. */}
      {inPlace ? (
        issueBox
      ) : (
        <div className="nc-block-facts">
          <TensorGlyph shape={report?.outputShape} color={look.color} />
          <div className="nc-block-numbers">
            <span
              className="nc-block-shape"
              data-formula={def?.explain.shapeFormula}
              data-testid="output-shape"
            >
              {report?.outputShape ? formatShape(report.outputShape) : '?'}
            </span>
            <span className="nc-block-params-row">
              <span
                className="nc-block-params"
                data-formula={def?.explain.paramFormula}
                data-testid="param-count"
              >
                {params === null ? '' : `${formatCount(params)} params`}
              </span>
              {params !== null && params > 0 && (
                <span
                  className="nc-share"
                  aria-hidden="true"
                  style={
                    { '--share': total > 0 ? Math.min(1, params / total) : 0 } as CSSProperties
                  }
                >
                  <span />
                </span>
              )}
            </span>
          </div>
        </div>
      )}
      {state === 'waiting' && (
        <p className="nc-block-waiting" role="note">
          <Plug size={14} aria-hidden="true" /> Connect me: drag a wire into my top
        </p>
      )}
      {issue && !inPlace && issueBox}
    </BlockFrame>
  );
});
