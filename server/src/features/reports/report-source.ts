import type { Bucket } from './schema.js';
import type { Window } from './store.js';

/** A report's rows as its source gives them: one object per row, before shaping (tables.ts). */
export type SourceRow = Record<string, unknown>;

/**
 * The ReportSource port: where the figures of reports come from. Adapters: the PostgreSQL
 * rollups (default, postgres-source.ts) and Elasticsearch aggregations over the documents the
 * report indexer keeps current (elasticsearch-source.ts). Both give rows of the same columns and
 * values; one contract test suite (server/test/reports.test.ts) runs against each.
 */
export interface ReportSource {
  /** Confirmed orders per local bucket, ticket type and channel, within the window. */
  sales(eventId: string, bucket: Bucket, tz: string, window: Window): Promise<SourceRow[]>;
  /** Orders, tickets and money per order status, every status listed. */
  ordersByStatus(eventId: string): Promise<SourceRow[]>;
  /** Refunds per local bucket of when they were made, within the window. */
  refunds(eventId: string, bucket: Bucket, tz: string, window: Window): Promise<SourceRow[]>;
  /** Each live or used promo or access code with its confirmed orders' sums. */
  promoCodes(eventId: string): Promise<SourceRow[]>;
  /** Confirmed orders per answer of each choice and checkbox question. */
  answers(eventId: string): Promise<SourceRow[]>;
  /** Waitlist entries per ticket type and status (types with entries only). */
  waitlist(eventId: string): Promise<SourceRow[]>;
  /** Valid tickets and admitted ones per ticket type, every type listed. */
  attendance(eventId: string): Promise<SourceRow[]>;
}
