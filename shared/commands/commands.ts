// Every command of the app as data: the Electron menu, the keyboard shortcuts, the shortcuts
// help sheet and the top bar all read this one table (as netron and excalidraw keep theirs), so
// a key or a label cannot drift between them. What a command does and when it is enabled is
// bound in the renderer (renderer/shell/useAppCommands.ts), which owns the document.

/** The menu a command sits in on the desktop app. */
export type CommandMenu = 'File' | 'Edit' | 'View' | 'Help';

/** One command. Keys are written `Mod+Shift+Z` (Mod: Ctrl, or ⌘ on a Mac), `F`, `Delete`, `?`. */
export interface CommandSpec {
  readonly id: string;
  /** The top bar's name for it (its accessible name too). */
  readonly label: string;
  /** The menu's label, where it differs (an ellipsis when a dialog follows). */
  readonly menuLabel?: string;
  /** What the help sheet says it does. */
  readonly help: string;
  readonly keys: readonly string[];
  readonly menu: CommandMenu;
  /** A native menu role that does it in text fields too (cut, copy, paste). */
  readonly role?: 'cut' | 'copy' | 'paste';
  /** Keys the canvas handles itself (React Flow's delete key): listed, not bound twice. */
  readonly keysOnCanvas?: boolean;
  /** Starts a new menu group (a separator before it). */
  readonly separatorBefore?: boolean;
}

export const COMMANDS = [
  { id: 'new', label: 'New', help: 'Start a new network', keys: ['Mod+N'], menu: 'File' },
  {
    id: 'open',
    label: 'Open',
    menuLabel: 'Open…',
    help: 'Open a saved project or a Keras model',
    keys: ['Mod+O'],
    menu: 'File',
  },
  { id: 'save', label: 'Save', help: 'Save', keys: ['Mod+S'], menu: 'File', separatorBefore: true },
  {
    id: 'saveAs',
    label: 'Save As',
    menuLabel: 'Save As…',
    help: 'Save under a new name',
    keys: ['Mod+Shift+S'],
    menu: 'File',
  },
  {
    id: 'importKeras',
    label: 'Import',
    menuLabel: 'Import Keras model…',
    help: 'Import a Keras or TensorFlow.js model.json',
    keys: [],
    menu: 'File',
    separatorBefore: true,
  },
  {
    id: 'export',
    label: 'Export',
    menuLabel: 'Export…',
    help: 'Export the model',
    keys: ['Mod+E'],
    menu: 'File',
  },
  { id: 'undo', label: 'Undo', help: 'Undo', keys: ['Mod+Z'], menu: 'Edit' },
  { id: 'redo', label: 'Redo', help: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], menu: 'Edit' },
  {
    id: 'cut',
    label: 'Cut',
    help: 'Cut the selected layers',
    keys: ['Mod+X'],
    menu: 'Edit',
    role: 'cut',
    separatorBefore: true,
  },
  {
    id: 'copy',
    label: 'Copy',
    help: 'Copy the selected layers',
    keys: ['Mod+C'],
    menu: 'Edit',
    role: 'copy',
  },
  {
    id: 'paste',
    label: 'Paste',
    help: 'Paste the copied layers',
    keys: ['Mod+V'],
    menu: 'Edit',
    role: 'paste',
  },
  {
    id: 'delete',
    label: 'Delete',
    help: 'Delete the selection',
    keys: ['Delete', 'Backspace'],
    menu: 'Edit',
    keysOnCanvas: true,
  },
  {
    id: 'selectAll',
    label: 'Select All',
    help: 'Select every layer',
    keys: ['Mod+A'],
    menu: 'Edit',
  },
  {
    id: 'layout',
    label: 'Auto-layout',
    help: 'Tidy the network into rows',
    keys: ['L'],
    menu: 'View',
  },
  { id: 'fitView', label: 'Fit', help: 'Fit the network in view', keys: ['F'], menu: 'View' },
  { id: 'zoomIn', label: 'Zoom In', help: 'Zoom in', keys: ['Mod+='], menu: 'View' },
  { id: 'zoomOut', label: 'Zoom Out', help: 'Zoom out', keys: ['Mod+-'], menu: 'View' },
  {
    id: 'togglePalette',
    label: 'Toggle Palette',
    help: 'Show or hide the layers palette',
    keys: [],
    menu: 'View',
    separatorBefore: true,
  },
  {
    id: 'toggleInspector',
    label: 'Toggle Inspector',
    help: 'Show or hide the inspector',
    keys: [],
    menu: 'View',
  },
  {
    id: 'toggleSummary',
    label: 'Toggle Summary',
    help: 'Show or hide the model summary',
    keys: [],
    menu: 'View',
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    menuLabel: 'Keyboard Shortcuts',
    help: 'This help',
    keys: ['?'],
    menu: 'Help',
  },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/** The command with `id`. */
export function command(id: CommandId): CommandSpec {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`No command ${id}`);
  return found;
}

/** A key as Electron's menu writes it: `Mod+S` → `CmdOrCtrl+S`. */
export function acceleratorOf(key: string): string {
  return key.replace(/^Mod\+/, 'CmdOrCtrl+');
}

/** A key as the help sheet and tooltips show it: `Mod+S` → `Ctrl+S` (`⌘S` on a Mac). */
export function keyLabel(key: string, isMac = false): string {
  if (!isMac) return key.replace(/^Mod\+/, 'Ctrl+');
  return key.replace(/^Mod\+/, '⌘').replace('Shift+', '⇧');
}

/** The part of a keyboard event a key is matched against. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Whether `press` is `key`. Letters compare case-blind with Shift explicit; a symbol such as `?` ignores the Shift that types it. */
export function matchesKey(key: string, press: KeyPress): boolean {
  const parts = key.split('+');
  // "Mod+=" splits into ["Mod", "="]; "Mod+-" into ["Mod", "-"]: the last part is the key.
  const main = parts.at(-1) ?? '';
  const mods = new Set(parts.slice(0, -1));
  if (mods.has('Mod') !== (press.ctrlKey || press.metaKey) || press.altKey) return false;
  if (/^[a-z]$/i.test(main))
    return mods.has('Shift') === press.shiftKey && press.key.toLowerCase() === main.toLowerCase();
  if (main.length === 1) return press.key === main || (main === '=' && press.key === '+');
  return press.key === main && mods.has('Shift') === press.shiftKey;
}
