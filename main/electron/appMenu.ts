import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuCommandMessage } from '../../shared/api/apiSchemas';

/**
 * The application menu. Items that act on the document send a command to the renderer, which
 * owns the document; Cut/Copy/Paste/Select All in text fields are native roles.
 */
export function appMenuTemplate(send: (message: MenuCommandMessage) => void, recent: readonly string[], isMac: boolean): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send({ command }),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        cmd('New', 'new', 'CmdOrCtrl+N'),
        cmd('Open…', 'open', 'CmdOrCtrl+O'),
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((path) => ({ label: path, click: () => send({ command: 'openRecent', path }) }))
            : [{ label: 'No recent projects', enabled: false }],
        },
        { type: 'separator' },
        cmd('Save', 'save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        cmd('Import Keras model…', 'importKeras'),
        cmd('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        cmd('Undo', 'undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        cmd('Delete', 'delete'),
        cmd('Select All', 'selectAll', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: 'View',
      submenu: [
        cmd('Fit', 'fitView'),
        cmd('Zoom In', 'zoomIn', 'CmdOrCtrl+='),
        cmd('Zoom Out', 'zoomOut', 'CmdOrCtrl+-'),
        { type: 'separator' },
        cmd('Toggle Palette', 'togglePalette'),
        cmd('Toggle Inspector', 'toggleInspector'),
        cmd('Toggle Summary', 'toggleSummary'),
      ],
    },
    { role: 'help', submenu: [cmd('Keyboard Shortcuts', 'shortcuts')] },
  ];
}
