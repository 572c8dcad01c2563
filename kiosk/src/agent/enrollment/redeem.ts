import type { DeviceCredentials } from '../cache/device-store.js';
import { EnrollmentError, TransportError } from '../errors.js';

/** What the server hands a kiosk for its enrollment code. */
export interface Enrollment {
  deviceId: string;
  eventId: string;
  /** The name the organizer gave the device. */
  name: string;
  credentials: Extract<DeviceCredentials, { kind: 'client' }>;
}

const ENROLL_TIMEOUT_MS = 15_000;

/**
 * Redeems a one-time enrollment code at `POST /api/v1/devices/enroll` for the device's own
 * OAuth2 client. The server answers once per code: the caller must store the credential before
 * anything else can fail. A refusal (used, expired, unknown code) is an EnrollmentError with the
 * server's code; an unreachable server a TransportError.
 */
export async function redeemEnrollmentCode(
  serverUrl: string,
  code: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Enrollment> {
  const url = `${serverUrl.replace(/\/+$/, '')}/api/v1/devices/enroll`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(ENROLL_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new TransportError('network', `cannot reach ${url}`, undefined, { cause });
  }
  const body = (await response.json().catch(() => undefined)) as
    Record<string, unknown> | undefined;
  if (!response.ok) {
    const serverCode = typeof body?.code === 'string' ? body.code : `http_${response.status}`;
    const detail =
      typeof body?.detail === 'string' ? body.detail : `the server answered ${response.status}`;
    throw new EnrollmentError(serverCode, detail, response.status);
  }
  const str = (k: string) => (typeof body?.[k] === 'string' ? (body[k] as string) : undefined);
  const [deviceId, eventId, clientId, clientSecret, tokenEndpoint] = [
    str('deviceId'),
    str('eventId'),
    str('clientId'),
    str('clientSecret'),
    str('tokenEndpoint'),
  ];
  if (!deviceId || !eventId || !clientId || !clientSecret || !tokenEndpoint) {
    throw new TransportError('bad_response', 'the enrollment answer lacks the device credential');
  }
  return {
    deviceId: deviceId.toLowerCase(),
    eventId: eventId.toLowerCase(),
    name: str('name') ?? '',
    credentials: { kind: 'client', clientId, clientSecret, tokenEndpoint },
  };
}
