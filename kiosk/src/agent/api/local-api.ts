import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScanDirection } from '@lanyard/core';
import type { AttendeeMatch } from '../cache/attendee-search.js';
import type { ScanAnswer } from '../decide/decider.js';
import type { PrinterState } from '../printing/badge-printing.js';
import type { ScannerState } from '../scanning/scanner-input.js';
import { readJsonBody } from './body.js';
import { EventSocket, type UiEvent } from './event-socket.js';
import { LocalApiError, sendJson, sendProblem } from './problem.js';
import { DEFAULT_UI_DIR, staticFiles } from './static-files.js';

/** `GET /api/status`: the contract's four fields, then more for the status screen. */
export interface AgentStatus {
  online: boolean;
  queued: number;
  lastSyncAt: string | null;
  cursor: string | null;
  clockOffsetMs: number;
  lastError: string | null;
  eventId: string;
  deviceId: string;
  /** The badge printer, when this kiosk prints. */
  printer?: PrinterState | null;
  /** The scanners the agent reads, when it reads any. */
  scanners?: ScannerState | null;
}

/** What the local API needs from the agent. */
export interface LocalApiHandlers {
  scan(data: string, direction: ScanDirection): Promise<ScanAnswer>;
  status(): AgentStatus;
  searchAttendees(query: string, limit: number): AttendeeMatch[];
}

/** An extra endpoint (staff mode, printing): answers and returns true, or returns false. */
export type LocalRoute = (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<boolean>;

export interface LocalApiOptions {
  port: number;
  handlers: LocalApiHandlers;
  /** Tried in order for paths the core endpoints do not know. */
  routes?: readonly LocalRoute[];
  /** The built UI served at `/` (default kiosk/dist/ui); false serves none. */
  uiDir?: string | false;
  /** Throws unless the request may see personal data (the attendee list needs staff mode). */
  staffOnly: (req: IncomingMessage) => void;
  /** Extra origins allowed on the WebSocket (e.g. a UI dev server). */
  allowedOrigins?: readonly string[];
}

export interface LocalApi {
  readonly port: number;
  publish(event: UiEvent): void;
  close(): Promise<void>;
}

const LOCAL_HOST = '127.0.0.1';
const MAX_QUERY_LENGTH = 200;

/** The HTTP + WebSocket API the UI uses, on 127.0.0.1 only. */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const { handlers } = options;
  let port = options.port;
  const localHosts = () => new Set([`${LOCAL_HOST}:${port}`, `localhost:${port}`]);
  // A page from elsewhere resolving its own name to 127.0.0.1 (DNS rebinding) shows in Host.
  const hostAllowed = (req: IncomingMessage) => localHosts().has(req.headers.host ?? '');
  const originAllowed = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return (
      [...localHosts()].some((h) => origin === `http://${h}`) ||
      (options.allowedOrigins ?? []).includes(origin)
    );
  };

  const extraRoutes: LocalRoute[] = [...(options.routes ?? [])];
  if (options.uiDir !== false) extraRoutes.push(staticFiles(options.uiDir ?? DEFAULT_UI_DIR));

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req)) throw new LocalApiError(403, 'forbidden_host', 'use http://127.0.0.1');
    const url = new URL(req.url ?? '/', `http://${LOCAL_HOST}`);
    const only = (method: string) => {
      if (req.method !== method) {
        res.setHeader('allow', method);
        throw new LocalApiError(405, 'method_not_allowed', `use ${method} ${url.pathname}`);
      }
    };
    switch (url.pathname) {
      case '/api/scan': {
        only('POST');
        if (!originAllowed(req)) throw new LocalApiError(403, 'forbidden_host', 'foreign origin');
        const { data, direction } = readScan(await readJsonBody(req));
        return sendJson(res, 200, await handlers.scan(data, direction));
      }
      case '/api/status':
        only('GET');
        return sendJson(res, 200, handlers.status());
      case '/api/attendees': {
        only('GET');
        options.staffOnly(req);
        const q = url.searchParams.get('q');
        if (q === null || q.trim() === '' || q.length > MAX_QUERY_LENGTH) {
          throw new LocalApiError(
            400,
            'bad_query',
            `q must be 1 to ${MAX_QUERY_LENGTH} characters`,
          );
        }
        const limit = Number(url.searchParams.get('limit') ?? 10);
        if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
          throw new LocalApiError(400, 'bad_query', 'limit must be an integer from 1 to 50');
        }
        return sendJson(res, 200, { attendees: handlers.searchAttendees(q, limit) });
      }
      default:
        if (req.method !== 'GET' && req.method !== 'HEAD' && !originAllowed(req)) {
          throw new LocalApiError(403, 'forbidden_host', 'foreign origin');
        }
        for (const extra of extraRoutes) if (await extra(req, url, res)) return;
        throw new LocalApiError(404, 'not_found', `no endpoint ${url.pathname}`);
    }
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const problem =
        error instanceof LocalApiError
          ? error
          : new LocalApiError(500, 'internal', 'the agent failed to answer; see its log');
      if (!(error instanceof LocalApiError)) console.error('kiosk agent: local API error', error);
      if (res.headersSent) return void res.destroy();
      sendProblem(res, problem);
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  const events = new EventSocket(
    server,
    (req) => hostAllowed(req) && originAllowed(req),
    () => ({ type: 'status', status: handlers.status() }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOCAL_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    publish: (event) => events.broadcast(event),
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `{"data": "<scanned text>", "direction"?: "entry" | "exit"}`, or a 400 saying what is wrong. */
function readScan(body: unknown): { data: string; direction: ScanDirection } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new LocalApiError(400, 'bad_data', 'send {"data": "<scanned text>"}');
  }
  const { data, direction = 'entry' } = body as { data?: unknown; direction?: unknown };
  if (typeof data !== 'string' || data.length === 0) {
    throw new LocalApiError(400, 'bad_data', 'data must be the scanned text, a non-empty string');
  }
  if (direction !== 'entry' && direction !== 'exit') {
    throw new LocalApiError(400, 'bad_data', 'direction must be "entry" or "exit"');
  }
  return { data, direction };
}
