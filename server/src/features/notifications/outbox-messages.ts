import type { Queryable } from '../../platform/db/db.js';
import type { DeliveredMessage } from '../../platform/bus/subscriber.js';
import type { InvoiceDocument } from '../invoices/document.js';
import { findInvoice } from '../invoices/store.js';
import type { Links } from './links.js';
import type { MessageData, NoticeData } from './messages/kinds.js';
import { changeLines, type ChangeWords } from '../scheduling/change-lines.js';
import type { ScheduleDiff } from '../scheduling/release-diff.js';
import { oneLine } from './channels/mail-channel.js';
import { withShortTitles } from './messages/sms-render.js';
import { catalogFor } from './messages/text-values.js';
import {
  organizationAdmins,
  releaseFacts,
  sessionTitle,
  orderFacts,
  ticketFacts,
  waitlistFacts,
  type OrderFacts,
  type SmsContact,
} from './sources-store.js';
import type { NewMessage } from './store.js';

/** The outbox topics that become messages (to attendees; and notices to administrators). */
export const NOTIFYING_TOPICS = [
  'webhook_endpoint.disabled',
  'registration.confirmed',
  'registration.pending_payment',
  'order.cancelled',
  'order.refunded',
  'waitlist.joined',
  'waitlist.offered',
  'waitlist.offer_expired',
  'ticket.transferred',
  'ticket.reissued',
  'ticket.revoked',
  'schedule.attendee_affected',
  'schedule.speaker_affected',
  'schedule.signup_promoted',
];

type Build = (q: Queryable, m: DeliveredMessage, links: Links) => Promise<NewMessage[]>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The order confirmation (or, after a payment, its "payment received" form) with its tickets,
 * and the invoice when one was issued: as issued, it is the same document whenever it is sent.
 */
export function orderConfirmation(
  o: OrderFacts,
  links: Links,
  kind: 'order_confirmed' | 'payment_received' = 'order_confirmed',
  invoice?: InvoiceDocument,
): NewMessage {
  const link = links.order(o.id, o.accessKey);
  const data: MessageData = {
    event: o.event,
    name: o.name,
    orderId: o.id,
    tickets: o.tickets,
    amountCents: o.totalCents,
    currency: o.currency,
    ...(link ? { link } : {}),
    ...(invoice ? { invoice } : {}),
  };
  return toOrderHolder(o, kind, data);
}

const toOrderHolder = (o: OrderFacts, kind: NewMessage['kind'], data: MessageData): NewMessage => ({
  kind,
  eventId: o.event.id,
  orderId: o.id,
  recipient: o.email,
  recipientName: o.name,
  data: { ...data, lang: o.lang } as unknown as Record<string, unknown>,
});

/**
 * The message, and its SMS twin when the event sends this kind by SMS and the person gave a phone
 * and agreed to SMS: the same data (with `sms`, what the SMS says shorter), to the phone, on its
 * own row (own retries, own log entry).
 */
export function withSms(
  message: NewMessage,
  contact: SmsContact,
  sms: Partial<MessageData> = {},
): NewMessage[] {
  if (!contact.phone || !contact.smsKinds.includes(message.kind)) return [message];
  const data = { ...message.data, ...sms };
  return [message, { ...message, channel: 'sms', recipient: contact.phone, data }];
}

const forOrder =
  (
    make: (
      o: OrderFacts,
      m: DeliveredMessage,
      links: Links,
      q: Queryable,
    ) => NewMessage | Promise<NewMessage>,
  ): Build =>
  async (q, m, links) => {
    const orderId = str(m.payload.orderId);
    const o = orderId ? await orderFacts(q, orderId) : undefined;
    return o ? withSms(await make(o, m, links, q), o) : [];
  };

/** Every administrator of the organization hears that one of its webhook endpoints was disabled. */
const endpointDisabled: Build = async (q, m, links) => {
  const organizationId = str(m.payload.organizationId);
  if (!organizationId) return [];
  const { organization, admins, failingSince } = await organizationAdmins(
    q,
    organizationId,
    str(m.payload.endpointId),
  );
  return admins.map((a) => {
    const data: NoticeData = {
      name: a.name,
      organization,
      url: str(m.payload.url) ?? '',
      reason: str(m.payload.reason) ?? 'failing',
      failingSince,
      link: links.webhooks,
    };
    return {
      kind: 'webhook_endpoint_disabled',
      eventId: null,
      recipient: a.email,
      recipientName: a.name,
      data: data as unknown as Record<string, unknown>,
    };
  });
};

const BUILDERS: Record<string, Build> = {
  'webhook_endpoint.disabled': endpointDisabled,
  'registration.confirmed': forOrder(async (o, m, links, q) =>
    m.payload.paymentId
      ? // Issued in the payment's transaction, so it exists by now (a free order has none).
        orderConfirmation(o, links, 'payment_received', await findInvoice(q, o.id, 'invoice'))
      : orderConfirmation(o, links),
  ),
  'registration.pending_payment': forOrder((o, _m, links) => {
    const link = links.order(o.id, o.accessKey);
    return toOrderHolder(o, 'order_pending_payment', {
      event: o.event,
      name: o.name,
      orderId: o.id,
      amountCents: o.totalCents,
      currency: o.currency,
      ...(o.holdExpiresAt ? { expiresAt: o.holdExpiresAt } : {}),
      ...(link ? { link } : {}),
    });
  }),
  'order.cancelled': forOrder((o, m) =>
    toOrderHolder(o, 'order_cancelled', {
      event: o.event,
      name: o.name,
      orderId: o.id,
      reason: str(m.payload.reason) ?? null,
    }),
  ),
  'order.refunded': forOrder((o, m, links) => {
    const link = links.order(o.id, o.accessKey);
    return toOrderHolder(o, 'refund_issued', {
      event: o.event,
      name: o.name,
      orderId: o.id,
      amountCents: Number(m.payload.amountCents ?? 0),
      currency: str(m.payload.currency) ?? o.currency,
      reason: str(m.payload.reason) ?? null,
      ...(link ? { link } : {}),
    });
  }),
  'waitlist.joined': waitlistMessage('waitlist_joined'),
  'waitlist.offered': waitlistMessage('waitlist_offer'),
  'waitlist.offer_expired': waitlistMessage('waitlist_offer_expired'),
  'ticket.transferred': async (q, m, links) => {
    const t = await ticketFacts(q, str(m.payload.ticketId) ?? '');
    if (!t) return [];
    const link = t.ownKey ? links.ticket(t.ticket.id, t.accessKey) : undefined;
    const base = { eventId: t.event.id, orderId: t.orderId, ticketId: t.ticket.id };
    const previous = m.payload.previousHolder as { name?: string; email?: string } | undefined;
    return [
      {
        ...base,
        kind: 'ticket_transferred',
        recipient: t.email,
        recipientName: t.ticket.holderName,
        data: {
          event: t.event,
          name: t.ticket.holderName,
          lang: t.lang,
          tickets: [t.ticket],
          ...(link ? { link } : {}),
        },
      },
      ...(previous?.email
        ? [
            {
              ...base,
              kind: 'ticket_transferred_away' as const,
              recipient: previous.email,
              recipientName: previous.name ?? '',
              data: { event: t.event, name: previous.name ?? '' },
            },
          ]
        : []),
    ];
  },
  'ticket.reissued': ticketMessage('ticket_reissued'),
  'ticket.revoked': ticketMessage('ticket_revoked'),
  'schedule.attendee_affected': async (q, m, links) => {
    const t = await ticketFacts(q, str(m.payload.ticketId) ?? '');
    const release = t && (await releaseFacts(q, t.event.id, Number(m.payload.release)));
    if (!t || !release || t.status !== 'valid') return [];
    const { c } = catalogFor(t.lang);
    const changes = scheduleChanges(release, m.payload.sessionIds, c.changes);
    if (!changes.length) return [];
    const link = links.agenda(t.ticket.id, t.accessKey);
    return withSms(
      {
        kind: 'schedule_changed',
        eventId: t.event.id,
        orderId: t.orderId,
        ticketId: t.ticket.id,
        recipient: t.email,
        recipientName: t.ticket.holderName,
        data: {
          event: t.event,
          name: t.ticket.holderName,
          lang: t.lang,
          changes,
          ...noteOf(m),
          ...(link ? { link } : {}),
        },
      },
      t,
      // The SMS names each session and where it is now, not where it was.
      { changes: scheduleChanges(release, m.payload.sessionIds, withShortTitles(c.smsChanges)) },
    );
  },
  // Speakers have no portal page; the mail says what changed and the organizers' note.
  'schedule.speaker_affected': async (q, m) => {
    const email = str(m.payload.email);
    const eventId = str(m.payload.eventId) ?? m.eventId ?? '';
    const release = email ? await releaseFacts(q, eventId, Number(m.payload.release)) : undefined;
    if (!email || !release) return [];
    const { c } = catalogFor(release.event.language);
    const changes = scheduleChanges(release, m.payload.sessionIds, c.changes);
    const name = str(m.payload.name) ?? '';
    if (!changes.length) return [];
    return [
      {
        kind: 'schedule_speaker_changed',
        eventId: release.event.id,
        recipient: email,
        recipientName: name,
        data: { event: release.event, name, changes, ...noteOf(m) },
      },
    ];
  },
  'schedule.signup_promoted': async (q, m, links) => {
    const sessionId = str(m.payload.sessionId) ?? '';
    const [t, title] = await Promise.all([
      ticketFacts(q, str(m.payload.ticketId) ?? ''),
      sessionTitle(q, sessionId),
    ]);
    if (!t || title === undefined) return [];
    const link = links.agenda(t.ticket.id, t.accessKey, sessionId);
    return withSms(
      {
        kind: 'session_signup_promoted',
        eventId: t.event.id,
        orderId: t.orderId,
        ticketId: t.ticket.id,
        recipient: t.email,
        recipientName: t.ticket.holderName,
        data: {
          event: t.event,
          name: t.ticket.holderName,
          lang: t.lang,
          sessionTitle: oneLine(title),
          ...(link ? { link } : {}),
        },
      },
      t,
    );
  },
};

/** The lines of a release's diff about the sessions a message names, in the words given. */
function scheduleChanges(
  release: { event: { timezone: string }; diff: ScheduleDiff },
  sessionIds: unknown,
  words: ChangeWords,
): string[] {
  const only = new Set(Array.isArray(sessionIds) ? sessionIds.map(String) : []);
  return changeLines(release.diff, release.event.timezone, only, words);
}

const noteOf = (m: DeliveredMessage) => {
  const note = str(m.payload.comment)?.trim();
  return note ? { note } : {};
};

function waitlistMessage(
  kind: 'waitlist_joined' | 'waitlist_offer' | 'waitlist_offer_expired',
): Build {
  return async (q, m, links) => {
    const entryId = str(m.payload.waitlistEntryId) ?? m.aggregateId ?? '';
    const w = await waitlistFacts(q, entryId);
    if (!w) return [];
    const link = kind === 'waitlist_offer_expired' ? undefined : links.waitlist(w.id, w.accessKey);
    const data: MessageData = {
      event: w.event,
      name: w.name,
      lang: w.lang,
      position: Number(m.payload.position ?? w.position),
      ...(w.offerExpiresAt ? { expiresAt: w.offerExpiresAt } : {}),
      ...(link ? { link } : {}),
    };
    return withSms(
      {
        kind,
        eventId: w.event.id,
        recipient: w.email,
        recipientName: w.name,
        data: data as unknown as Record<string, unknown>,
      },
      w,
    );
  };
}

function ticketMessage(kind: 'ticket_reissued' | 'ticket_revoked'): Build {
  return async (q, m, links) => {
    const t = await ticketFacts(q, str(m.payload.ticketId) ?? '');
    if (!t) return [];
    const link = t.ownKey
      ? links.ticket(t.ticket.id, t.accessKey)
      : links.order(t.orderId, t.accessKey);
    const data: MessageData = {
      event: t.event,
      name: t.ticket.holderName,
      lang: t.lang,
      ...(kind === 'ticket_reissued'
        ? { tickets: [t.ticket] }
        : { reason: str(m.payload.reason) ?? null }),
      ...(link ? { link } : {}),
    };
    return [
      {
        kind,
        eventId: t.event.id,
        orderId: t.orderId,
        ticketId: t.ticket.id,
        recipient: t.email,
        recipientName: t.ticket.holderName,
        data: data as unknown as Record<string, unknown>,
      },
    ];
  };
}

/** The messages one outbox message asks for, each tagged with the outbox id it came from. */
export async function messagesFor(
  q: Queryable,
  m: DeliveredMessage,
  links: Links,
): Promise<NewMessage[]> {
  const build = BUILDERS[m.topic];
  if (!build) return [];
  return (await build(q, m, links)).map((n) => ({ ...n, outboxId: m.id }));
}
