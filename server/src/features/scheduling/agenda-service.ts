import type { Db, Queryable } from '../../platform/db/db.js';
import { accessKeyMatches } from '../../platform/access-key.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { conflict, notFound } from '../../platform/errors.js';
import * as store from './agenda-store.js';
import { calendarToken, calendarTokenMatches } from './agenda-calendar.js';
import { scheduleIcs } from './ics-feed.js';
import { findFeedHead, findRelease } from './store.js';

// An attendee's agenda, opened by the access key of the ticket's order (or of the ticket after a
// transfer): favourites ("my agenda") and signups for limited sessions with a waitlist.
// A wrong key answers "not found", as for tickets.

async function holder(q: Queryable, ticketId: string, accessKey: string) {
  const t = await store.findTicketHolder(q, ticketId);
  if (!t || !accessKeyMatches(accessKey, t.accessKeyHash)) throw notFound('ticket', ticketId);
  if (t.status !== 'valid')
    throw conflict('ticket_not_valid', 'Only a valid ticket can keep an agenda.');
  return t;
}

async function sessionOf(q: Queryable, eventId: string, sessionId: string) {
  const s = await store.findSessionForAgenda(q, eventId, sessionId);
  if (!s) throw notFound('session', sessionId);
  if (s.status === 'cancelled') throw conflict('session_cancelled', 'This session is cancelled.');
  return s;
}

/** The agenda, with the token of its private calendar URL. */
export async function getAgenda(
  db: Db,
  ticketId: string,
  accessKey: string,
): Promise<store.Agenda & { calendarToken: string }> {
  const t = await holder(db, ticketId, accessKey);
  return {
    ...(await store.agendaOf(db, ticketId)),
    calendarToken: calendarToken(ticketId, t.accessKeyHash),
  };
}

/**
 * The attendee's favourites and signups of the latest release as iCalendar, opened by the
 * calendar token (never the access key). A wrong token answers "not found", as a wrong key does.
 */
export async function personalCalendar(db: Db, ticketId: string, token: string): Promise<string> {
  const t = await store.findTicketHolder(db, ticketId);
  if (!t || !calendarTokenMatches(token, ticketId, t.accessKeyHash))
    throw notFound('ticket', ticketId);
  if (t.status !== 'valid')
    throw conflict('ticket_not_valid', 'Only a valid ticket can keep an agenda.');
  const head = await findFeedHead(db, t.eventId);
  if (!head?.version) throw notFound('released schedule');
  const [release, agenda] = await Promise.all([
    findRelease(db, t.eventId, head.version),
    store.agendaOf(db, ticketId),
  ]);
  const only = new Set([...agenda.favourites, ...agenda.signups.map((s) => s.sessionId)]);
  return scheduleIcs(head.event, release!, { only, name: `${head.event.name}: my agenda` });
}

export async function setFavourite(
  db: Db,
  ticketId: string,
  accessKey: string,
  sessionId: string,
  on: boolean,
): Promise<store.Agenda> {
  return db.transaction(async (tx) => {
    const t = await holder(tx, ticketId, accessKey);
    if (on) {
      await sessionOf(tx, t.eventId, sessionId);
      await store.addFavourite(tx, sessionId, ticketId);
    } else await store.removeFavourite(tx, sessionId, ticketId);
    return store.agendaOf(tx, ticketId);
  });
}

/**
 * Signs the ticket up: a seat if one is left (one conditional UPDATE decides, so a rush never
 * overbooks), else a place on the waitlist. Signing up twice changes nothing.
 */
export async function signUp(
  db: Db,
  ticketId: string,
  accessKey: string,
  sessionId: string,
): Promise<{ status: store.SignupStatus; created: boolean; eventId: string }> {
  return db.transaction(async (tx) => {
    const t = await holder(tx, ticketId, accessKey);
    const s = await sessionOf(tx, t.eventId, sessionId);
    if (s.signupCapacity === null)
      throw conflict('signup_not_offered', 'This session takes no signups; everyone may come.');
    if (!(await store.insertSignup(tx, sessionId, ticketId))) {
      const mine = (await store.agendaOf(tx, ticketId)).signups.find(
        (x) => x.sessionId === sessionId,
      );
      return { status: mine!.status, created: false, eventId: t.eventId };
    }
    const seated = await store.takeSeat(tx, sessionId);
    if (seated) await store.setSignupStatus(tx, sessionId, ticketId, 'confirmed');
    return { status: seated ? 'confirmed' : 'waitlisted', created: true, eventId: t.eventId };
  });
}

/**
 * Gives the seat (or waitlist place) back; a freed seat goes to the first on the waitlist.
 * Returns the session's event.
 */
export async function cancelSignup(
  db: Db,
  ticketId: string,
  accessKey: string,
  sessionId: string,
): Promise<string> {
  return db.transaction(async (tx) => {
    const t = await holder(tx, ticketId, accessKey);
    const was = await store.deleteSignup(tx, sessionId, ticketId);
    if (was !== 'confirmed') return t.eventId;
    const next = await store.promoteNext(tx, sessionId);
    if (!next) await store.releaseSeat(tx, sessionId);
    else
      await enqueue(tx, {
        topic: 'schedule.signup_promoted',
        eventId: t.eventId,
        aggregateId: next,
        payload: { eventId: t.eventId, sessionId, ticketId: next },
      });
    return t.eventId;
  });
}
