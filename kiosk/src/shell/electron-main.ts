// Electron's main process for the kiosk: run by the Electron binary only (launch.ts starts it
// with this file), never imported by Node code. One full-screen window on the agent's UI.
import { app, BrowserWindow, Menu, type WebContents } from 'electron';

const URL_FLAG = '--lanyard-url=';
const DEFAULT_PORT = 7380;

let started: Promise<string> | undefined;
/** The UI's address (the agent starts once, however often a window opens). */
const agentUrl = () => (started ??= startAgent());

/** The UI's address: given by launch.ts, or the agent this process starts itself. */
async function startAgent(): Promise<string> {
  const given = process.argv.find((a) => a.startsWith(URL_FLAG))?.slice(URL_FLAG.length);
  if (given) return given;
  // Packaged app: the agent runs in this process, from the enrolled cache in the data dir.
  const { createAgent } = await import('../agent/index.js');
  const agent = createAgent({
    dataDir: process.env.LANYARD_KIOSK_DATA_DIR ?? app.getPath('userData'),
    port: Number(process.env.LANYARD_KIOSK_PORT ?? DEFAULT_PORT),
  });
  const { port } = await agent.start();
  app.on('will-quit', () => void agent.stop());
  return `http://127.0.0.1:${port}/`;
}

/** The page stays on the agent: no popups, no navigation elsewhere, no devtools. */
function lockDown(contents: WebContents, origin: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, target) => {
    if (new URL(target).origin !== origin) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
  contents.session.setPermissionRequestHandler((wc, permission, grant) =>
    // The camera, for QR codes when no scanner is attached; nothing else.
    grant(permission === 'media' && new URL(wc.getURL()).origin === origin),
  );
}

function openWindow(url: string): BrowserWindow {
  const origin = new URL(url).origin;
  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#0b1a33',
    webPreferences: {
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      devTools: false,
      spellcheck: false,
    },
  });
  lockDown(window.webContents, origin);
  const load = () => void window.loadURL(url).catch(() => setTimeout(load, 1000));
  // A crashed or hung page is reloaded: the kiosk never shows a dead screen for long.
  window.webContents.on('render-process-gone', () => setTimeout(load, 500));
  window.on('unresponsive', () => window.webContents.forcefullyCrashRenderer());
  // The agent may still be starting, or restarting: keep trying.
  window.webContents.on('did-fail-load', () => setTimeout(load, 1000));
  load();
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  Menu.setApplicationMenu(null);
  app.commandLine.appendSwitch('disable-background-networking');
  app.commandLine.appendSwitch('disable-component-update');
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => window?.focus());
  app.on('window-all-closed', () => {
    // Closing the kiosk window is not a way out: open it again.
    if (window && !window.isDestroyed()) return;
    void agentUrl().then((url) => (window = openWindow(url)));
  });
  void app
    .whenReady()
    .then(agentUrl)
    .then((url) => (window = openWindow(url)))
    .catch((error: unknown) => {
      console.error('lanyard kiosk: cannot start', error);
      app.exit(1);
    });
}
