import type * as Kiosk from '@lanyard/kiosk';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { CliError, inputError } from '../../errors.js';

/** Where the agent keeps its cache and credential unless told (beside a server's ./data). */
const DEFAULT_DATA_DIR = './kiosk-data';
/** The agent's local API and UI port unless told. */
const DEFAULT_PORT = 7380;

type KioskModule = typeof Kiosk;

/** The kiosk shell's `launchKioskWindow`: the full-screen window on the agent's URL. */
type Launcher = (options: { url: string }) => Promise<{ close(): Promise<void> }>;

/** What became of the UI: a window, none asked for, or none possible here (and why). */
type UiOutcome =
  | { ui: 'launched'; close(): Promise<void> }
  | { ui: 'headless' }
  | { ui: 'not_built' | 'no_browser'; why: string };

type AgentErrorLike = Error & { code?: string; reason?: string };

export default class KioskStart extends LanyardCommand {
  static override description =
    'Start a check-in station: enroll it once with the code from the organizer, then run the station agent (offline cache, sync, local API on 127.0.0.1) and its UI, until Ctrl-C.';

  static override examples = [
    '<%= config.bin %> kiosk start --headless --server https://tickets.example.org --enroll 7KQ2M-9XD4R-ZB8HT-0W3VC',
    '<%= config.bin %> kiosk start --enroll "lanyard://enroll?server=https%3A%2F%2Ftickets.example.org&code=7KQ2M-9XD4R-ZB8HT-0W3VC"',
    '<%= config.bin %> kiosk start --headless --data-dir /var/lib/lanyard-kiosk --gate north --json',
  ];

  static override flags = {
    headless: Flags.boolean({
      description: 'run the agent only (a staff laptop with a handheld scanner); no UI window',
    }),
    enroll: Flags.string({
      description:
        'one-time enrollment code (or the lanyard://enroll URI of its QR code); needed on the first start only',
    }),
    port: Flags.integer({
      description: `port of the local API and UI on 127.0.0.1 (0: any free port)`,
      default: DEFAULT_PORT,
      min: 0,
      max: 65535,
    }),
    'data-dir': Flags.string({
      description: `where the station keeps its cache and credential (env LANYARD_KIOSK_DATA_DIR, default ${DEFAULT_DATA_DIR})`,
    }),
    gate: Flags.string({ description: 'the gate this station scans at (recorded with each scan)' }),
    list: Flags.string({
      description: "check-in list id to scan for (default: the event's first list by name)",
    }),
    scanners: Flags.boolean({
      description: 'read plugged-in barcode scanners (USB HID and USB serial, found automatically)',
    }),
    serial: Flags.string({
      description:
        'also read a serial scanner on this port (e.g. /dev/ttyACM0); implies --scanners',
    }),
    printer: Flags.string({
      description:
        'print a badge on each admission: tcp://host:9100, serial:///dev/ttyX, cups://QUEUE or file:///path',
    }),
    'staff-pin': Flags.string({
      description: 'PIN (4 to 12 digits) that opens staff mode in the UI',
      env: 'LANYARD_KIOSK_STAFF_PIN',
    }),
    language: Flags.string({
      description: "language of the kiosk's screens (default: the event's default language)",
      options: ['en', 'de'],
    }),
    'admit-unknown-tickets': Flags.boolean({
      description:
        'offline, admit validly signed tickets sold after the last sync (default: refuse them)',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(KioskStart);
    // Without a display the window's browser exits at once and would be restarted forever.
    if (!flags.headless && !hasDisplay(process.env, process.platform))
      throw inputError(
        'no_display',
        'there is no display here (DISPLAY and WAYLAND_DISPLAY are unset) to open the kiosk window on: add --headless to run the station agent alone, or start it in a desktop session',
      );
    // Listened for from the start, so a Ctrl-C during enrollment still stops cleanly.
    const stopRequested = new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    const dataDir = resolve(
      flags['data-dir'] ?? process.env.LANYARD_KIOSK_DATA_DIR ?? DEFAULT_DATA_DIR,
    );
    const serverUrl = flags.server ?? process.env.LANYARD_SERVER;
    const kiosk = await loadKiosk();

    const station = await kiosk
      .enrollStation({
        dataDir,
        ...(serverUrl && { serverUrl }),
        ...(flags.enroll !== undefined && { enroll: flags.enroll }),
      })
      .catch((err: AgentErrorLike) => {
        throw enrollmentFailure(err, flags.enroll !== undefined);
      });

    const agent = createOrExplain(() =>
      kiosk.createAgent({
        dataDir,
        serverUrl: station.serverUrl,
        eventId: station.eventId,
        deviceId: station.deviceId,
        credentials: station.credentials,
        port: flags.port,
        ...(flags.gate !== undefined && { gate: flags.gate }),
        ...(flags.list !== undefined && { listId: flags.list }),
        ...(flags['admit-unknown-tickets'] && { admitUnknownTickets: true }),
        ...(flags.printer !== undefined && { printing: { printerUri: flags.printer } }),
        ...((flags.scanners || flags.serial !== undefined) && {
          scanners:
            flags.serial === undefined ? {} : { serial: { ports: [{ path: flags.serial }] } },
        }),
        ...(flags['staff-pin'] !== undefined && { staffPin: flags['staff-pin'] }),
        ...(flags.language !== undefined && { display: { language: flags.language } }),
      }),
    );
    let port: number;
    try {
      ({ port } = await agent.start());
    } catch (err) {
      await agent.stop();
      if ((err as AgentErrorLike).code === 'EADDRINUSE')
        throw inputError('port_in_use', `127.0.0.1:${flags.port} is taken; pick another --port`);
      throw err;
    }
    const url = `http://127.0.0.1:${port}`;

    const window: UiOutcome = flags.headless ? { ui: 'headless' } : await openUi(url);
    const { ui } = window;
    this.print(
      flags.json,
      {
        url,
        port,
        deviceId: station.deviceId,
        eventId: station.eventId,
        dataDir,
        enrolled: station.enrolledNow,
        ui,
      },
      () => [
        station.enrolledNow
          ? `Enrolled as device ${station.deviceId} of event ${station.eventId}.`
          : `Device ${station.deviceId} of event ${station.eventId} (credential from ${dataDir}).`,
        `Station agent listening on ${url} (data in ${dataDir}); Ctrl-C to stop.`,
        ...('why' in window ? [`${window.why}: open ${url} in a browser.`] : []),
        ...(ui === 'launched' ? ['The kiosk window is open on it.'] : []),
      ],
    );

    await stopRequested;
    // Graceful: the sync round in flight is aborted, the cache closed; queued scans stay queued.
    if (window.ui === 'launched') await window.close();
    await agent.stop();
    if (!flags.json) this.log('Station agent stopped.');
  }
}

/** Whether a window can open: on Linux only with an X11 or Wayland display to draw on. */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** @lanyard/kiosk, loaded on use so other commands do not pay for SQLite and the drivers. */
async function loadKiosk(): Promise<KioskModule> {
  try {
    return await import('@lanyard/kiosk');
  } catch (err) {
    throw new CliError(
      'kiosk_not_built',
      `cannot load the station agent (${(err as Error).message.split('\n')[0]}); run npm run build`,
    );
  }
}

/** Opens the kiosk window with the shell's launcher; says why when there can be none. */
async function openUi(url: string): Promise<UiOutcome> {
  const notBuilt = { ui: 'not_built', why: 'The kiosk window (kiosk shell) is not built' } as const;
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('@lanyard/kiosk'));
  } catch {
    return notBuilt;
  }
  const launchFile = resolve(entry, '..', 'shell', 'launch.js');
  if (!existsSync(launchFile)) return notBuilt;
  const shell = (await import(pathToFileURL(launchFile).href)) as Record<string, unknown>;
  const launch = shell.launchKioskWindow ?? shell.default;
  if (typeof launch !== 'function') return notBuilt;
  try {
    const window = await (launch as Launcher)({ url });
    return { ui: 'launched', close: () => window.close() };
  } catch (err) {
    // No Electron and no Chromium here: the agent still serves the UI to any browser.
    if ((err as AgentErrorLike).code === 'no_browser')
      return { ui: 'no_browser', why: 'Neither Electron nor Chromium is installed here' };
    throw err;
  }
}

/** Creates the agent; an option it refuses (a malformed staff PIN) is the user's to fix. */
function createOrExplain<T>(create: () => T): T {
  try {
    return create();
  } catch (err) {
    if ((err as AgentErrorLike).code === 'not_configured')
      throw inputError('invalid_option', (err as Error).message);
    throw err;
  }
}

/** The agent's enrollment errors as one-line CLI errors with the server's own codes. */
function enrollmentFailure(err: AgentErrorLike, withCode: boolean): Error {
  switch (err.code) {
    case 'enrollment_refused':
      return new CliError(err.reason ?? 'enrollment_refused', err.message, 4);
    case 'already_enrolled':
      return inputError('already_enrolled', err.message);
    case 'not_configured':
      return inputError(
        'not_enrolled',
        withCode
          ? 'give the server to enroll with: --server URL (or LANYARD_SERVER)'
          : `${err.message}: start with --enroll CODE --server URL`,
      );
    case 'network':
    case 'timeout':
      return new CliError('server_unreachable', err.message, 1);
    case 'db_version_from_future':
    case 'db_open_failed':
      return new CliError(err.code, err.message, 1);
    default:
      return err;
  }
}
