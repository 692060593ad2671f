import { useEffect, useRef } from 'react';
import type { MenuCommand, NetCanvasBridge } from '../../shared/api/apiSchemas';

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
