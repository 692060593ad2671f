import { useId, useState } from 'react';
import { explainNode } from '../../shared/explain/explainGraph';
import { INSIGHT_LAYER_CLASSES } from '../../shared/explain/insightData';
import { renameLayer, setParam } from '../../shared/graph/edits';
import type { LayerNode, ParamValue } from '../../shared/graph/types';
import { layerDef, resolveParams } from '../../shared/layers/catalogue';
import { parseParamText, type ParamSpec } from '../../shared/layers/params';
import { useProjectStore } from '../state/projectStore';
import { useGraphReport } from '../state/useGraphReport';

function asText(v: ParamValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v);
  return v.join(', ');
}

function ParamField({ layer, name, spec, error }: { layer: LayerNode; name: string; spec: ParamSpec; error?: string }) {
  const id = useId();
  const edit = (value: ParamValue) => useProjectStore.getState().editGraph((g) => setParam(g, layer.id, name, value));
  const raw = Object.hasOwn(layer.params, name) ? layer.params[name] : spec.default;
  // The text as typed while the field has focus ("[5, 5" on the way to "[5, 5]"); the project holds what it reads as.
  const [draft, setDraft] = useState<string | null>(null);
  let control;
  if (spec.kind === 'choice')
    control = (
      <select id={id} value={String(raw)} onChange={(e) => edit(e.target.value)}>
        {spec.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    );
  else if (spec.kind === 'bool') control = <input id={id} type="checkbox" checked={raw === true} onChange={(e) => edit(e.target.checked)} />;
  else
    control = (
      <input
        id={id}
        value={draft ?? asText(raw)}
        placeholder={spec.kind === 'pair' && spec.default === null ? (spec.unset ?? 'same as pool size') : undefined}
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
  const { graph, report } = useGraphReport();
  const selection = useProjectStore((s) => s.selection);
  const layer = selection.length === 1 ? graph.nodes.find((n) => n.id === selection[0]) : undefined;
  const nameId = useId();
  if (!layer)
    return (
      <aside className="nc-inspector" aria-label="Inspector">
        <p>Select a layer to edit its settings.</p>
      </aside>
    );
  const def = layerDef(layer.type);
  const errors = def ? resolveParams(def, layer.params).errors : [];
  const issues = report.nodes.get(layer.id)?.issues ?? [];
  const arithmetic = explainNode(layer, report.nodes.get(layer.id));
  return (
    <aside className="nc-inspector" aria-label="Inspector">
      <h2>{layer.type}</h2>
      {def && <p className="nc-explain">{def.explain.summary}</p>}
      {onLookInside && INSIGHT_LAYER_CLASSES.has(layer.type) && (
        <button type="button" onClick={onLookInside}>
          See what this layer sees
        </button>
      )}
      <div className="nc-field">
        <label htmlFor={nameId}>name</label>
        <input id={nameId} value={layer.name} onChange={(e) => useProjectStore.getState().editGraph((g) => renameLayer(g, layer.id, e.target.value))} />
      </div>
      {def &&
        Object.entries(def.params).map(([name, spec]) => (
          <ParamField key={`${layer.id}:${name}`} layer={layer} name={name} spec={spec} error={errors.find((e) => e.param === name)?.message} />
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
