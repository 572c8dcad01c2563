import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import type { ReportSource } from './report-source.js';
import type { Bucket, Report, ReportKind } from './schema.js';
import { foldDeltas } from './fold-store.js';
import * as store from './store.js';
import { noShowRows, toCells, waitlistRows, type Cells } from './tables.js';

// Use cases of reports: the figures come from the chosen ReportSource (source-choice.ts).

const COLUMNS: Record<ReportKind, string[]> = {
  sales: [
    'bucket_start',
    'bucket',
    'ticket_type_id',
    'ticket_type',
    'channel',
    'currency',
    'orders',
    'tickets',
    'revenue_cents',
  ],
  'orders-by-status': ['status', 'orders', 'tickets', 'total_cents', 'refunded_cents'],
  refunds: ['bucket_start', 'bucket', 'refunds', 'amount_cents'],
  'promo-codes': [
    'code_id',
    'code',
    'kind',
    'uses',
    'max_uses',
    'reserved_seats',
    'reserve_left',
    'orders',
    'tickets',
    'discount_cents',
    'revenue_cents',
  ],
  answers: ['question_id', 'question', 'answer', 'orders'],
  waitlist: [
    'ticket_type_id',
    'ticket_type',
    'waiting',
    'offered',
    'claimed',
    'expired',
    'cancelled',
    'joined',
    'conversion',
  ],
  'no-shows': [
    'ticket_type_id',
    'ticket_type',
    'registered',
    'admitted',
    'no_shows',
    'no_show_rate',
  ],
};

const BUCKETED = new Set<ReportKind>(['sales', 'refunds']);

async function rows(
  source: ReportSource,
  kind: ReportKind,
  eventId: string,
  bucket: Bucket,
  tz: string,
  w: store.Window,
) {
  const cells = (raw: Record<string, unknown>[], columns = COLUMNS[kind]) =>
    raw.map((r) => toCells(r, columns));
  switch (kind) {
    case 'sales':
      return cells(await source.sales(eventId, bucket, tz, w));
    case 'orders-by-status':
      return cells(await source.ordersByStatus(eventId));
    case 'refunds':
      return cells(await source.refunds(eventId, bucket, tz, w));
    case 'promo-codes':
      return cells(await source.promoCodes(eventId));
    case 'answers':
      return cells(await source.answers(eventId));
    case 'waitlist':
      return waitlistRows(
        cells(await source.waitlist(eventId), [
          'ticket_type_id',
          'ticket_type',
          'waiting',
          'offered',
          'claimed',
          'expired',
          'cancelled',
        ]),
      );
    case 'no-shows':
      return noShowRows(
        cells(await source.attendance(eventId), [
          'ticket_type_id',
          'ticket_type',
          'registered',
          'admitted',
        ]) as Array<Cells & { registered: number; admitted: number }>,
      );
  }
}

/** One report of an event the principal's organization owns, with figures from `source`. */
export async function getReport(
  db: Db,
  source: ReportSource,
  principal: Principal,
  eventId: string,
  kind: ReportKind,
  bucket: Bucket,
  window: { from?: string | undefined; to?: string | undefined } = {},
): Promise<Report> {
  const timezone = await store.eventTimezone(db, eventId, principal.organizationId);
  if (timezone === undefined) throw notFound('event', eventId);
  return {
    kind,
    eventId,
    timezone,
    ...(BUCKETED.has(kind) ? { bucket, ...window } : {}),
    columns: COLUMNS[kind],
    rows: await rows(source, kind, eventId, bucket, timezone, {
      from: window.from === undefined ? undefined : new Date(window.from),
      to: window.to === undefined ? undefined : new Date(window.to),
    }),
    generatedAt: new Date().toISOString(),
  };
}

/** Folds waiting deltas into the rollups until none are left or `max` batches ran. */
export async function foldReportDeltas(db: Db, batch = 10_000, max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await db.transaction((tx) => foldDeltas(tx, batch))) === 0) return;
  }
}
