/**
 * The Electron app: one window, locked down (context isolation, sandbox, no Node in the page,
 * CSP, no remote content), the API contract wired over IPC, recordings served by a custom protocol.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { createHandlers } from '../api/handlers';
import { configFromEnvironment, createCore } from '../core';
import { createApiIpcHandler } from './api-ipc';
import { API_CHANNEL, EVENT_CHANNEL } from './channels';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { safeStorageCredentials } from './team-credentials';
import { startDailyReminder } from './daily-reminder';
import { savePageAsPdf } from './save-pdf';
import { openExternalLinkAfterConfirmation } from './external-links';
import { ownPageMatcher } from './own-page';
import { allowPermission } from './permissions';

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
      // A window that never opens says nothing: one clear sentence instead (a folder in use by a
      // bridge, a database that cannot be opened), with the folder a click away.
      console.error(error);
      const folder = app.getPath('userData');
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: 'Sparring cannot start',
        message: 'Sparring cannot start',
        detail: `${(error as Error).message}\n\nData folder: ${folder}`,
        buttons: ['Show data folder', 'Quit'],
        defaultId: 1,
        cancelId: 1,
      });
      if (choice === 0) shell.showItemInFolder(folder);
      app.exit(1);
    });
}

/** The folder holding scenarios/ and native/: the project in development, resources/ when packaged. */
const appRoot = () => (app.isPackaged ? process.resourcesPath : app.getAppPath());

function electronSqliteBinding(): string | undefined {
  const candidate = join(appRoot(), 'native', 'electron', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

/** The built renderer, loaded with loadFile; electron-vite's dev server replaces it in development. */
const rendererIndexHtml = () => join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL || null;

async function start() {
  /** Our page: exactly the page loaded below, not any file on the disk nor any look-alike URL. */
  const isOwnPage = ownPageMatcher(devServerUrl ?? pathToFileURL(rendererIndexHtml()).href);
  const dataDir = app.getPath('userData');
  // The environment is read here, once, and handed to core as configuration.
  const config = configFromEnvironment(process.env, {
    dataDir,
    builtInScenarioDirs: [join(appRoot(), 'scenarios')],
    appRoots: [appRoot()],
    nativeSqliteBinding: electronSqliteBinding(),
    teamCredentials: safeStorageCredentials(dataDir, process.env.SPARRING_TEAM_DATABASE_URL || null),
  });
  const core = createCore(config, { recover: true, lockAs: 'the app' });
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

  // No permission but the microphone (never the camera), and only for our own page. Chromium both
  // checks (e.g. for device labels) and requests, so both handlers apply the same rule.
  session.defaultSession.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(allowPermission(permission, details, details.requestingUrl, isOwnPage));
  });
  // A check without requestingUrl comes from a cross-origin subframe: refused, never judged by the top page.
  session.defaultSession.setPermissionCheckHandler((_webContents, permission, _origin, details) =>
    allowPermission(permission, details, details.requestingUrl ?? '', isOwnPage),
  );

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
      // Chromium's spellchecker downloads dictionaries from Google: nothing leaves this computer unasked.
      spellcheck: false,
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

  // No remote content: web links open in the system browser once the user confirms, navigation away is blocked.
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalLinkAfterConfirmation(window, url).catch((error) => console.error(error));
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

  if (devServerUrl) await window.loadURL(devServerUrl);
  else await window.loadFile(rendererIndexHtml());
}
