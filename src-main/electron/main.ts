/**
 * The Electron app: one window, locked down (context isolation, sandbox, no Node in the page,
 * CSP, no remote content), the API contract wired over IPC, recordings served by a custom protocol.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { createHandlers } from '../api/handlers';
import { configFromEnvironment, createCore } from '../core';
import { createApiIpcHandler } from './api-ipc';
import { API_CHANNEL, EVENT_CHANNEL } from './channels';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { safeStorageCredentials } from './team-credentials';
import { startDailyReminder } from './daily-reminder';
import { savePageAsPdf } from './save-pdf';

app.setName('Sparring');
if (process.env.SPARRING_DATA_DIR) app.setPath('userData', process.env.SPARRING_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerMediaScheme();
  app
    .whenReady()
    .then(start)
    .catch((error) => {
      console.error(error);
      app.exit(1);
    });
}

/** The folder holding scenarios/ and native/: the project in development, resources/ when packaged. */
const appRoot = () => (app.isPackaged ? process.resourcesPath : app.getAppPath());

function electronSqliteBinding(): string | undefined {
  const candidate = join(appRoot(), 'native', 'electron', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

/** Our page: the built files, or the dev server electron-vite started. */
const isOwnPage = (url: string) =>
  url.startsWith('file://') ||
  (!!process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL));

async function start() {
  const dataDir = app.getPath('userData');
  // The environment is read here, once, and handed to core as configuration.
  const config = configFromEnvironment(process.env, {
    dataDir,
    builtInScenarioDirs: [join(appRoot(), 'scenarios')],
    appRoots: [appRoot()],
    nativeSqliteBinding: electronSqliteBinding(),
    teamCredentials: safeStorageCredentials(dataDir, process.env.SPARRING_TEAM_DATABASE_URL || null),
  });
  const core = createCore(config, { recover: true });
  // Syncs in the background when a team store is set up; without one, nothing leaves this computer.
  core.team.start();
  core.warmUpFigures();
  const handlers = createHandlers(
    core,
    { version: app.getVersion(), transport: 'electron' },
    // Called from the page, so only once the window below exists.
    { savePdf: (fileName) => savePageAsPdf(window, fileName) },
  );
  handleMediaProtocol(core);

  // No permission but the microphone, and only for our own page.
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback) => {
    callback(permission === 'media' && isOwnPage(wc.getURL()));
  });

  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    title: 'Sparring',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());

  // Only our own page may call the API; anything else (a navigated-away frame) is ignored.
  ipcMain.handle(
    API_CHANNEL,
    createApiIpcHandler(
      handlers,
      (event) => event.sender === window.webContents && isOwnPage(event.senderFrame?.url ?? ''),
    ),
  );
  core.events.on((e) => window.webContents.send(EVENT_CHANNEL, e));

  // No remote content: links open in the system browser, navigation away is blocked.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (e) => e.preventDefault());

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  const stopReminder = startDailyReminder(core, window);
  app.on('window-all-closed', () => {
    stopReminder();
    core.close();
    app.quit();
  });

  if (process.env.ELECTRON_RENDERER_URL) await window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}
