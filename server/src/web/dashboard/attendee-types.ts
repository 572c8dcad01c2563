// The attendee answers of the API as the Attendees section reads them: the server's response
// schemas (types only).
import type { z } from 'zod';
import type {
  AttendeeHit,
  AttendeeSearchResult as AttendeeSearchResultSchema,
} from '../../features/attendee-search/schema.js';
import type {
  ListedTicket,
  TicketPage as TicketPageSchema,
} from '../../features/ticketing/schema.js';

export type { AttendeeHit } from '../../features/attendee-search/schema.js';
export type { Order, OrderPage, OrderSummary } from '../../features/orders/schema.js';
export type {
  Ticket,
  TicketHistory,
  TicketStatus,
  TransferResult,
} from '../../features/ticketing/schema.js';
export type AttendeeSearchResult = z.output<typeof AttendeeSearchResultSchema>;
export type TicketPage = z.output<typeof TicketPageSchema>;

/** One row of the attendee list: a search hit or a ticket of the event's list. */
export type AttendeeRow = Pick<
  AttendeeHit,
  'ticketId' | 'name' | 'email' | 'ticketTypeName' | 'status' | 'checkedInAt'
>;

export const ticketRow = (t: ListedTicket): AttendeeRow => ({
  ticketId: t.id,
  name: t.attendee.name,
  email: t.attendee.email,
  ticketTypeName: t.ticketTypeName,
  status: t.status,
  checkedInAt: t.checkedInAt,
});
