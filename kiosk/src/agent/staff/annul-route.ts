import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUuid } from '@lanyard/core';
import { readJsonBody } from '../api/body.js';
import type { LocalRoute } from '../api/local-api.js';
import { LocalApiError, sendJson } from '../api/problem.js';
import type { WriteDb } from '../cache/handles.js';
import { recordAnnulment } from '../cache/scan-store.js';
import { TransportError } from '../errors.js';
import type { AnnulTransport } from '../sync/transport.js';

/** What annulling needs besides the server: the staff check and a way to upload queued scans. */
export interface AnnulDeps {
  transport: AnnulTransport;
  db: WriteDb;
  requireStaff(req: IncomingMessage): void;
  /** Uploads this kiosk's queued scans, so one decided offline is on the server to annul. */
  uploadQueued(): Promise<void>;
}

/**
 * `POST /api/staff/annul {scanId}`: staff take back a wrong check-in (the server refuses it after
 * 15 minutes; an organizer can still do it). Annulling is the server's to decide, so it needs the
 * network; the kiosk then forgets the admission at once instead of waiting for its next sync.
 */
export function annulRoute(deps: AnnulDeps): LocalRoute {
  return async (req: IncomingMessage, url: URL, res: ServerResponse) => {
    if (url.pathname !== '/api/staff/annul') return false;
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      throw new LocalApiError(405, 'method_not_allowed', 'use POST /api/staff/annul');
    }
    deps.requireStaff(req);
    const body = (await readJsonBody(req)) as { scanId?: unknown } | null;
    const scanId = typeof body?.scanId === 'string' ? body.scanId.toLowerCase() : '';
    if (!isUuid(scanId)) throw new LocalApiError(400, 'bad_data', 'scanId must be a UUID');
    try {
      await deps.transport.annul(scanId).catch(async (err: unknown) => {
        // Decided offline and not uploaded yet: upload, then ask again.
        if (!(err instanceof TransportError && err.serverCode === 'scan_not_found')) throw err;
        await deps.uploadQueued();
        return deps.transport.annul(scanId);
      });
    } catch (err) {
      throw refusal(err);
    }
    recordAnnulment(deps.db, scanId);
    sendJson(res, 200, { annulled: true, scanId });
    return true;
  };
}

function refusal(err: unknown): unknown {
  if (!(err instanceof TransportError)) return err;
  if (err.unreachable)
    return new LocalApiError(
      503,
      'server_unreachable',
      'annulling needs the server; try again online',
    );
  switch (err.serverCode) {
    case 'annul_window_passed':
      return new LocalApiError(
        403,
        'annul_window_passed',
        'too late for the kiosk; ask an organizer',
      );
    case 'not_an_admission':
      return new LocalApiError(409, 'not_an_admission', 'that scan let nobody in');
    case 'scan_not_found':
      return new LocalApiError(404, 'not_found', 'the server does not know that scan');
    default:
      return err;
  }
}
