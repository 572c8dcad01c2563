import type { Db } from '../../platform/db/db.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { eventInOrganization } from '../ticketing/store.js';
import * as store from './broadcast-store.js';
import { announceBroadcast } from './queued.js';
import { renderMail } from './messages/render.js';
import type { Broadcast, BroadcastInput } from './schema.js';
import { eventFacts } from './sources-store.js';

// Organizer messages: one exported function per use case.

const audienceOf = (i: BroadcastInput): store.Audience => ({
  ticketTypeIds: i.ticketTypeIds ?? null,
  checkedIn: i.checkedIn ?? null,
});

async function ownEvent(db: Db, actor: Principal, eventId: string): Promise<void> {
  if (!(await eventInOrganization(db, actor.organizationId, eventId))) {
    throw notFound('event', eventId);
  }
}

/** How many the message reaches, and the mail exactly as the first of them would get it. */
export async function previewBroadcast(
  db: Db,
  actor: Principal,
  eventId: string,
  input: BroadcastInput,
  domain: string,
) {
  await ownEvent(db, actor, eventId);
  const { count, first } = await store.audienceSample(db, eventId, audienceOf(input));
  const event = await eventFacts(db, eventId);
  if (!first || !event) return { recipients: count, sample: null };
  const mail = await renderMail({
    id: 'preview',
    kind: 'organizer_message',
    recipient: first.email,
    recipientName: first.name,
    data: { event, name: first.name, subject: input.subject, body: input.body },
    domain,
  });
  return {
    recipients: count,
    sample: { to: first.email, subject: mail.subject, html: mail.html, text: mail.text },
  };
}

/** Schedules the message (now when no time is given); it is fanned out when due. */
export async function createBroadcast(
  db: Db,
  actor: Principal,
  eventId: string,
  input: BroadcastInput,
): Promise<Broadcast> {
  await ownEvent(db, actor, eventId);
  const sendAt = input.sendAt ? new Date(input.sendAt) : new Date();
  if (sendAt.getTime() < Date.now() - 60_000) {
    throw invalid('send_at_past', 'sendAt is in the past; leave it out to send now.', [
      { field: 'sendAt', message: 'must not be in the past' },
    ]);
  }
  const id = await store.insertBroadcast(db, {
    eventId,
    subject: input.subject,
    body: input.body,
    audience: audienceOf(input),
    sendAt,
    createdBy: actor.clientId ?? actor.subject,
  });
  announceBroadcast();
  return getBroadcast(db, actor, id);
}

export async function getBroadcast(db: Db, actor: Principal, id: string): Promise<Broadcast> {
  const b = await store.findBroadcast(db, id);
  if (!b || b.organizationId !== actor.organizationId) throw notFound('broadcast', id);
  return toBroadcast(b, await store.broadcastProgress(db, id));
}

export async function listBroadcasts(db: Db, actor: Principal, eventId: string) {
  await ownEvent(db, actor, eventId);
  const rows = await store.listBroadcasts(db, eventId);
  return {
    items: await Promise.all(
      rows.map(async (b) => toBroadcast(b, await store.broadcastProgress(db, b.id))),
    ),
  };
}

function toBroadcast(
  b: store.BroadcastRecord,
  progress: Awaited<ReturnType<typeof store.broadcastProgress>>,
): Broadcast {
  return {
    id: b.id,
    eventId: b.eventId,
    subject: b.subject,
    body: b.body,
    ticketTypeIds: b.audience.ticketTypeIds,
    checkedIn: b.audience.checkedIn,
    sendAt: b.sendAt.toISOString(),
    status: b.status,
    recipients: b.recipients,
    progress,
    createdAt: b.createdAt.toISOString(),
  };
}
