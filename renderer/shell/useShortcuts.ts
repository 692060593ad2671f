import { useEffect } from 'react';
import { pasteNodes, removeItems, subgraph } from '../../shared/graph/edits';
import type { Graph } from '../../shared/graph/types';
import { redo, undo, useProjectStore } from '../state/projectStore';

/** Shortcuts of the canvas, listed in the help sheet ("?"). */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Ctrl+C / Ctrl+X / Ctrl+V', 'Copy, cut, paste the selected layers'],
  ['Ctrl+A', 'Select every layer'],
  ['Delete / Backspace', 'Delete the selection'],
  ['Ctrl+S', 'Save'],
  ['L', 'Auto-layout'],
  ['F', 'Fit the network in view'],
  ['?', 'This help'],
];

let clipboard: Graph | null = null;

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export interface ShortcutActions {
  readonly save: () => void;
  readonly layout: () => void;
  readonly fit: () => void;
  readonly help: () => void;
}

/** Keyboard shortcuts while a project is open; text fields keep their own keys. */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const store = useProjectStore.getState();
      if (!store.project) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const selected = new Set(store.selection);
      const act = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (mod && key === 'z' && !e.shiftKey) act(undo);
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) act(redo);
      else if (mod && key === 's') act(actions.save);
      else if (mod && key === 'a') act(() => store.select(store.project?.graph.nodes.map((n) => n.id) ?? []));
      else if (mod && (key === 'c' || key === 'x') && selected.size > 0)
        act(() => {
          clipboard = subgraph(store.project?.graph ?? { nodes: [], edges: [] }, selected);
          if (key === 'x') store.editGraph((g) => removeItems(g, selected));
        });
      else if (mod && key === 'v' && clipboard)
        act(() => {
          const copied = clipboard;
          if (!copied) return;
          let ids: string[] = [];
          store.editGraph((g) => {
            const pasted = pasteNodes(g, copied, { x: 40, y: 40 });
            ids = pasted.ids;
            return pasted.graph;
          });
          store.select(ids);
        });
      else if (!mod && key === 'l') act(actions.layout);
      else if (!mod && key === 'f') act(actions.fit);
      else if (e.key === '?') act(actions.help);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
