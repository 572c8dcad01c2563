import type { Db } from '../../platform/db/db.js';
import { z } from 'zod';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { normalizePhone } from '../registration/phone.js';
import type { Principal } from '../identity/principal.js';
import { eventInOrganization } from '../ticketing/store.js';
import { rememberAccessKey } from './access-keys.js';
import type { Links } from './links.js';
import { findInvoice } from '../invoices/store.js';
import { orderConfirmation } from './outbox-messages.js';
import { announceQueued } from './queued.js';
import type { Message } from './schema.js';
import { eventFacts, orderFacts, ordersOfAddress } from './sources-store.js';
import * as store from './store.js';
import { newAccessKey } from '../../platform/access-key.js';

// Use cases of the message log: one exported function each. Messages of other organizations
// answer "not found".

export async function listMessages(
  db: Db,
  actor: Principal,
  filter: Omit<store.MessageFilter, 'organizationId'>,
): Promise<{ items: Message[] }> {
  const rows = await store.listMessages(db, { ...filter, organizationId: actor.organizationId });
  return { items: rows.map(toMessage) };
}

export async function getMessage(db: Db, actor: Principal, id: string): Promise<Message> {
  return toMessage(await ownMessage(db, actor, id));
}

/** Sends a message again as a new one (same content), e.g. for an attendee who lost it. */
export async function resendMessage(db: Db, actor: Principal, id: string): Promise<Message> {
  const m = await ownMessage(db, actor, id);
  const created = await db.transaction(async (tx) =>
    store.insertMessageReturning(tx, {
      kind: m.kind,
      channel: m.channel,
      eventId: m.eventId,
      orderId: m.orderId,
      ticketId: m.ticketId,
      recipient: m.recipient,
      recipientName: m.recipientName,
      data: m.data,
      resendOf: m.id,
    }),
  );
  announceQueued();
  return toMessage(created);
}

/**
 * Gives a dead message a fresh round of attempts, to a corrected address when `to` is given.
 * Only dead messages: one queued or sent is not retried.
 */
export async function retryMessage(
  db: Db,
  actor: Principal,
  id: string,
  to: string | undefined,
): Promise<Message> {
  const m = await ownMessage(db, actor, id);
  if (
    !(await store.requeueDead(db, id, to === undefined ? undefined : recipientFor(m.channel, to)))
  ) {
    throw conflict('message_not_dead', 'Only a dead message can be retried; resend it instead.');
  }
  announceQueued();
  return toMessage((await store.findMessage(db, id))!);
}

/** A corrected recipient, checked as the channel needs it: an email address, or a phone in E.164. */
function recipientFor(channel: store.Channel, to: string): string {
  const fail = (message: string) =>
    invalid('validation_failed', `to: ${message}`, [{ field: 'to', message }]);
  if (channel === 'sms') {
    const phone = normalizePhone(to);
    if (!phone.ok) throw fail(phone.message);
    return phone.e164;
  }
  if (!z.email().max(320).safeParse(to).success) throw fail('must be an email address');
  return to;
}

/** Retries every dead message of the organization (of one event when given). */
export async function retryAllDead(
  db: Db,
  actor: Principal,
  eventId: string | undefined,
): Promise<{ retried: number }> {
  if (eventId && !(await eventInOrganization(db, actor.organizationId, eventId))) {
    throw notFound('event', eventId);
  }
  const retried = await store.requeueAllDead(db, actor.organizationId, eventId);
  if (retried > 0) announceQueued();
  return { retried };
}

/** Sends an order's confirmation again, with its tickets as they are now. */
export async function resendOrder(
  db: Db,
  actor: Principal,
  links: Links,
  orderId: string,
): Promise<Message> {
  const created = await db.transaction(async (tx) => {
    const o = await orderFacts(tx, orderId);
    if (!o || !(await eventInOrganization(tx, actor.organizationId, o.event.id))) {
      throw notFound('order', orderId);
    }
    if (o.status !== 'confirmed') {
      throw conflict(
        'order_not_confirmed',
        `The order is ${o.status}; only a confirmed order has tickets to send.`,
      );
    }
    const key = o.accessKey ?? (await mintOrderKey(tx, o.id));
    const invoice = await findInvoice(tx, o.id, 'invoice');
    return store.insertMessageReturning(
      tx,
      orderConfirmation({ ...o, accessKey: key }, links, 'order_confirmed', invoice),
    );
  });
  announceQueued();
  return toMessage(created);
}

/**
 * "Send me my tickets again": mails the links of the address's orders for the event. The caller
 * learns nothing either way (the route answers the same), so nothing here throws for an address
 * without orders.
 */
export async function sendTicketsAgain(
  db: Db,
  links: Links,
  eventId: string,
  email: string,
): Promise<void> {
  const queued = await db.transaction(async (tx) => {
    const event = await eventFacts(tx, eventId);
    const orders = event ? await ordersOfAddress(tx, eventId, email.trim().toLowerCase()) : [];
    if (!event || orders.length === 0) return false;
    const orderLinks: string[] = [];
    // Written in the language of the newest order (the first).
    let lang: string | undefined;
    for (const o of orders) {
      const facts = await orderFacts(tx, o.id);
      lang ??= facts?.lang;
      const key = facts?.accessKey ?? (await mintOrderKey(tx, o.id));
      orderLinks.push(links.order(o.id, key)!);
    }
    const first = orders[0]!;
    await store.insertMessages(tx, [
      {
        kind: 'tickets_again',
        eventId,
        orderId: first.id,
        recipient: first.email,
        recipientName: first.name,
        data: { event, name: first.name, links: orderLinks, ...(lang ? { lang } : {}) },
      },
    ]);
    return true;
  });
  if (queued) announceQueued();
}

/**
 * An order no one holds a key for (imported attendees): a new key replaces the unknown one, so
 * the mail's link opens it.
 */
async function mintOrderKey(tx: Parameters<typeof rememberAccessKey>[0], orderId: string) {
  const access = newAccessKey();
  await store.replaceOrderKeyHash(tx, orderId, access.hash);
  await rememberAccessKey(tx, orderId, access.key);
  return access.key;
}

async function ownMessage(db: Db, actor: Principal, id: string) {
  const m = await store.findMessage(db, id);
  if (!m || m.organizationId !== actor.organizationId) throw notFound('message', id);
  return m;
}

function toMessage(m: store.MessageRecord): Message {
  const pending = m.status === 'queued' || m.status === 'failed';
  return {
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    eventId: m.eventId,
    orderId: m.orderId,
    ticketId: m.ticketId,
    recipient: m.recipient,
    recipientName: m.recipientName,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: pending ? m.availableAt.toISOString() : null,
    providerId: m.providerId,
    lastError: m.lastError,
    resendOf: m.resendOf,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}
