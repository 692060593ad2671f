// Copy, cut and paste of layers on the canvas (not the system clipboard: layers are not text).
import { pasteNodes, removeItems, subgraph } from '../../shared/graph/edits';
import type { Graph } from '../../shared/graph/types';
import { useProjectStore } from '../state/projectStore';

let clipboard: Graph | null = null;

/** Puts the selected layers (and the wires among them) aside; `cut` also removes them. */
export function copySelection(cut: boolean): void {
  const store = useProjectStore.getState();
  const selected = new Set(store.selection);
  if (!store.project || selected.size === 0) return;
  clipboard = subgraph(store.project.graph, selected);
  if (cut) store.editGraph((g) => removeItems(g, selected));
}

export const canPaste = (): boolean => clipboard !== null;

/** Pastes the copied layers, shifted a little, renamed as Keras would, and selects them. */
export function paste(): void {
  const copied = clipboard;
  const store = useProjectStore.getState();
  if (!copied || !store.project) return;
  let ids: string[] = [];
  store.editGraph((g) => {
    const pasted = pasteNodes(g, copied, { x: 40, y: 40 });
    ids = pasted.ids;
    return pasted.graph;
  });
  store.select(ids);
}
