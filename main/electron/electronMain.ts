// The desktop shell: one hardened window over the same renderer and backend as the web shell.
// The backend runs in this (main) process only as far as files and dispatch go; training runs in
// child processes (Electron's own binary as Node), so neither crashes nor long runs block the UI.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackendProbe } from '../compute/probeBackends';
import { createBackend } from '../services/createBackend';
import { createDispatch } from '../services/dispatchApi';
import { createExportService } from '../services/exportService';
import { errorMessage } from '../../shared/errors/errorMessage';
import { parseJsonText } from '../../shared/json/parseJsonText';
import { chosenPathGuard } from '../services/pathGuard';
import { ProjectService, workspaceDir } from '../services/projectService';
import { createRunService } from '../services/runService';
import { appMenuTemplate } from './appMenu';
import { registerMenuState, sameCommands } from './menuState';
import type { CommandId } from '../../shared/commands/commands';
import { ChosenPaths } from './chosenPaths';
import { isAllowedExternal } from './externalLinks';
import { MENU_CHANNEL, RUN_EVENT_CHANNEL } from './ipcChannels';
import { registerIpc } from './registerIpc';
import { utilityProbeChild, utilityWorker } from './utilityWorker';
import { DEFAULT_BOUNDS, DESKTOP_CSP, isAppUrl, windowOptions } from './windowOptions';
import type { WindowBounds } from './windowOptions';

// The bundle lives in dist/main; the renderer build beside it in dist/renderer.
const distDir = join(__dirname, '..');
const pageUrl = pathToFileURL(join(distDir, 'renderer', 'index.html')).href;
const stateFile = () => join(app.getPath('userData'), 'window-state.json');

interface ShellState {
  readonly bounds: WindowBounds;
  readonly recent: readonly string[];
}

async function readState(): Promise<ShellState> {
  try {
    const s = parseJsonText(await readFile(stateFile(), 'utf8')) as Partial<ShellState>;
    const b = s.bounds;
    const bounds = b && Number.isFinite(b.width) && Number.isFinite(b.height) ? b : DEFAULT_BOUNDS;
    return {
      bounds,
      recent: Array.isArray(s.recent)
        ? s.recent.filter((p): p is string => typeof p === 'string').slice(0, 10)
        : [],
    };
  } catch {
    return { bounds: DEFAULT_BOUNDS, recent: [] };
  }
}

async function writeState(state: ShellState): Promise<void> {
  await mkdir(app.getPath('userData'), { recursive: true });
  await writeFile(stateFile(), JSON.stringify(state));
}

async function start(): Promise<void> {
  let state = await readState();
  const version = (
    JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const win = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs'), state.bounds));

  // Content security policy on every response, and no permissions (camera, notifications, ...).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url, pageUrl)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never inside the app, and only to the
    // sites on the allow-list: the operating system would run any other scheme's handler.
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  // Main accepts from the renderer only the paths its own dialogs or the recent list produced.
  const chosen = new ChosenPaths(state.recent);
  const projects = new ProjectService(chosenPathGuard(workspaceDir(), (p) => chosen.has(p)));
  // auto's backend timings per network shape live with the app's own data.
  const backendTimingsFile = join(app.getPath('userData'), 'backend-timings.json');
  const runs = createRunService({
    spawn: utilityWorker(join(__dirname, 'trainWorker.cjs')),
    workerOptions: { backendTimingsFile },
  });
  const remember = (path: string) => {
    state = { ...state, recent: [path, ...state.recent.filter((p) => p !== path)].slice(0, 10) };
    void writeState(state);
    buildMenu();
  };
  const api = createBackend({
    shell: 'electron',
    version,
    projects,
    runs,
    exports: createExportService(),
    backends: createBackendProbe({
      workerPath: join(__dirname, 'probeWorker.cjs'),
      execArgv: [],
      spawn: utilityProbeChild,
    }),
    choosePath: async (purpose, suggested) => {
      const filters = [{ name: 'NetCanvas project', extensions: ['json'] }];
      if (purpose === 'open') {
        const r = await dialog.showOpenDialog(win, {
          properties: ['openFile'],
          filters,
          defaultPath: projects.workspace,
        });
        const path = r.canceled ? null : (r.filePaths[0] ?? null);
        if (path) {
          chosen.add(path);
          remember(path);
        }
        return path;
      }
      const r = await dialog.showSaveDialog(win, {
        defaultPath: join(projects.workspace, suggested),
        filters: purpose === 'save' ? filters : [],
      });
      const path = r.canceled ? null : (r.filePath ?? null);
      if (path) chosen.add(path);
      if (path && purpose === 'save') remember(path);
      return path;
    },
  });
  const trusted = (e: IpcMainInvokeEvent | IpcMainEvent) =>
    e.sender === win.webContents && isAppUrl(e.senderFrame?.url ?? '', pageUrl);
  registerIpc(ipcMain, createDispatch(api), trusted);
  const unsubscribe = api.onRunEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send(RUN_EVENT_CHANNEL, event);
  });

  // The commands the renderer says can run now (null until it first says): greyed out otherwise.
  let enabledCommands: ReadonlySet<CommandId> | null = null;
  const buildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(
          (m) => win.webContents.send(MENU_CHANNEL, m),
          state.recent,
          process.platform === 'darwin',
          enabledCommands,
        ),
      ),
    );
  buildMenu();
  const stopMenuState = registerMenuState(ipcMain, trusted, (enabled) => {
    if (sameCommands(enabledCommands, enabled)) return;
    enabledCommands = enabled;
    buildMenu();
  });

  // Closing with unsaved work: the renderer's beforeunload cancels the close, and the renderer is
  // asked to offer Save / Don't save / Cancel; it closes the window itself once the work is safe.
  win.webContents.on('will-prevent-unload', () =>
    win.webContents.send(MENU_CHANNEL, { command: 'closeWindow' }),
  );
  win.on('close', () => {
    state = { ...state, bounds: win.getBounds() };
    void writeState(state);
  });
  win.on('closed', () => {
    unsubscribe();
    stopMenuState();
    void runs.dispose();
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(pageUrl);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => app.quit());
app
  .whenReady()
  .then(start)
  .catch((e: unknown) => {
    dialog.showErrorBox('NetCanvas could not start', errorMessage(e));
    app.quit();
  });
