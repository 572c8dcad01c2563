import type { CheckinList, DoorSession, KnownTicket } from '../checkin/types.js';
import type { SyncCheckinList, SyncDoorSession, SyncTicket } from './change-feed.js';

/** The check-in rule's view of a synced list. */
export function toCheckinList(list: SyncCheckinList): CheckinList {
  return {
    id: list.id,
    eventId: list.eventId,
    ticketTypeIds: list.ticketTypeIds,
    entryRule: list.entryRule,
    ...(list.opensAt !== null && { opensAt: new Date(list.opensAt) }),
    ...(list.closesAt !== null && { closesAt: new Date(list.closesAt) }),
    ...(list.sessions && { sessions: list.sessions.map(toDoorSession) }),
  };
}

/** The check-in rule's view of a room list's synced session. */
export function toDoorSession(s: SyncDoorSession): DoorSession {
  return {
    sessionId: s.sessionId,
    title: s.title,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    signedUp: s.signedUp && new Set(s.signedUp.map((id) => id.toLowerCase())),
  };
}

/** The check-in rule's view of a synced ticket. */
export function toKnownTicket(ticket: SyncTicket): KnownTicket {
  return {
    id: ticket.id,
    status: ticket.status,
    ticketTypeId: ticket.ticketTypeId,
    revision: ticket.revision,
    attendeeName: ticket.attendee.name,
  };
}
