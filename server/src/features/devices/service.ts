import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/service.js';
import type { Db } from '../../platform/db/db.js';
import { DomainError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { deleteClient, newClientSecret, saveClient } from '../identity/client-store.js';
import type { Principal } from '../identity/principal.js';
import type { CheckinAccess } from './checkin-access.js';
import {
  canonicalEnrollmentCode,
  enrollmentUri,
  staffAppEnrollmentUrl,
  hashEnrollmentCode,
  newEnrollmentCode,
} from './enrollment-code.js';
import type { CreatedDevice, Device, Enrollment } from './schema.js';
import * as store from './store.js';

// Use cases of kiosk devices: one exported function each, one transaction each.

const ENROLLMENT_TTL_MS = 24 * 3600_000;

/** Where a kiosk gets its tokens; enrollment is only possible with the embedded issuer. */
export interface IssuerInfo {
  embedded: boolean;
  issuer: string;
  tokenEndpoint: string | undefined;
}

export async function createDevice(
  db: Db,
  actor: Principal,
  publicUrl: string,
  eventId: string,
  input: { name: string },
): Promise<CreatedDevice> {
  await requireEvent(db, actor, eventId);
  // The device's credential checks people in: only someone who may do so can hand one out.
  if (!actor.scopes.has('checkin'))
    throw forbidden(
      'scope_not_held',
      'Enrolling a device grants the checkin scope; your token does not hold it.',
    );
  const id = randomUUID();
  const code = newEnrollmentCode();
  const device = await db.transaction(async (tx) => {
    const row = await store.insertDevice(tx, {
      id,
      eventId,
      name: input.name,
      clientId: `kiosk-${id}`,
      codeHash: hashEnrollmentCode(canonicalEnrollmentCode(code)!),
      expiresAt: new Date(Date.now() + ENROLLMENT_TTL_MS),
      createdBy: actor.clientId ?? actor.subject,
    });
    await appendAudit(tx, actor, {
      action: 'device.created',
      objectType: 'device',
      objectId: id,
      eventId,
      after: store.toDevice(row),
    });
    return row;
  });
  return {
    ...store.toDevice(device),
    enrollmentCode: code,
    enrollmentUri: enrollmentUri(publicUrl, code),
    staffAppUrl: staffAppEnrollmentUrl(publicUrl, code),
  };
}

/**
 * Redeems a one-time code for the device's own OAuth2 client (scope `checkin` only). The claim
 * is one conditional UPDATE, so two kiosks racing with one code get one credential between them.
 */
export async function enrollDevice(
  db: Db,
  issuer: IssuerInfo,
  rawCode: string,
): Promise<Enrollment> {
  if (!issuer.embedded || !issuer.tokenEndpoint) {
    throw conflict(
      'enrollment_unavailable',
      'Devices enroll with the built-in issuer only; this server uses an external OIDC issuer.',
    );
  }
  const tokenEndpoint = issuer.tokenEndpoint;
  const canonical = canonicalEnrollmentCode(rawCode);
  if (!canonical) throw unknownCode();
  const codeHash = hashEnrollmentCode(canonical);
  return db.transaction(async (tx) => {
    const device = await store.claimEnrollment(tx, codeHash);
    if (!device) throw await whyNotEnrollable(tx, codeHash);
    const clientSecret = newClientSecret();
    await saveClient(tx, {
      clientId: device.clientId,
      clientSecret,
      name: `Kiosk ${device.name}`,
      organizationId: device.organizationId,
      scopes: ['checkin'],
    });
    return {
      deviceId: device.id,
      eventId: device.eventId,
      name: device.name,
      clientId: device.clientId,
      clientSecret,
      tokenEndpoint,
      issuer: issuer.issuer,
      scope: 'checkin',
    };
  });
}

export async function listDevices(db: Db, actor: Principal, eventId: string): Promise<Device[]> {
  await requireEvent(db, actor, eventId);
  return (await store.listDevices(db, eventId)).map(store.toDevice);
}

export async function getDevice(
  db: Db,
  actor: Principal,
  eventId: string,
  deviceId: string,
): Promise<Device> {
  await requireEvent(db, actor, eventId);
  const device = await store.findDevice(db, eventId, deviceId);
  if (!device) throw notFound('device', deviceId);
  return store.toDevice(device);
}

export async function renameDevice(
  db: Db,
  actor: Principal,
  eventId: string,
  deviceId: string,
  name: string,
): Promise<Device> {
  await requireEvent(db, actor, eventId);
  return db.transaction(async (tx) => {
    const before = await store.findDevice(tx, eventId, deviceId);
    const device = before && (await store.renameDevice(tx, eventId, deviceId, name));
    if (!device) throw notFound('device', deviceId);
    await appendAudit(tx, actor, {
      action: 'device.renamed',
      objectType: 'device',
      objectId: deviceId,
      eventId,
      before: store.toDevice(before),
      after: store.toDevice(device),
    });
    return store.toDevice(device);
  });
}

/** Revokes a device: its client is deleted and its tokens are refused from the next request on. */
export async function revokeDevice(
  db: Db,
  access: CheckinAccess,
  actor: Principal,
  eventId: string,
  deviceId: string,
): Promise<Device> {
  await requireEvent(db, actor, eventId);
  const device = await db.transaction(async (tx) => {
    const revoked = await store.revokeDevice(tx, eventId, deviceId);
    if (!revoked) throw notFound('device', deviceId);
    await deleteClient(tx, revoked.clientId);
    await appendAudit(tx, actor, {
      action: 'device.revoked',
      objectType: 'device',
      objectId: deviceId,
      eventId,
      after: { revokedAt: store.toDevice(revoked).revokedAt },
    });
    return revoked;
  });
  access.forget(device.clientId);
  return store.toDevice(device);
}

async function requireEvent(db: Db, actor: Principal, eventId: string): Promise<void> {
  if ((await store.eventOrganization(db, eventId)) !== actor.organizationId)
    throw notFound('event', eventId);
}

const unknownCode = () =>
  new DomainError(
    'not_found',
    'enrollment_code_unknown',
    'No device waits for this enrollment code.',
  );

async function whyNotEnrollable(
  tx: Parameters<typeof store.findByCodeHash>[0],
  codeHash: string,
): Promise<DomainError> {
  const device = await store.findByCodeHash(tx, codeHash);
  if (!device) return unknownCode();
  if (device.status === 'active')
    return conflict('enrollment_code_used', 'This enrollment code has already been redeemed.');
  if (device.status === 'revoked')
    return conflict('device_revoked', 'This device has been revoked.');
  return conflict(
    'enrollment_code_expired',
    'This enrollment code has expired; create a new device.',
  );
}
