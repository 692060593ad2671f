import type { IpcMain, IpcMainEvent } from 'electron';
import { enabledCommandsSchema } from '../../shared/api/apiSchemas';
import type { CommandId } from '../../shared/commands/commands';
import { MENU_STATE_CHANNEL } from './ipcChannels';

/**
 * Listens for the renderer's enabled commands (it owns the undo history and the selection) and
 * hands each new set to `onChange`, which rebuilds the native menu. A message from another page
 * or frame, or one that is not a list of the command table's ids, changes nothing.
 *
 * @returns stops listening
 */
export function registerMenuState(
  ipc: Pick<IpcMain, 'on' | 'removeListener'>,
  isTrustedSender: (e: IpcMainEvent) => boolean,
  onChange: (enabled: ReadonlySet<CommandId>) => void,
): () => void {
  const listener = (event: IpcMainEvent, ids: unknown) => {
    if (!isTrustedSender(event)) return;
    const parsed = enabledCommandsSchema.safeParse(ids);
    if (parsed.success) onChange(new Set(parsed.data));
  };
  ipc.on(MENU_STATE_CHANNEL, listener);
  return () => void ipc.removeListener(MENU_STATE_CHANNEL, listener);
}

/** Whether two enabled sets hold the same commands (so the menu is rebuilt only when one changes). */
export function sameCommands(a: ReadonlySet<CommandId> | null, b: ReadonlySet<CommandId>): boolean {
  return a !== null && a.size === b.size && [...b].every((id) => a.has(id));
}
