import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../shared/commands/commands';
import type { CommandId } from '../../shared/commands/commands';
import { appMenuTemplate } from './appMenu';

const items = (menu: MenuItemConstructorOptions[]) =>
  menu
    .flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    .filter((i) => i.type !== 'separator');

describe('the application menu, read from the command table', () => {
  it('lists every command with the keys the app answers to (F, L and Ctrl+E included)', () => {
    const menu = items(appMenuTemplate(() => undefined, [], false));
    const byLabel = (label: string) => menu.find((i) => i.label === label);
    expect(byLabel('Fit')?.accelerator).toBe('F');
    expect(byLabel('Auto-layout')?.accelerator).toBe('L');
    expect(byLabel('Export…')?.accelerator).toBe('CmdOrCtrl+E');
    expect(byLabel('Keyboard Shortcuts')?.accelerator).toBe('?');
    for (const c of COMMANDS) {
      const item =
        'role' in c
          ? menu.find((i) => i.role === c.role)
          : byLabel('menuLabel' in c ? c.menuLabel : c.label);
      expect(item, c.id).toBeDefined();
    }
  });

  it('shows accelerators without registering them: the renderer binds keys once, and text fields keep theirs', () => {
    const menu = items(appMenuTemplate(() => undefined, [], false));
    for (const i of menu.filter((m) => m.click && m.accelerator))
      expect(i.registerAccelerator, String(i.label)).toBe(false);
  });

  it('sends the command id when clicked', () => {
    const sent: unknown[] = [];
    const menu = items(appMenuTemplate((m) => sent.push(m), [], false));
    menu
      .find((i) => i.label === 'Auto-layout')
      ?.click?.(undefined as never, undefined, undefined as never);
    expect(sent).toEqual([{ command: 'layout' }]);
  });

  it('greys out what the renderer says cannot run now, and keeps the native text roles', () => {
    const enabled = new Set<CommandId>(
      COMMANDS.map((c) => c.id).filter((id) => id !== 'undo' && id !== 'redo'),
    );
    const menu = items(appMenuTemplate(() => undefined, [], false, enabled));
    const byLabel = (label: string) => menu.find((i) => i.label === label);
    expect(byLabel('Undo')?.enabled).toBe(false);
    expect(byLabel('Redo')?.enabled).toBe(false);
    expect(byLabel('Save')?.enabled).toBe(true);
    enabled.add('undo');
    enabled.delete('cut');
    const after = items(appMenuTemplate(() => undefined, [], false, enabled));
    expect(after.find((i) => i.label === 'Undo')?.enabled).toBe(true);
    expect(after.find((i) => i.role === 'cut')?.enabled).not.toBe(false);
  });

  it('enables every command until the renderer has said what can run', () => {
    const menu = items(appMenuTemplate(() => undefined, [], false));
    expect(menu.filter((i) => i.enabled === false).map((i) => i.label)).toEqual([]);
  });
});
