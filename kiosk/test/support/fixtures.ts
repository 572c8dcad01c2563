// Shared fixtures of the agent's tests and benchmarks: one event, its signing key, tickets,
// a check-in list, and change-feed pages shaped by core's schemas.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  generateSigningKey,
  signTicketToken,
  toPublicKeyMaterial,
  type SyncChange,
  type SyncCheckinList,
  type SyncPage,
  type SyncTicket,
} from '@lanyard/core';

export const key = generateSigningKey('k1');
export const publicKey = toPublicKeyMaterial(key);
export const eventId = randomUUID();
export const ticketTypeId = randomUUID();
export const deviceId = randomUUID();
export const listId = randomUUID();
export const updatedAt = '2030-06-01T08:00:00.000Z';

const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'José', 'Zoë', 'Katherine', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Núñez', 'Johnson', 'Lee'];

/** A ticket of the fixture event; the n-th gets a varied, repeatable name. */
export function ticketFor(n: number, overrides: Partial<SyncTicket> = {}): SyncTicket {
  const first = FIRST[n % FIRST.length]!;
  const last = `${LAST[Math.floor(n / FIRST.length) % LAST.length]!}${n}`;
  return {
    id: randomUUID(),
    eventId,
    ticketTypeId,
    status: 'valid',
    revision: 0,
    attendee: { name: `${first} ${last}`, email: `${first.toLowerCase()}.${n}@example.org` },
    updatedAt,
    ...overrides,
  };
}

export function tokenFor(ticket: Pick<SyncTicket, 'id' | 'ticketTypeId'>, revision = 0): string {
  return signTicketToken(
    { eventId, ticketId: ticket.id, ticketTypeId: ticket.ticketTypeId, revision },
    key,
  );
}

export function listOf(overrides: Partial<SyncCheckinList> = {}): SyncCheckinList {
  return {
    id: listId,
    eventId,
    name: 'Main entrance',
    ticketTypeIds: 'all',
    opensAt: null,
    closesAt: null,
    entryRule: 'single',
    updatedAt,
    ...overrides,
  };
}

export const upserted = (ticket: SyncTicket): SyncChange => ({ type: 'ticket.upserted', ticket });

export function pageOf(changes: SyncChange[], overrides: Partial<SyncPage> = {}): SyncPage {
  return {
    v: 1,
    cursor: `c${randomUUID()}`,
    changes,
    keys: [publicKey],
    hasMore: false,
    ...overrides,
  };
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'kiosk-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
