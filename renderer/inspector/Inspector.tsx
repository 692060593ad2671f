import { Lock } from 'lucide-react';
import { useId, useState } from 'react';
import { explainNode } from '../../shared/explain/explainGraph';
import { insightDraws } from '../../shared/explain/insightData';
import { renameLayer, setParam } from '../../shared/graph/edits';
import type { LayerNode, ParamValue } from '../../shared/graph/types';
import { layerDef, resolveParams } from '../../shared/layers/catalogue';
import { parseParamText, type ParamSpec } from '../../shared/layers/params';
import { useProjectStore } from '../state/projectStore';
import { useGraphReport, useProjectGraph } from '../state/useGraphReport';

function asText(v: ParamValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v);
  return v.join(', ');
}

function ParamField({
  layer,
  name,
  spec,
  error,
  locked = false,
}: {
  layer: LayerNode;
  name: string;
  spec: ParamSpec;
  error?: string;
  locked?: boolean;
}) {
  const id = useId();
  const edit = (value: ParamValue) =>
    useProjectStore.getState().editGraph((g) => setParam(g, layer.id, name, value));
  const raw = Object.hasOwn(layer.params, name) ? layer.params[name] : spec.default;
  // The text as typed while the field has focus ("[5, 5" on the way to "[5, 5]"); the project holds what it reads as.
  const [draft, setDraft] = useState<string | null>(null);
  let control;
  if (spec.kind === 'choice')
    control = (
      <select id={id} value={String(raw)} disabled={locked} onChange={(e) => edit(e.target.value)}>
        {spec.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    );
  else if (spec.kind === 'bool')
    control = (
      <input
        id={id}
        type="checkbox"
        checked={raw === true}
        disabled={locked}
        onChange={(e) => edit(e.target.checked)}
      />
    );
  else
    control = (
      <input
        id={id}
        value={draft ?? asText(raw)}
        readOnly={locked}
        placeholder={
          spec.default !== null
            ? undefined
            : spec.kind === 'pair'
              ? (spec.unset ?? 'same as pool size')
              : 'None'
        }
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          edit(parseParamText(spec, e.target.value));
        }}
        onBlur={() => setDraft(null)}
      />
    );
  return (
    <div className="nc-field">
      <label htmlFor={id}>{name}</label>
      {control}
      <small>{spec.help}</small>
      {error && (
        <span id={`${id}-error`} className="nc-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * Settings of the selected layer, checked as they are typed. With `onLookInside` (a trained run
 * is there to look into), layers the Insight view draws offer a jump to what they see.
 */
export function Inspector({ onLookInside }: { onLookInside?: () => void } = {}) {
  // The layer as edited (its fields never lag behind a keystroke); its issues and arithmetic from
  // the report, a moment behind (useGraphReport).
  const graph = useProjectGraph();
  const { report } = useGraphReport();
  const selection = useProjectStore((s) => s.selection);
  const layer = selection.length === 1 ? graph.nodes.find((n) => n.id === selection[0]) : undefined;
  const nameId = useId();
  const lockedIds = useProjectStore((s) => s.project?.challenge?.lockedBlocks);
  if (!layer)
    return (
      <aside className="nc-inspector" aria-label="Inspector">
        <p>Select a layer to edit its settings.</p>
      </aside>
    );
  const def = layerDef(layer.type);
  const errors = def ? resolveParams(def, layer.params).errors : [];
  const issues = report.nodes.get(layer.id)?.issues ?? [];
  const outputShape = report.nodes.get(layer.id)?.outputShape;
  const arithmetic = explainNode(layer, report.nodes.get(layer.id));
  // A challenge's locked block: shown, read-only, with the reason.
  const locked = lockedIds?.includes(layer.id) ?? false;
  return (
    <aside className="nc-inspector" aria-label="Inspector">
      <h2>{layer.type}</h2>
      {locked && (
        <p className="nc-locked">
          <Lock aria-hidden size={16} />
          <span>
            Locked by the challenge: this block stays as the challenge set it, so it cannot be
            deleted or changed.
          </span>
        </p>
      )}
      {def && <p className="nc-explain">{def.explain.summary}</p>}
      {onLookInside && outputShape && insightDraws(layer.type, outputShape) && (
        <button type="button" onClick={onLookInside}>
          See what this layer sees
        </button>
      )}
      <div className="nc-field">
        <label htmlFor={nameId}>name</label>
        <input
          id={nameId}
          value={layer.name}
          readOnly={locked}
          onChange={(e) =>
            useProjectStore.getState().editGraph((g) => renameLayer(g, layer.id, e.target.value))
          }
        />
      </div>
      {def &&
        Object.entries(def.params).map(([name, spec]) => (
          <ParamField
            key={`${layer.id}:${name}`}
            layer={layer}
            name={name}
            spec={spec}
            locked={locked}
            error={errors.find((e) => e.param === name)?.message}
          />
        ))}
      {arithmetic && (
        <section className="nc-arithmetic" aria-label="How this is computed">
          <h3>How this is computed: {arithmetic.transition}</h3>
          <ul>
            {[...arithmetic.shapeSteps, ...arithmetic.paramSteps].map((st, k) => (
              <li key={k}>
                {st.what}: {st.text}
                {st.note ? ` (${st.note})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {def && (
        <dl className="nc-formulas">
          <dt>Output size</dt>
          <dd>{def.explain.shapeFormula}</dd>
          <dt>Parameters</dt>
          <dd>{def.explain.paramFormula}</dd>
        </dl>
      )}
      {issues.map((i, k) => (
        <p key={k} className={`nc-issue-${i.severity}`}>
          {i.message} {i.hint}
        </p>
      ))}
    </aside>
  );
}
