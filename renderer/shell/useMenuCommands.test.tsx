// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../shared/api/apiSchemas';
import type { MenuCommandMessage } from '../../shared/api/apiSchemas';
import type { MenuHandlers } from './useMenuCommands';
import { useMenuCommands, useMenuEnabled } from './useMenuCommands';
import { COMMANDS } from '../../shared/commands/commands';
import type { CommandId } from '../../shared/commands/commands';

type Listener = (m: MenuCommandMessage) => void;
const win = window as { netcanvas?: unknown };

function Host({ handlers }: { handlers: MenuHandlers }) {
  useMenuCommands(handlers);
  return null;
}

/** A bridge with only the menu subscription, and a way to send it commands as Electron's menu would. */
function installBridge() {
  const listeners = new Set<Listener>();
  win.netcanvas = {
    onMenuCommand: (l: Listener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { send: (m: MenuCommandMessage) => listeners.forEach((l) => l(m)), listeners };
}

afterEach(() => {
  cleanup();
  delete win.netcanvas;
});

describe('desktop menu commands', () => {
  it('runs the action named by each command, with the path for Open Recent', () => {
    const bridge = installBridge();
    const seen: string[] = [];
    const handlers = Object.fromEntries(
      MENU_COMMANDS.map((c) => [c, (path?: string) => seen.push(path ? `${c} ${path}` : c)]),
    ) as unknown as MenuHandlers;
    render(<Host handlers={handlers} />);
    bridge.send({ command: 'undo' });
    bridge.send({ command: 'openRecent', path: '/home/me/cnn.json' });
    bridge.send({ command: 'toggleSummary' });
    expect(seen).toEqual(['undo', 'openRecent /home/me/cnn.json', 'toggleSummary']);
  });

  it('stops listening when the app unmounts', () => {
    const bridge = installBridge();
    const handlers = Object.fromEntries(
      MENU_COMMANDS.map((c) => [c, () => undefined]),
    ) as unknown as MenuHandlers;
    const { unmount } = render(<Host handlers={handlers} />);
    expect(bridge.listeners.size).toBe(1);
    unmount();
    expect(bridge.listeners.size).toBe(0);
  });

  it('does nothing in the web shell, where there is no bridge', () => {
    const handlers = Object.fromEntries(
      MENU_COMMANDS.map((c) => [c, () => undefined]),
    ) as unknown as MenuHandlers;
    expect(() => render(<Host handlers={handlers} />)).not.toThrow();
  });
});

describe("the desktop menu's enabled state", () => {
  type Bindings = Record<CommandId, { enabled: boolean }>;
  const bindings = (disabled: readonly CommandId[]) =>
    Object.fromEntries(
      COMMANDS.map((c) => [c.id, { enabled: !disabled.includes(c.id) }]),
    ) as Bindings;
  function Enabled({ of }: { of: Bindings }) {
    useMenuEnabled(of);
    return null;
  }

  it('tells the menu what can run, again only when that changes (Undo after the first edit)', () => {
    const setEnabledCommands = vi.fn();
    win.netcanvas = { setEnabledCommands };
    const { rerender } = render(<Enabled of={bindings(['undo', 'redo'])} />);
    expect(setEnabledCommands).toHaveBeenCalledTimes(1);
    const first = setEnabledCommands.mock.calls[0]?.[0] as CommandId[];
    expect(first).not.toContain('undo');
    expect(first).not.toContain('redo');
    expect(first).toContain('save');
    rerender(<Enabled of={bindings(['undo', 'redo'])} />);
    expect(setEnabledCommands).toHaveBeenCalledTimes(1);
    rerender(<Enabled of={bindings(['redo'])} />);
    expect(setEnabledCommands).toHaveBeenCalledTimes(2);
    expect(setEnabledCommands.mock.calls[1]?.[0]).toContain('undo');
    expect(setEnabledCommands.mock.calls[1]?.[0]).not.toContain('redo');
  });

  it('does nothing in the web shell', () => {
    expect(() => render(<Enabled of={bindings([])} />)).not.toThrow();
  });
});
