import { DropdownMenu, Tabs } from 'radix-ui';
import {
  Activity,
  Blocks,
  Download,
  Ellipsis,
  FileInput,
  FilePlus,
  FolderOpen,
  GitCompare,
  Keyboard,
  LayoutGrid,
  Microscope,
  Moon,
  PanelLeft,
  PanelRight,
  Redo2,
  Save,
  SaveAll,
  Sun,
  Undo2,
} from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { Fragment } from 'react';
import { command, keyLabel } from '../../shared/commands/commands';
import type { CommandId } from '../../shared/commands/commands';
import { useProjectStore } from '../state/projectStore';
import { setTheme, useTheme } from '../theme/theme';
import { IconButton, WithTooltip } from './IconButton';
import { isMac } from './ShortcutsSheet';
import type { CommandBindings } from './useAppCommands';
import { useOverflow } from './useOverflow';

export const TABS = [
  { id: 'Build', icon: Blocks },
  { id: 'Train', icon: Activity },
  { id: 'Compare', icon: GitCompare },
  { id: 'Insight', icon: Microscope },
] as const;
export type Tab = (typeof TABS)[number]['id'];

/** The top bar's commands, in order; a higher priority number moves to the overflow menu sooner. */
const TOOLBAR: readonly {
  readonly id: CommandId;
  readonly icon: LucideIcon;
  readonly priority: number;
  readonly groupStart?: boolean;
}[] = [
  { id: 'new', icon: FilePlus, priority: 1 },
  { id: 'open', icon: FolderOpen, priority: 1 },
  { id: 'save', icon: Save, priority: 1 },
  { id: 'saveAs', icon: SaveAll, priority: 4 },
  { id: 'importKeras', icon: FileInput, priority: 3 },
  { id: 'export', icon: Download, priority: 2 },
  { id: 'undo', icon: Undo2, priority: 1, groupStart: true },
  { id: 'redo', icon: Redo2, priority: 1 },
  { id: 'layout', icon: LayoutGrid, priority: 3 },
];

/** Always in the overflow menu: commands used less often than the bar's. */
const MENU_ONLY: readonly CommandId[] = ['selectAll', 'fitView', 'zoomIn', 'zoomOut'];

const keysOf = (id: CommandId) => {
  const k = command(id).keys[0];
  return k ? keyLabel(k, isMac) : undefined;
};

export interface TopBarProps {
  readonly commands: CommandBindings;
  readonly tab: Tab;
  readonly status: string;
  readonly panels: { readonly palette: boolean; readonly side: boolean };
  readonly onTogglePanel: (which: 'palette' | 'side') => void;
}

/** The one-line bar: file and edit commands (overflowing into a menu), the views, the project's name. */
export function TopBar({ commands, tab, status, panels, onTogglePanel }: TopBarProps) {
  // The name alone: the whole project is a new object after every edit, and the bar (with its
  // tooltips) would render again on each keystroke in a setting.
  const name = useProjectStore((s) => s.project?.name);
  const hasProject = name !== undefined;
  const dirty = useProjectStore((s) => s.dirty);
  const path = useProjectStore((s) => s.path);
  const theme = useTheme();
  const { container, modes } = useOverflow(TOOLBAR, 2);
  const overflowed = TOOLBAR.filter((t) => modes.get(t.id) === 'hidden');
  const menuItem = (id: CommandId) => (
    <DropdownMenu.Item
      key={id}
      className="nc-menu-item"
      disabled={!commands[id].enabled}
      onSelect={commands[id].run}
    >
      {command(id).label}
      {keysOf(id) && <kbd>{keysOf(id)}</kbd>}
    </DropdownMenu.Item>
  );
  return (
    <header className="nc-topbar">
      <span className="nc-logo" aria-label="NetCanvas">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden>
          <circle cx="5" cy="6" r="2.6" fill="var(--accent)" />
          <circle cx="5" cy="18" r="2.6" fill="var(--accent)" />
          <circle cx="19" cy="12" r="2.6" fill="var(--accent)" />
          <path
            d="M7.4 6.8 16.6 11.2M7.4 17.2l9.2-4.4"
            stroke="var(--accent)"
            strokeWidth="1.6"
            fill="none"
          />
        </svg>
        <span>NetCanvas</span>
      </span>
      <div className="nc-toolbar" role="toolbar" aria-label="File and edit" ref={container}>
        {TOOLBAR.map(({ id, icon: Icon, groupStart }) => {
          const mode = modes.get(id) ?? 'full';
          if (mode === 'hidden') return null;
          const { label, help } = command(id);
          return (
            <Fragment key={id}>
              {groupStart && <span className="nc-toolbar-sep" data-fixed aria-hidden />}
              <WithTooltip
                tip={
                  <>
                    {mode === 'compact' ? label : help}
                    {keysOf(id) && <kbd>{keysOf(id)}</kbd>}
                  </>
                }
              >
                <button
                  type="button"
                  className={mode === 'compact' ? 'nc-tool nc-tool-compact' : 'nc-tool'}
                  data-item={id}
                  data-mode={mode}
                  aria-label={mode === 'compact' ? label : undefined}
                  disabled={!commands[id].enabled}
                  onClick={commands[id].run}
                >
                  <Icon aria-hidden size={16} />
                  {mode === 'full' && <span>{label}</span>}
                </button>
              </WithTooltip>
            </Fragment>
          );
        })}
      </div>
      <DropdownMenu.Root>
        <WithTooltip tip="More commands">
          <DropdownMenu.Trigger asChild>
            <button type="button" className="nc-icon-button" aria-label="More commands">
              <Ellipsis aria-hidden size={18} />
            </button>
          </DropdownMenu.Trigger>
        </WithTooltip>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="nc-menu" align="start" sideOffset={6}>
            {overflowed.map((t) => menuItem(t.id))}
            {overflowed.length > 0 && <DropdownMenu.Separator className="nc-menu-sep" />}
            {MENU_ONLY.map(menuItem)}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {hasProject && (
        <Tabs.List className="nc-tabs" aria-label="Views">
          {TABS.map(({ id, icon: Icon }) => (
            <Tabs.Trigger key={id} value={id} className="nc-tab">
              <Icon aria-hidden size={16} />
              {id}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      )}
      <div className="nc-project">
        {hasProject && (
          <WithTooltip
            tip={
              <>
                {name}
                <br />
                {path ?? 'Not saved yet'}
              </>
            }
          >
            <span className="nc-project-name" tabIndex={0}>
              {name}
            </span>
          </WithTooltip>
        )}
        {hasProject && dirty && <span className="nc-badge">unsaved</span>}
        <span role="status" className="nc-status" title={status}>
          {status}
        </span>
      </div>
      <div className="nc-topbar-end">
        {hasProject && tab === 'Build' && (
          <>
            <IconButton
              label="Layers palette"
              aria-pressed={panels.palette}
              onClick={() => onTogglePanel('palette')}
            >
              <PanelLeft aria-hidden size={18} />
            </IconButton>
            <IconButton
              label="Inspector and summary"
              aria-pressed={panels.side}
              onClick={() => onTogglePanel('side')}
            >
              <PanelRight aria-hidden size={18} />
            </IconButton>
          </>
        )}
        <IconButton
          label="Dark theme"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? <Moon aria-hidden size={18} /> : <Sun aria-hidden size={18} />}
        </IconButton>
        <IconButton label="Keyboard shortcuts" keys="?" onClick={commands.shortcuts.run}>
          <Keyboard aria-hidden size={18} />
        </IconButton>
      </div>
    </header>
  );
}
