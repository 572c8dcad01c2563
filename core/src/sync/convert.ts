import type { CheckinList, KnownTicket } from '../checkin/types.js';
import type { SyncCheckinList, SyncTicket } from './change-feed.js';

/** The check-in rule's view of a synced list. */
export function toCheckinList(list: SyncCheckinList): CheckinList {
  return {
    id: list.id,
    eventId: list.eventId,
    ticketTypeIds: list.ticketTypeIds,
    entryRule: list.entryRule,
    ...(list.opensAt !== null && { opensAt: new Date(list.opensAt) }),
    ...(list.closesAt !== null && { closesAt: new Date(list.closesAt) }),
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
