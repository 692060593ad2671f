// The desktop shell's wiring, with the electron module stubbed (no Electron binary is needed).
import { describe, expect, it, vi } from 'vitest';
import type { NetCanvasApi } from '../../shared/api/backendApi';
import { API_METHODS } from '../../shared/api/backendApi';
import { createDispatch } from '../services/dispatchApi';
import { appMenuTemplate } from './appMenu';
import { apiChannel, MENU_STATE_CHANNEL } from './ipcChannels';
import { registerIpc } from './registerIpc';
import { isAppUrl, windowOptions } from './windowOptions';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn((channel: string, args: unknown) => Promise.resolve({ channel, args }));
const send = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, send, on: vi.fn(), removeListener: vi.fn() },
}));

describe('the desktop window', () => {
  it('isolates the renderer: no Node, sandboxed, context isolation, web security', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs?.preload).toBe('/app/preload.cjs');
  });

  it.each([
    ['file:///opt/netcanvas/dist/renderer/index.html', true],
    ['file:///opt/netcanvas/dist/renderer/index.html#x', true],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['not a url', false],
  ])('allows navigation to %s: %s', (url, allowed) => {
    expect(isAppUrl(url, 'file:///opt/netcanvas/dist/renderer/index.html')).toBe(allowed);
  });
});

describe('the preload bridge', () => {
  it('exposes exactly the API methods, the two subscriptions and the menu state, each bound to its own channel', async () => {
    await import('./preload');
    const bridge = exposed.netcanvas as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual(
      [...API_METHODS, 'onMenuCommand', 'onRunEvent', 'setEnabledCommands'].sort(),
    );
    await bridge.stopRun?.('run-1');
    expect(invoke).toHaveBeenLastCalledWith(apiChannel('stopRun'), ['run-1']);
    bridge.setEnabledCommands?.(['save']);
    expect(send).toHaveBeenLastCalledWith(MENU_STATE_CHANNEL, ['save']);
  });
});

describe('IPC handlers in main', () => {
  const stopRun = vi.fn(() => Promise.resolve());
  const api = {
    stopRun,
    openProject: vi.fn(() => Promise.resolve(null)),
  } as unknown as NetCanvasApi;
  const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
  registerIpc(
    { handle: (channel: string, h: never) => void handlers.set(channel, h) },
    createDispatch(api),
    (e) => (e as unknown) === 'trusted',
  );
  const call = (method: string, args: unknown, sender = 'trusted') =>
    handlers.get(apiChannel(method as never))?.(sender, args);

  it('registers one handler per API method', () => {
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(apiChannel).sort());
  });

  it('validates arguments before any service sees them', async () => {
    expect(await call('stopRun', ['../../etc'])).toMatchObject({ ok: false, code: 'badRequest' });
    expect(await call('stopRun', [42])).toMatchObject({ ok: false, code: 'badRequest' });
    expect(await call('openProject', ['a\0b'])).toMatchObject({ ok: false, code: 'badRequest' });
    expect(await call('stopRun', 'not a list')).toMatchObject({ ok: false, code: 'badRequest' });
    expect(stopRun).not.toHaveBeenCalled();
    expect(await call('stopRun', ['run-1'])).toEqual({ ok: true, value: null });
    expect(stopRun).toHaveBeenCalledWith('run-1');
  });

  it('refuses calls from a frame that is not the app', async () => {
    expect(await call('stopRun', ['run-1'], 'other')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});

describe('the application menu', () => {
  it('has the File, Edit and View commands, and sends document commands to the renderer', () => {
    const sent: unknown[] = [];
    const menu = appMenuTemplate((m) => sent.push(m), ['/p/a.netcanvas.json'], false);
    const labels = (name: string) =>
      (
        (menu.find((m) => m.label === name)?.submenu ?? []) as { label?: string; role?: string }[]
      ).map((i) => i.label ?? i.role);
    expect(labels('File')).toEqual(
      expect.arrayContaining([
        'New',
        'Open…',
        'Open Recent',
        'Save',
        'Save As…',
        'Import Keras model…',
        'Export…',
      ]),
    );
    expect(labels('Edit')).toEqual(
      expect.arrayContaining(['Undo', 'Redo', 'cut', 'copy', 'paste', 'Delete', 'Select All']),
    );
    expect(labels('View')).toEqual(
      expect.arrayContaining(['Fit', 'Zoom In', 'Zoom Out', 'Toggle Palette']),
    );
    const save = (
      menu.find((m) => m.label === 'File')?.submenu as { label?: string; click?: () => void }[]
    ).find((i) => i.label === 'Save');
    save?.click?.();
    expect(sent).toEqual([{ command: 'save' }]);
  });
});
