import {
  ticketTokenSha256,
  type PublicKeyMaterial,
  type SyncChange,
  type SyncPage,
  type SyncTicket,
} from '@lanyard/core';
import type { StoredList } from '../checkin/list-choice.js';
import type { KeyRow, ScanRow, TicketRow } from './feed-store.js';

// Stored rows → the change-feed entries of core's sync schema. Pure.

/** Scans by staff with their own token carry no device; kiosks see the nil UUID. */
export const NO_DEVICE = '00000000-0000-0000-0000-000000000000';

const syncTicket = (t: TicketRow): SyncTicket => ({
  id: t.id,
  eventId: t.event_id,
  ticketTypeId: t.ticket_type_id,
  status: t.status === 'valid' ? 'valid' : 'revoked',
  revision: t.revision,
  attendee: { name: t.attendee_name.slice(0, 200), email: t.attendee_email.slice(0, 320) },
  updatedAt: t.updated_at.toISOString(),
  tokenSha256: ticketTokenSha256(t.token),
});

/** In a snapshot every door-relevant ticket is an upsert; revoked ones stay as tombstones. */
export function snapshotTicket(t: TicketRow): SyncChange {
  return { type: 'ticket.upserted', ticket: syncTicket(t) };
}

/** In a delta: revoked and cancelled tickets are revocations; unpaid ones are nothing yet. */
export function deltaTicket(t: TicketRow): SyncChange | undefined {
  if (t.status === 'pending') return undefined;
  if (t.status === 'valid') return { type: 'ticket.upserted', ticket: syncTicket(t) };
  return {
    type: 'ticket.revoked',
    ticketId: t.id,
    eventId: t.event_id,
    revokedAt: t.updated_at.toISOString(),
  };
}

export function listUpserted(l: StoredList): SyncChange {
  return {
    type: 'checkin_list.upserted',
    list: {
      id: l.id,
      eventId: l.eventId,
      name: l.name.slice(0, 200),
      ticketTypeIds: l.ticketTypeIds ?? 'all',
      opensAt: l.opensAt?.toISOString() ?? null,
      closesAt: l.closesAt?.toISOString() ?? null,
      entryRule: l.entryRule,
      gates: l.gates.filter((g) => g.length <= 64).slice(0, 100),
      ...(l.roomId !== null && {
        roomId: l.roomId,
        sessions: (l.sessions ?? []).map((s) => ({
          sessionId: s.sessionId,
          title: s.title.slice(0, 300),
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          signedUp: s.signedUp && [...s.signedUp],
        })),
      }),
      updatedAt: l.updatedAt.toISOString(),
    },
  };
}

export function listDeleted(listId: string, eventId: string): SyncChange {
  return { type: 'checkin_list.deleted', listId, eventId };
}

export function scanRecorded(s: ScanRow): SyncChange {
  if (s.annulled_at)
    return {
      type: 'scan.annulled',
      scanId: s.scan_id,
      eventId: s.event_id,
      ticketId: s.ticket_id,
      listId: s.list_id,
      annulledAt: new Date(s.annulled_at).toISOString(),
    };
  return {
    type: 'scan.recorded',
    scan: {
      scanId: s.scan_id,
      eventId: s.event_id,
      listId: s.list_id,
      ticketId: s.ticket_id,
      deviceId: s.device_id ?? NO_DEVICE,
      ...(s.gate !== null && { gate: s.gate.slice(0, 64) }),
      direction: s.direction,
      result: s.result,
      scannedAt: s.scanned_at.toISOString(),
    },
  };
}

/** The page for a caller that checks people in but may not see their emails (staff, kiosks). */
export function withoutEmails(page: SyncPage): SyncPage {
  return {
    ...page,
    changes: page.changes.map((c) =>
      c.type === 'ticket.upserted'
        ? { ...c, ticket: { ...c.ticket, attendee: { name: c.ticket.attendee.name } } }
        : c,
    ),
  };
}

export const publicKeyOf = (k: KeyRow): PublicKeyMaterial => ({
  kid: k.kid,
  alg: 'Ed25519',
  publicKey: k.public_key,
});

/** A key entity of the log: trusted now (added), or gone (retired: its tokens become unknown). */
export function keyChange(kid: string, trusted: KeyRow | undefined, now: Date): SyncChange {
  return trusted
    ? {
        type: 'signing_key.added',
        key: publicKeyOf(trusted),
        addedAt: trusted.created_at.toISOString(),
      }
    : { type: 'signing_key.retired', kid, retiredAt: now.toISOString() };
}
