// The attendee answers of the API as the Attendees section reads them (see docs/api.md).

export type TicketStatus = 'pending' | 'valid' | 'revoked' | 'cancelled';

/** One row of the attendee list: a search hit or a ticket of the event's list. */
export interface AttendeeRow {
  ticketId: string;
  name: string;
  email: string;
  ticketTypeName: string;
  status: TicketStatus;
  /** When it was first admitted at an entrance; null: not yet. */
  checkedInAt: string | null;
}

export interface SearchHit extends AttendeeRow {
  orderId: string;
}

export interface Ticket {
  id: string;
  status: TicketStatus;
  token: string;
  revision: number;
  eventId: string;
  ticketTypeName: string;
  orderId: string;
  attendee: { name: string; email: string };
  createdAt: string;
  updatedAt: string;
}

export interface TicketPage {
  items: (Ticket & { checkedInAt: string | null })[];
  nextCursor: string | null;
}

export interface HistoryEntry {
  at: string;
  action: string;
  actor: string;
  details: Record<string, unknown>;
}

export interface Order {
  id: string;
  status: 'pending_payment' | 'confirmed' | 'expired' | 'cancelled';
  quantity: number;
  attendee: { name: string; email: string };
  totalCents: number;
  paidCents: number;
  refundedCents: number;
  currency: string;
  paymentMethod: 'free' | 'manual' | 'stripe';
  createdAt: string;
}

export const ticketRow = (t: TicketPage['items'][number]): AttendeeRow => ({
  ticketId: t.id,
  name: t.attendee.name,
  email: t.attendee.email,
  ticketTypeName: t.ticketTypeName,
  status: t.status,
  checkedInAt: t.checkedInAt,
});
