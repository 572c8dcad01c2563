import type { ReadDb, WriteDb } from './handles.js';
import { statement } from './statements.js';

/**
 * The credential a kiosk got at enrollment: an OAuth2 client limited to one event's check-in.
 * Either a client (exchanged for access tokens at `tokenEndpoint`) or a ready access token.
 */
export type DeviceCredentials =
  | { kind: 'client'; clientId: string; clientSecret: string; tokenEndpoint: string }
  | { kind: 'token'; accessToken: string };

/** Who this kiosk is, kept in the cache so a restart needs no new enrollment. */
export interface DeviceRecord {
  deviceId: string;
  eventId: string;
  serverUrl: string;
  credentials: DeviceCredentials;
}

export function readDevice(db: ReadDb): DeviceRecord | undefined {
  const row = statement(
    db,
    'SELECT device_id, event_id, server_url, credentials FROM device WHERE id = 1',
  ).get() as
    { device_id: string; event_id: string; server_url: string; credentials: string } | undefined;
  if (!row) return undefined;
  return {
    deviceId: row.device_id,
    eventId: row.event_id,
    serverUrl: row.server_url,
    credentials: JSON.parse(row.credentials) as DeviceCredentials,
  };
}

export function writeDevice(db: WriteDb, device: DeviceRecord): void {
  statement(
    db,
    `INSERT INTO device (id, device_id, event_id, server_url, credentials) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET device_id = excluded.device_id, event_id = excluded.event_id,
       server_url = excluded.server_url, credentials = excluded.credentials`,
  ).run(device.deviceId, device.eventId, device.serverUrl, JSON.stringify(device.credentials));
}
