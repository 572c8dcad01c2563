/**
 * The SearchIndex port: attendee documents in, ranked hits out. Adapters: PostgreSQL (default,
 * pg_trgm over the tickets table) and Elasticsearch. Both pass the same contract tests.
 */
export type TicketStatus = 'pending' | 'valid' | 'revoked' | 'cancelled';

/** One ticket's holder, as search sees it; the ticket id is the document's key. */
export interface AttendeeDocument {
  ticketId: string;
  orderId: string;
  eventId: string;
  organizationId: string;
  name: string;
  email: string;
  ticketTypeName: string;
  status: TicketStatus;
}

export interface AttendeeHit extends AttendeeDocument {
  /** Higher is better; comparable only within one answer. */
  score: number;
}

export interface SearchIndex {
  /**
   * Adds documents or replaces those with the same ticket id. There is no removal: tickets are
   * never deleted, and a revoked or cancelled one stays findable with its status.
   */
  index(documents: readonly AttendeeDocument[]): Promise<void>;
  /**
   * The event's attendees best matching `query`, best first: names typo-tolerant, email exact
   * (any case), ticket id by exact value or prefix.
   */
  search(eventId: string, query: string, limit: number): Promise<AttendeeHit[]>;
}
