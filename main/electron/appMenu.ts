import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandMessage } from '../../shared/api/apiSchemas';
import { acceleratorOf, COMMANDS } from '../../shared/commands/commands';
import type { CommandMenu, CommandSpec } from '../../shared/commands/commands';

/**
 * The application menu, built from the app's one command table. Items that act on the document
 * send a command to the renderer, which owns the document; Cut/Copy/Paste are native roles.
 *
 * Accelerators are shown but not registered (`registerAccelerator: false`): the renderer's
 * shortcut handler is the one place keys are bound, so a plain `F` or `L` still types into a
 * text field and Ctrl+Z there undoes the typing, not the graph.
 */
export function appMenuTemplate(
  send: (message: MenuCommandMessage) => void,
  recent: readonly string[],
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const item = (c: CommandSpec): MenuItemConstructorOptions => {
    const accelerator = c.keys[0] ? acceleratorOf(c.keys[0]) : undefined;
    if (c.role) return { role: c.role, accelerator };
    return {
      label: c.menuLabel ?? c.label,
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
