/**
 * Which window the kiosk opens, decided from what is installed: pure, so it is tested without
 * either browser.
 */
export type KioskWindowPlan =
  | { kind: 'electron'; command: string; args: string[] }
  | { kind: 'chromium'; command: string; args: string[] };

/** Debian's and other distributions' Chromium names, in the order they are tried. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/**
 * Chromium as a kiosk on a closed venue network: full screen on the agent's page, no first-run
 * dialogs, no update or sync traffic, no "restore pages?" bubble after a power cut, no
 * translation bar, no swipe-back, no pinch zoom.
 */
export function chromiumKioskArgs(url: string, profileDir: string): string[] {
  return [
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--noerrdialogs',
    '--hide-crash-restore-bubble',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--password-store=basic',
    '--metrics-recording-only',
    '--check-for-update-interval=31536000',
  ];
}

export interface InstalledBrowsers {
  /** The Electron binary, when its download completed (node_modules/electron/dist). */
  electronBinary: string | undefined;
  /** The compiled electron main file. */
  electronMain: string;
  chromiumPath: string | undefined;
}

/** Electron when its binary is there, else Chromium; undefined when neither is installed. */
export function planKioskWindow(
  url: string,
  profileDir: string,
  installed: InstalledBrowsers,
): KioskWindowPlan | undefined {
  if (installed.electronBinary) {
    return {
      kind: 'electron',
      command: installed.electronBinary,
      args: [installed.electronMain, `--lanyard-url=${url}`],
    };
  }
  if (installed.chromiumPath) {
    return {
      kind: 'chromium',
      command: installed.chromiumPath,
      args: chromiumKioskArgs(url, profileDir),
    };
  }
  return undefined;
}
