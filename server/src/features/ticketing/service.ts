import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { validateAnswers } from '../registration/answers.js';
import { loadQuestions } from '../registration/store.js';
import { newAccessKey } from '../../platform/access-key.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { firstAdmissions } from '../checkin/admissions-store.js';
import type { Principal } from '../identity/principal.js';
import { actorName, historyFor, opens, type Accessor } from './access.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { recordHistory, signTicket } from './issue-tickets.js';
import type {
  ListedTicket,
  SigningKey,
  SigningKeyList,
  Ticket,
  TicketHistory,
  TicketStatus,
  TransferInput,
  AttendeeInput,
  AnswersInput,
  TransferResult,
} from './schema.js';
import { eventPublicKeys, rotateSigningKey } from './signing-keys.js';
import * as store from './store.js';
import { rememberAccessKey } from '../notifications/access-keys.js';
import { appendAudit } from '../audit/service.js';

// Use cases of ticket administration: one exported function each, one transaction each. A change
// locks the ticket row first, so concurrent changes of one ticket apply one after the other; each
// records history and its outbox message in the same transaction. Tickets the caller may not open
// answer "not found", so their existence does not leak.

// The token format keeps the revision in two bytes.
const MAX_REVISION = 0xffff;

export async function getTicket(db: Db, accessor: Accessor, ticketId: string): Promise<Ticket> {
  return store.toTicket(await openTicket(db, accessor, ticketId));
}

export async function ticketHistory(
  db: Db,
  accessor: Accessor,
  ticketId: string,
): Promise<TicketHistory> {
  await openTicket(db, accessor, ticketId);
  return { ticketId, entries: historyFor(accessor, await store.listHistory(db, ticketId)) };
}

/** Revokes a ticket: its token is refused from then on. Revoking a revoked ticket changes nothing. */
export async function revokeTicket(
  db: Db,
  actor: Principal,
  ticketId: string,
  reason: string | undefined,
): Promise<Ticket> {
  const accessor: Accessor = { kind: 'staff', principal: actor };
  return db.transaction(async (tx) => {
    const ticket = await openTicket(tx, accessor, ticketId, true);
    if (ticket.status === 'revoked') return store.toTicket(ticket);
    if (ticket.status === 'cancelled') throw cancelled();
    await store.setStatus(tx, ticketId, 'revoked');
    await recordHistory(tx, [ticketId], 'revoked', actorName(accessor), {
      previousStatus: ticket.status,
      ...(reason ? { reason } : {}),
    });
    await auditTicket(tx, accessor, 'ticket.revoked', ticket, {
      before: { status: ticket.status },
      after: { status: 'revoked' },
      details: reason ? { reason } : undefined,
    });
    await enqueue(tx, {
      topic: 'ticket.revoked',
      eventId: ticket.eventId,
      aggregateId: ticketId,
      payload: {
        ticketId,
        orderId: ticket.orderId,
        revision: ticket.revision,
        reason: reason ?? null,
      },
    });
    return store.toTicket((await store.findTicket(tx, ticketId))!);
  });
}

/** Gives a ticket a new token of the next revision; the previous token is refused from then on. */
export async function reissueTicket(
  db: Db,
  actor: Principal,
  ticketId: string,
  reason: string | undefined,
): Promise<Ticket> {
  const accessor: Accessor = { kind: 'staff', principal: actor };
  return db.transaction(async (tx) => {
    const ticket = await openTicket(tx, accessor, ticketId, true);
    refuseUnless(ticket, ['valid', 'pending']);
    const revision = nextRevision(ticket);
    const signed = await signTicket(tx, { ...ticket, ticketId, revision });
    await store.replaceToken(tx, ticketId, { revision, ...signed });
    await recordHistory(tx, [ticketId], 'reissued', actorName(accessor), {
      previousRevision: ticket.revision,
      revision,
      kid: signed.kid,
      ...(reason ? { reason } : {}),
    });
    await auditTicket(tx, accessor, 'ticket.reissued', ticket, {
      before: { revision: ticket.revision },
      after: { revision, kid: signed.kid },
      details: reason ? { reason } : undefined,
    });
    await enqueue(tx, {
      topic: 'ticket.reissued',
      eventId: ticket.eventId,
      aggregateId: ticketId,
      payload: { ticketId, orderId: ticket.orderId, revision, previousRevision: ticket.revision },
    });
    return store.toTicket((await store.findTicket(tx, ticketId))!);
  });
}

/**
 * Hands a valid ticket to another person: new holder, next revision, new token, and a new access
 * key that from now on is the only key opening this ticket (the order's key no longer does). The
 * order stays with its buyer; only this ticket moves.
 */
export async function transferTicket(
  db: Db,
  accessor: Accessor,
  ticketId: string,
  input: TransferInput,
): Promise<TransferResult> {
  return db.transaction(async (tx) => {
    const ticket = await openTicket(tx, accessor, ticketId, true);
    refuseUnless(ticket, ['valid']);
    const revision = nextRevision(ticket);
    const signed = await signTicket(tx, { ...ticket, ticketId, revision });
    const access = newAccessKey();
    const to = { name: input.attendee.name, email: input.attendee.email };
    await store.changeHolder(tx, ticketId, {
      revision,
      ...signed,
      ...to,
      accessKeyHash: access.hash,
    });
    await rememberAccessKey(tx, ticketId, access.key);
    await recordHistory(tx, [ticketId], 'transferred', actorName(accessor), {
      previousRevision: ticket.revision,
      revision,
      kid: signed.kid,
      from: ticket.attendee,
      to,
    });
    await auditTicket(tx, accessor, 'ticket.transferred', ticket, {
      before: { revision: ticket.revision, attendee: ticket.attendee },
      after: { revision, attendee: to },
    });
    await enqueue(tx, {
      topic: 'ticket.transferred',
      eventId: ticket.eventId,
      aggregateId: ticketId,
      payload: {
        ticketId,
        orderId: ticket.orderId,
        revision,
        previousHolder: ticket.attendee,
        holder: to,
      },
    });
    const changed = store.toTicket((await store.findTicket(tx, ticketId))!);
    return { ...changed, accessKey: access.key };
  });
}

/**
 * Names the person who uses a ticket (a group order's second seat, a typo fixed): same token and
 * access key, so nothing is resent; kiosks get the new name by sync, search by the outbox.
 */
export async function changeAttendee(
  db: Db,
  accessor: Accessor,
  ticketId: string,
  input: AttendeeInput,
): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const ticket = await openTicket(tx, accessor, ticketId, true);
    refuseUnless(ticket, ['valid', 'pending']);
    const to = { name: input.name, email: input.email };
    if (to.name === ticket.attendee.name && to.email === ticket.attendee.email)
      return store.toTicket(ticket);
    await store.setAttendee(tx, ticketId, to);
    await recordHistory(tx, [ticketId], 'attendee_changed', actorName(accessor), {
      from: ticket.attendee,
      to,
    });
    await auditTicket(tx, accessor, 'ticket.attendee_changed', ticket, {
      before: { attendee: ticket.attendee },
      after: { attendee: to },
    });
    await enqueue(tx, {
      topic: 'ticket.attendee_changed',
      eventId: ticket.eventId,
      aggregateId: ticketId,
      payload: { ticketId, orderId: ticket.orderId, attendee: to },
    });
    return store.toTicket((await store.findTicket(tx, ticketId))!);
  });
}

/**
 * The organizer corrects registration answers: checked as registration checks them (required,
 * choices), written for the ticket's order, and kept in the ticket's history (from/to).
 */
export async function changeAnswers(
  db: Db,
  actor: Principal,
  ticketId: string,
  input: AnswersInput,
): Promise<Ticket> {
  const accessor: Accessor = { kind: 'staff', principal: actor };
  return db.transaction(async (tx) => {
    const ticket = await openTicket(tx, accessor, ticketId, true);
    const questions = await loadQuestions(tx, ticket.eventId, ticket.ticketTypeId);
    const checked = validateAnswers(questions, input.answers);
    if (!checked.ok) {
      const first = checked.issues[0]!;
      throw invalid('validation_failed', `${first.field}: ${first.message}`, checked.issues);
    }
    await store.setOrderAnswers(tx, ticket.orderId, checked.answers);
    await recordHistory(tx, [ticketId], 'answers_changed', actorName(accessor), {
      from: ticket.answers,
      to: checked.answers,
    });
    await auditTicket(tx, accessor, 'ticket.answers_changed', ticket, {
      before: { answers: ticket.answers },
      after: { answers: checked.answers },
    });
    await enqueue(tx, {
      topic: 'ticket.answers_changed',
      eventId: ticket.eventId,
      aggregateId: ticketId,
      payload: { ticketId, orderId: ticket.orderId },
    });
    return store.toTicket((await store.findTicket(tx, ticketId))!);
  });
}

export async function listEventTickets(
  db: Db,
  actor: Principal,
  eventId: string,
  opts: { limit: number; cursor?: string | undefined; status?: TicketStatus | undefined },
): Promise<{ items: ListedTicket[]; nextCursor: string | null }> {
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor);
  if (!(await store.eventInOrganization(db, actor.organizationId, eventId)))
    throw notFound('event', eventId);
  const page = await store.listTickets(db, eventId, {
    limit: opts.limit + 1,
    after,
    status: opts.status,
  });
  const items = page.slice(0, opts.limit);
  const last = items.at(-1);
  const admitted = await firstAdmissions(
    db,
    items.map((p) => p.ticket.id),
  );
  return {
    items: items.map((p) => ({ ...p.ticket, checkedInAt: admitted.get(p.ticket.id) ?? null })),
    nextCursor: page.length > opts.limit && last ? encodeCursor(last.cursor) : null,
  };
}

/** The public halves of the event's signing keys, newest first: what verifies its tokens. */
export async function listSigningKeys(
  db: Db,
  actor: Principal,
  eventId: string,
): Promise<SigningKeyList> {
  if (!(await store.eventInOrganization(db, actor.organizationId, eventId)))
    throw notFound('event', eventId);
  return { eventId, keys: await eventPublicKeys(db, eventId) };
}

/** Starts signing the event's tokens with a new key; tokens signed before keep verifying. */
export async function rotateSigningKeys(
  db: Db,
  actor: Principal,
  eventId: string,
): Promise<SigningKey> {
  return db.transaction(async (tx) => {
    // The event row lock makes concurrent rotations retire each other's keys in turn.
    if (!(await store.eventInOrganization(tx, actor.organizationId, eventId, true)))
      throw notFound('event', eventId);
    const key = await rotateSigningKey(tx, eventId);
    await appendAudit(tx, actor, {
      action: 'signing_key.rotated',
      objectType: 'event',
      objectId: eventId,
      eventId,
      after: { kid: key.kid },
    });
    await enqueue(tx, {
      topic: 'signing_key.rotated',
      eventId,
      payload: { eventId, kid: key.kid },
    });
    return { ...key, retired: false };
  });
}

async function openTicket(
  db: Queryable,
  accessor: Accessor,
  ticketId: string,
  forUpdate = false,
): Promise<store.TicketRecord> {
  const ticket = await store.findTicket(db, ticketId, forUpdate);
  if (!ticket || !opens(accessor, ticket)) throw notFound('ticket', ticketId);
  return ticket;
}

function refuseUnless(ticket: Ticket, allowed: TicketStatus[]): void {
  if (allowed.includes(ticket.status)) return;
  if (ticket.status === 'revoked')
    throw conflict('ticket_revoked', 'This ticket has been revoked; it cannot be changed.');
  if (ticket.status === 'cancelled') throw cancelled();
  throw conflict(
    'ticket_not_valid',
    'This ticket is not valid yet (its order awaits payment); it cannot be transferred.',
  );
}

function nextRevision(ticket: Ticket): number {
  if (ticket.revision >= MAX_REVISION)
    throw conflict('revision_exhausted', 'This ticket has been reissued too many times.');
  return ticket.revision + 1;
}

const cancelled = () =>
  conflict('ticket_cancelled', 'This ticket was cancelled with its order; it cannot be changed.');

/** Staff changes are audited; a holder changing their own ticket with its key is not. */
async function auditTicket(
  tx: Queryable,
  accessor: Accessor,
  action: string,
  ticket: { id: string; eventId: string },
  change: { before: object; after: object; details?: Record<string, unknown> | undefined },
): Promise<void> {
  if (accessor.kind !== 'staff') return;
  await appendAudit(tx, accessor.principal, {
    action,
    objectType: 'ticket',
    objectId: ticket.id,
    eventId: ticket.eventId,
    ...change,
  });
}
