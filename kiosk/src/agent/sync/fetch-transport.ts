import {
  SYNC_PROTOCOL_VERSION,
  checkinReasonSchema,
  checkinResultSchema,
  scanUploadResultSchema,
  syncPageSchema,
  type ScanUploadItemInput,
  type ScanUploadResult,
  type SyncPage,
} from '@lanyard/core';
import { TransportError } from '../errors.js';
import type { AccessTokenSource } from './access-token.js';
import type {
  Answered,
  AnnulTransport,
  CheckinTransport,
  OnlineCheckinAnswer,
  OnlineCheckinRequest,
  SyncTransport,
} from './transport.js';

export interface FetchTransportOptions {
  serverUrl: string;
  eventId: string;
  tokens: AccessTokenSource;
  fetch?: typeof fetch;
  /** Per request, for sync; online check-ins get their own, shorter signal. Default 30 s. */
  timeoutMs?: number;
}

/** The server's sync and check-in endpoints over fetch; every answer is schema-checked. */
export class FetchTransport implements SyncTransport, CheckinTransport, AnnulTransport {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: FetchTransportOptions) {
    this.base = `${options.serverUrl.replace(/\/+$/, '')}/api/v1/events/${encodeURIComponent(options.eventId)}`;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async pull(cursor: string | undefined, signal?: AbortSignal): Promise<Answered<SyncPage>> {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const answer = await this.request('GET', `/sync${query}`, undefined, signal);
    const page = syncPageSchema.safeParse(answer.body);
    if (!page.success) throw new TransportError('bad_response', `sync page: ${page.error.message}`);
    return { body: page.data, ...(answer.clock && { clock: answer.clock }) };
  }

  async push(
    scans: ScanUploadItemInput[],
    signal?: AbortSignal,
  ): Promise<Answered<ScanUploadResult>> {
    const body = { v: SYNC_PROTOCOL_VERSION, scans };
    const answer = await this.request('POST', '/scans', body, signal);
    const result = scanUploadResultSchema.safeParse(answer.body);
    if (!result.success)
      throw new TransportError('bad_response', `scan upload: ${result.error.message}`);
    return { body: result.data, ...(answer.clock && { clock: answer.clock }) };
  }

  async checkin(
    request: OnlineCheckinRequest,
    signal?: AbortSignal,
  ): Promise<Answered<OnlineCheckinAnswer>> {
    const answer = await this.request('POST', '/checkins', request, signal);
    return { body: readCheckinAnswer(answer.body), ...(answer.clock && { clock: answer.clock }) };
  }

  annul(scanId: string, signal?: AbortSignal): Promise<Answered<unknown>> {
    return this.request('POST', `/scans/${encodeURIComponent(scanId)}/annul`, {}, signal);
  }

  private async request(
    method: string,
    path: string,
    body: unknown,
    outer: AbortSignal | undefined,
    retried = false,
  ): Promise<Answered<unknown>> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    const token = await this.options.tokens.get(signal);
    const sentAtMs = Date.now();
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal,
      });
    } catch (cause) {
      const timedOut = signal.aborted;
      throw new TransportError(
        timedOut ? 'timeout' : 'network',
        timedOut ? `${method} ${path} timed out` : `cannot reach the server for ${method} ${path}`,
        undefined,
        { cause },
      );
    }
    const receivedAtMs = Date.now();
    const date = response.headers.get('date');
    const clock = date ? { serverDateMs: Date.parse(date), sentAtMs, receivedAtMs } : undefined;
    if (response.status === 401 || response.status === 403) {
      const problem = (await response.json().catch(() => undefined)) as
        { code?: unknown; detail?: unknown } | undefined;
      const serverCode = typeof problem?.code === 'string' ? problem.code : undefined;
      // An expired token is worth one fresh one; a revoked device is not.
      if (response.status === 401 && !retried && serverCode !== 'device_revoked') {
        this.options.tokens.invalidate();
        return this.request(method, path, body, outer, true);
      }
      const detail = typeof problem?.detail === 'string' ? `: ${problem.detail}` : '';
      throw new TransportError(
        'unauthorized',
        `the server refused this device (${response.status}${detail})`,
        response.status,
        { ...(serverCode && { serverCode }) },
      );
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new TransportError(
        'http_status',
        `${method} ${path} answered ${response.status} ${detail.slice(0, 200)}`,
        response.status,
        { ...problemCode(detail) },
      );
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (cause) {
      throw new TransportError('bad_response', `${method} ${path} sent no JSON`, response.status, {
        cause,
      });
    }
    return { body: parsed, ...(clock && { clock }) };
  }
}

/** The stable `code` of a problem+json answer, when the text is one. */
function problemCode(text: string): { serverCode?: string } {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === 'string' ? { serverCode: code } : {};
  } catch {
    return {};
  }
}

/** The contract's `{result, ticketId?}` plus what a richer server adds for the screen. */
function readCheckinAnswer(body: unknown): OnlineCheckinAnswer {
  const b = (body ?? {}) as Record<string, unknown>;
  const result = checkinResultSchema.safeParse(b.result);
  if (!result.success) throw new TransportError('bad_response', 'check-in answer has no result');
  const reason = checkinReasonSchema.safeParse(b.reason);
  const attendee = b.attendee as { name?: unknown } | undefined;
  const previous = b.previousAdmission as
    { at?: unknown; gate?: unknown; deviceId?: unknown } | undefined;
  const str = (v: unknown): v is string => typeof v === 'string';
  return {
    result: result.data,
    ...(reason.success && { reason: reason.data }),
    ...(str(b.ticketId) && { ticketId: b.ticketId.toLowerCase() }),
    ...(str(b.ticketTypeId) && { ticketTypeId: b.ticketTypeId }),
    ...(str(b.listId) && { listId: b.listId.toLowerCase() }),
    ...(str(attendee?.name) && { attendeeName: attendee.name }),
    ...(str(b.attendeeName) && { attendeeName: b.attendeeName }),
    ...(previous &&
      str(previous.at) && {
        previousAdmission: {
          at: previous.at,
          ...(str(previous.gate) && { gate: previous.gate }),
          ...(str(previous.deviceId) && { deviceId: previous.deviceId }),
        },
      }),
  };
}
