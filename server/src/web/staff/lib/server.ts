import type { ServerClock } from '@lanyard/core/browser';
import { DeviceRefused } from './connectivity.js';
import type { DeviceRecord } from './db.js';

/** A parsed answer with the timing that tells the server's clock. */
export interface Answered<T> {
  body: T;
  clock: ServerClock | undefined;
}

/** The server's HTTP error other than a refused credential. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`the server answered ${status}${code ? ` (${code})` : ''}`);
  }
}

/**
 * Requests to this server as the enrolled device: a client-credentials token (client_secret_basic)
 * kept until a minute before it expires, one fresh token after a 401, and the Date header read
 * on every answer for the clock offset. Network failures surface as fetch's TypeError.
 */
export class DeviceClient {
  private token: { value: string; expiresAtMs: number } | undefined;
  private readonly base: string;

  constructor(private readonly device: DeviceRecord) {
    this.base = `/api/v1/events/${encodeURIComponent(device.eventId)}`;
  }

  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    retried = false,
  ): Promise<Answered<T>> {
    const token = await this.accessToken(signal);
    const sentAtMs = Date.now();
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(signal && { signal }),
    });
    const receivedAtMs = Date.now();
    const date = response.headers.get('date');
    const clock = date ? { serverDateMs: Date.parse(date), sentAtMs, receivedAtMs } : undefined;
    if (!response.ok) {
      const problem = (await response.json().catch(() => undefined)) as
        { code?: unknown } | undefined;
      const code = typeof problem?.code === 'string' ? problem.code : undefined;
      if (response.status === 401 && !retried && code !== 'device_revoked') {
        this.token = undefined;
        return this.request(method, path, body, signal, true);
      }
      if (response.status === 401 || response.status === 403) {
        throw new DeviceRefused(code ?? `http_${response.status}`);
      }
      throw new ServerError(response.status, code);
    }
    return { body: (await response.json()) as T, clock };
  }

  private async accessToken(signal: AbortSignal | undefined): Promise<string> {
    if (this.token && this.token.expiresAtMs > Date.now()) return this.token.value;
    const { clientId, clientSecret, tokenEndpoint } = this.device;
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
      ...(signal && { signal }),
    });
    if (response.status === 400 || response.status === 401) throw new DeviceRefused('unauthorized');
    if (!response.ok) throw new ServerError(response.status, undefined);
    const answer = (await response.json()) as { access_token: string; expires_in?: number };
    const lifetime = answer.expires_in ?? 300;
    this.token = {
      value: answer.access_token,
      expiresAtMs: Date.now() + Math.max(0, lifetime - 60) * 1000,
    };
    return answer.access_token;
  }
}

/** Redeems a one-time enrollment code for this phone's own device credential. */
export async function enroll(code: string): Promise<DeviceRecord> {
  const response = await fetch('/api/v1/devices/enroll', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code: code.trim() }),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, string | undefined>;
  if (!response.ok) {
    throw new Error(body.detail ?? `The server answered ${response.status}.`);
  }
  // The token endpoint is this server's: the app is served from it, so requests stay same-origin.
  const endpoint = new URL(body.tokenEndpoint ?? '', location.href);
  return {
    deviceId: String(body.deviceId).toLowerCase(),
    eventId: String(body.eventId).toLowerCase(),
    name: body.name ?? '',
    clientId: String(body.clientId),
    clientSecret: String(body.clientSecret),
    tokenEndpoint: `${location.origin}${endpoint.pathname}`,
  };
}
