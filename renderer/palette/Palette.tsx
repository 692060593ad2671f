import { Search } from 'lucide-react';
import { useState } from 'react';
import type { CSSProperties } from 'react';
import { appendLayer } from '../../shared/graph/edits';
import { FAMILIES, defaultParams, LAYER_TYPES, layerDef } from '../../shared/layers/catalogue';
import type { LayerType } from '../../shared/layers/catalogue';
import { LAYER_DRAG_TYPE } from '../canvas/GraphCanvas';
import { useProjectStore } from '../state/projectStore';
import { FAMILY_LOOKS } from '../theme/layerFamilies';
import './palette.css';

/** Appends `type` after the selected layer (or the last one), wired in, and selects it. */
export function appendFromPalette(type: LayerType): void {
  const store = useProjectStore.getState();
  const after = store.selection.length === 1 ? (store.selection[0] ?? null) : null;
  let id = '';
  store.editGraph((g) => {
    const added = appendLayer(g, { type, params: defaultParams(type) }, after);
    id = added.id;
    return added.graph;
  });
  store.select([id]);
}

/**
 * Layer blocks by family, each family in its colour with its icon (as on the canvas), with a
 * search box. Drag one onto the canvas, or click (Enter) to append it.
 */
export function Palette() {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const matches = (type: LayerType) => {
    const def = layerDef(type);
    return (
      !q ||
      type.toLowerCase().includes(q) ||
      (def?.explain.summary.toLowerCase().includes(q) ?? false)
    );
  };
  return (
    <nav className="nc-palette" aria-label="Layers">
      <label className="nc-palette-search">
        <Search size={14} aria-hidden="true" />
        <input
          type="search"
          placeholder="Search layers"
          aria-label="Search layers"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {FAMILIES.map((family) => {
        const types = LAYER_TYPES.filter((t) => layerDef(t)?.family === family && matches(t));
        if (types.length === 0) return null;
        const look = FAMILY_LOOKS[family];
        const Icon = look.icon;
        const style = { '--fam': look.color, '--fam-bg': look.background } as CSSProperties;
        return (
          <section key={family} aria-label={family} style={style}>
            <h3>
              <Icon size={14} aria-hidden="true" />
              {look.label}
            </h3>
            {types.map((type) => (
              <button
                key={type}
                type="button"
                className="nc-palette-block"
                draggable
                title={layerDef(type)?.explain.summary}
                onDragStart={(e) => {
                  e.dataTransfer.setData(LAYER_DRAG_TYPE, type);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => appendFromPalette(type)}
              >
                <Icon className="nc-palette-icon" size={15} aria-hidden="true" />
                <span className="nc-palette-name">{type}</span>
              </button>
            ))}
          </section>
        );
      })}
    </nav>
  );
}
