import type { AttendeeMatch, PrintJob, ScanResult, StationInfo } from './agent-types.js';

/** An answer the agent refused, with its stable `code` (problem+json). */
export class AgentRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}, session?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (session) headers.set('x-staff-session', session);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new AgentRequestError(0, 'agent_unreachable', 'the kiosk agent does not answer');
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    throw new AgentRequestError(
      res.status,
      typeof body.code === 'string' ? body.code : 'http_status',
      typeof body.detail === 'string' ? body.detail : `HTTP ${res.status}`,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
});

/** The agent's local API, the UI's only way to the scanner, the printer and the cache. */
export const agent = {
  station: () => call<StationInfo>('/api/station'),
  scan: (data: string) => call<ScanResult>('/api/scan', json('POST', { data })),
  searchAttendees: (session: string, q: string) =>
    call<{ attendees: AttendeeMatch[] }>(
      `/api/attendees?q=${encodeURIComponent(q)}&limit=20`,
      {},
      session,
    ),
  unlockStaff: (pin: string) =>
    call<{ session: string; expiresAt: string }>('/api/staff/session', json('POST', { pin })),
  lockStaff: (session: string) => call('/api/staff/session', { method: 'DELETE' }, session),
  prints: (session: string) => call<{ prints: PrintJob[] }>('/api/prints', {}, session),
  annul: (session: string, scanId: string) =>
    call<{ annulled: true }>('/api/staff/annul', json('POST', { scanId }), session),
  reprint: (session: string, ticketId: string, reason: string) =>
    call<{ job: PrintJob }>('/api/prints', json('POST', { ticketId, reason }), session),
};
