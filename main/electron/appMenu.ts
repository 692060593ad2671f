import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandMessage } from '../../shared/api/apiSchemas';
import { acceleratorOf, COMMANDS } from '../../shared/commands/commands';
import type { CommandId, CommandMenu, CommandSpec } from '../../shared/commands/commands';

/**
 * The application menu, built from the app's one command table. Items that act on the document
 * send a command to the renderer, which owns the document; Cut/Copy/Paste are native roles.
 *
 * Accelerators are shown but not registered (`registerAccelerator: false`): the renderer's
 * shortcut handler is the one place keys are bound, so a plain `F` or `L` still types into a
 * text field and Ctrl+Z there undoes the typing, not the graph.
 *
 * `enabled` is the renderer's word on what can run now (Undo only with something to undo); until
 * it has spoken (null) every item is enabled. Cut, Copy and Paste stay enabled: as native roles
 * they also act in text fields, which the renderer's set does not describe.
 */
export function appMenuTemplate(
  send: (message: MenuCommandMessage) => void,
  recent: readonly string[],
  isMac: boolean,
  enabled: ReadonlySet<CommandId> | null = null,
): MenuItemConstructorOptions[] {
  const item = (c: CommandSpec): MenuItemConstructorOptions => {
    const accelerator = c.keys[0] ? acceleratorOf(c.keys[0]) : undefined;
    if (c.role) return { role: c.role, accelerator };
    return {
      id: c.id,
      label: c.menuLabel ?? c.label,
      enabled: enabled?.has(c.id as CommandId) ?? true,
      accelerator,
      registerAccelerator: false,
      click: () => send({ command: c.id as MenuCommandMessage['command'] }),
    };
  };
  const items = (menu: CommandMenu): MenuItemConstructorOptions[] =>
    COMMANDS.filter((c: CommandSpec) => c.menu === menu).flatMap((c: CommandSpec) => [
      ...(c.separatorBefore ? [{ type: 'separator' } as const] : []),
      item(c),
    ]);
  const file = items('File');
  // Open Recent sits right after Open.
  const afterOpen = file.findIndex((i) => i.label === 'Open…') + 1;
  file.splice(afterOpen, 0, {
    label: 'Open Recent',
    submenu: recent.length
      ? recent.map((path) => ({ label: path, click: () => send({ command: 'openRecent', path }) }))
      : [{ label: 'No recent projects', enabled: false }],
  });
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [...file, { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { label: 'Edit', submenu: items('Edit') },
    { label: 'View', submenu: items('View') },
    { role: 'help', submenu: items('Help') },
  ];
}
