import type { IpcMainEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { CommandId } from '../../shared/commands/commands';
import { MENU_STATE_CHANNEL } from './ipcChannels';
import { registerMenuState, sameCommands } from './menuState';

/** A stand-in for ipcMain with one listener, and a way to send it a message as the renderer would. */
function fakeIpc() {
  let listener: ((e: IpcMainEvent, payload: unknown) => void) | null = null;
  const ipc = {
    on: vi.fn((channel: string, l: typeof listener) => {
      expect(channel).toBe(MENU_STATE_CHANNEL);
      listener = l;
    }),
    removeListener: vi.fn(() => (listener = null)),
  };
  const send = (payload: unknown, sender = 'app') =>
    listener?.(sender as unknown as IpcMainEvent, payload);
  return { ipc, send, listening: () => listener !== null };
}

describe("the renderer's enabled commands, in main", () => {
  const setup = () => {
    const { ipc, send, listening } = fakeIpc();
    const onChange = vi.fn<(enabled: ReadonlySet<CommandId>) => void>();
    const stop = registerMenuState(ipc as never, (e) => (e as unknown) === 'app', onChange);
    return { send, onChange, stop, listening };
  };

  it('hands a valid list of command ids on as a set', () => {
    const { send, onChange } = setup();
    send(['save', 'undo']);
    expect([...(onChange.mock.calls[0]?.[0] ?? [])]).toEqual(['save', 'undo']);
    send([]);
    expect(onChange.mock.calls[1]?.[0].size).toBe(0);
  });

  it.each([
    ['not a list', 'undo'],
    ['an unknown command', ['undo', 'formatDisk']],
    ['a command twice', ['undo', 'undo']],
    ['a number', [1]],
    ['an object', { undo: true }],
    ['nothing', undefined],
    ['too many ids', new Array(500).fill('undo')],
  ])('refuses %s', (_what, payload) => {
    const { send, onChange } = setup();
    send(payload);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores a message from another page or frame', () => {
    const { send, onChange } = setup();
    send(['undo'], 'elsewhere');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stops listening when asked', () => {
    const { stop, listening } = setup();
    stop();
    expect(listening()).toBe(false);
  });

  it('tells equal sets apart from changed ones', () => {
    expect(sameCommands(null, new Set())).toBe(false);
    expect(
      sameCommands(new Set<CommandId>(['undo', 'save']), new Set<CommandId>(['save', 'undo'])),
    ).toBe(true);
    expect(sameCommands(new Set<CommandId>(['undo']), new Set<CommandId>(['redo']))).toBe(false);
  });
});
