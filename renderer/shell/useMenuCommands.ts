import { useEffect, useRef } from 'react';
import type { MenuCommand, NetCanvasBridge } from '../../shared/api/apiSchemas';
import type { CommandId } from '../../shared/commands/commands';

/** What each Electron menu command does; Open Recent passes the project's path. */
export type MenuHandlers = Readonly<Record<MenuCommand, (path?: string) => void>>;

/**
 * Runs the desktop application menu's commands through the same actions as the top bar and the
 * shortcuts. In the web shell there is no bridge and no native menu, so this does nothing.
 */
export function useMenuCommands(handlers: MenuHandlers): void {
  // The latest handlers, without re-subscribing on every render.
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const bridge = (window as { netcanvas?: NetCanvasBridge }).netcanvas;
    if (!bridge) return;
    return bridge.onMenuCommand(({ command, path }) => current.current[command](path));
  }, []);
}

/**
 * Tells the desktop application menu which commands can run now, each time that changes, so the
 * native menu greys out what the top bar greys out (Undo with nothing to undo). In the web shell
 * there is no native menu, so this does nothing.
 */
export function useMenuEnabled(
  bindings: Readonly<Record<CommandId, { readonly enabled: boolean }>>,
): void {
  // A string, so a render that changes nothing sends nothing.
  const enabled = (Object.keys(bindings) as CommandId[])
    .filter((id) => bindings[id].enabled)
    .join(' ');
  useEffect(() => {
    const bridge = (window as { netcanvas?: NetCanvasBridge }).netcanvas;
    bridge?.setEnabledCommands(enabled ? (enabled.split(' ') as CommandId[]) : []);
  }, [enabled]);
}
