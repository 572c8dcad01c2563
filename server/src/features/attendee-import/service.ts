import { setImmediate } from 'node:timers/promises';
import { signTicketToken } from '@lanyard/core';
import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { newAccessKey } from '../../platform/access-key.js';
import { timeOrderedUuid } from '../../platform/time-ordered-uuid.js';
import { enqueue } from '../../platform/bus/outbox.js';
import type { Principal } from '../identity/principal.js';
import { availableSeats, takeSeats } from '../registration/capacity.js';
import { activeSigningKey } from '../ticketing/signing-keys.js';
import { checkRows, naturalKey, type CheckedRow } from './rows.js';
import type { ImportInput, ImportResult, RowError } from './schema.js';
import * as store from './store.js';

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRunFinished extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * Imports a batch of attendees as comp tickets (confirmed free orders of one ticket each), in one
 * transaction: rows already holding a live order of the same ticket type (natural key: event +
 * email + ticket type) are skipped, seats are taken per ticket type through takeSeats, and what
 * does not fit is reported as sold out line by line. A dry run does all of it and rolls back.
 */
export async function importAttendees(
  db: Db,
  actor: Principal,
  eventId: string,
  input: ImportInput,
): Promise<ImportResult> {
  try {
    return await db.transaction(async (tx) => {
      const result = await importBatch(tx, actor, eventId, input);
      if (input.dryRun) throw new DryRunFinished(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunFinished) return err.result;
    throw err;
  }
}

async function importBatch(
  tx: Queryable,
  actor: Principal,
  eventId: string,
  input: ImportInput,
): Promise<ImportResult> {
  const ctx = await store.loadImportContext(tx, actor.organizationId, eventId);
  if (!ctx) throw notFound('event', eventId);
  if (ctx.archived) throw conflict('event_archived', 'An archived event takes no new attendees.');

  const checked = checkRows(input.rows, ctx.ticketTypes, ctx.questions);
  const errors: RowError[] = [...checked.errors];
  // Checking and signing run before the event's import lock, so they overlap the writes of the
  // batch holding it; under the lock the skip check is asked again, and that answer decides.
  let fresh = await withoutLiveOrders(tx, eventId, checked.rows);
  const orders = input.dryRun
    ? new Map<CheckedRow, store.NewCompOrder>()
    : await newCompOrders(tx, eventId, fresh);
  if (fresh.length > 0) {
    await store.lockEventImports(tx, eventId);
    fresh = await withoutLiveOrders(tx, eventId, fresh);
  }
  const skipped = checked.repeated + (checked.rows.length - fresh.length);

  const seated = await takeSeatsPerType(tx, fresh, errors);
  if (!input.dryRun && seated.length > 0)
    await writeTickets(
      tx,
      actor,
      eventId,
      seated.map((r) => orders.get(r)!),
      input.invite,
    );
  errors.sort((a, b) => a.line - b.line);
  return { imported: seated.length, skipped, errors, dryRun: input.dryRun };
}

/** The rows whose natural key holds no live order of the event yet. */
async function withoutLiveOrders(
  tx: Queryable,
  eventId: string,
  rows: CheckedRow[],
): Promise<CheckedRow[]> {
  if (rows.length === 0) return rows;
  const live = await store.liveOrderKeys(tx, eventId, [
    ...new Set(rows.map((r) => r.emailNormalized)),
  ]);
  const existing = new Set(live.map((k) => naturalKey(k.email, k.ticketTypeId)));
  return rows.filter((r) => !existing.has(naturalKey(r.emailNormalized, r.ticketType.id)));
}

/** Rows that got a seat; the others are reported as sold out. Types in id order, like every writer. */
async function takeSeatsPerType(
  tx: Queryable,
  rows: CheckedRow[],
  errors: RowError[],
): Promise<CheckedRow[]> {
  const byType = new Map<string, CheckedRow[]>();
  for (const r of rows) byType.set(r.ticketType.id, [...(byType.get(r.ticketType.id) ?? []), r]);
  const seated: CheckedRow[] = [];
  for (const [typeId, group] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    let n = group.length;
    await store.savepoint.set(tx, 'import_seats');
    if (!(await takeSeats(tx, typeId, n, 'sold'))) {
      // Undo what the failed take got from the type's quotas, then take what is left.
      await store.savepoint.rollback(tx, 'import_seats');
      n = Math.min(n, (await availableSeats(tx, [typeId])).get(typeId) ?? 0);
      if (n > 0 && !(await takeSeats(tx, typeId, n, 'sold'))) {
        await store.savepoint.rollback(tx, 'import_seats');
        n = 0;
      }
    }
    await store.savepoint.release(tx, 'import_seats');
    seated.push(...group.slice(0, n));
    for (const r of group.slice(n)) {
      errors.push({
        line: r.line,
        code: 'sold_out',
        message: `no seats left for ticket type "${r.ticketType.name}"`,
      });
    }
  }
  return seated;
}

/** Rows signed between two turns of the event loop (about 5 ms of Ed25519 work). */
const SIGN_SLICE = 100;

/** Each row's order and signed ticket, ready to insert (the CPU-heavy part of a batch). */
async function newCompOrders(
  tx: Queryable,
  eventId: string,
  rows: CheckedRow[],
): Promise<Map<CheckedRow, store.NewCompOrder>> {
  const orders = new Map<CheckedRow, store.NewCompOrder>();
  if (rows.length === 0) return orders;
  const key = await activeSigningKey(tx, eventId);
  for (const [i, r] of rows.entries()) {
    // Signing a whole batch at once would stall the batch holding the import lock, whose
    // statements' answers wait for this event loop; so it yields every few rows.
    if (i > 0 && i % SIGN_SLICE === 0) await setImmediate();
    // Time-ordered ids: a batch's rows go to the end of each index, not to random pages.
    const ticketId = timeOrderedUuid();
    orders.set(r, {
      orderId: timeOrderedUuid(),
      ticketId,
      ticketTypeId: r.ticketType.id,
      name: r.name,
      email: r.email,
      emailNormalized: r.emailNormalized,
      answers: r.answers,
      currency: r.ticketType.currency,
      // Attendees reach their ticket through an invitation (a fresh link), not this key.
      accessKeyHash: newAccessKey().hash,
      token: signTicketToken(
        { eventId, ticketId, ticketTypeId: r.ticketType.id, revision: 0 },
        key,
      ),
      kid: key.kid,
    });
  }
  return orders;
}

async function writeTickets(
  tx: Queryable,
  actor: Principal,
  eventId: string,
  orders: store.NewCompOrder[],
  invite: boolean,
): Promise<void> {
  const who = actor.clientId ?? actor.subject;
  await store.insertCompOrders(tx, eventId, orders, who);
  await enqueue(
    tx,
    {
      topic: 'attendees.imported',
      eventId,
      payload: { count: orders.length, actor: who, invite },
    },
    ...(invite
      ? orders.map((o) => ({
          topic: 'attendee.invited',
          eventId,
          aggregateId: o.orderId,
          payload: { orderId: o.orderId, email: o.email, name: o.name, ticketIds: [o.ticketId] },
        }))
      : []),
  );
}
