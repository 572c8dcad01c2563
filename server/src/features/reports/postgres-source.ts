import type { Queryable } from '../../platform/db/db.js';
import type { ReportSource } from './report-source.js';
import * as store from './store.js';

/**
 * The default ReportSource: the rollups of migration 0022 (kept exact with the writes by
 * triggers), each report one statement, so exact at its snapshot.
 */
export function createPostgresReportSource(db: Queryable): ReportSource {
  return {
    sales: (eventId, bucket, tz, w) => store.salesRows(db, eventId, bucket, tz, w),
    ordersByStatus: (eventId) => store.ordersByStatusRows(db, eventId),
    refunds: (eventId, bucket, tz, w) => store.refundRows(db, eventId, bucket, tz, w),
    promoCodes: (eventId) => store.promoCodeRows(db, eventId),
    answers: (eventId) => store.answerRows(db, eventId),
    waitlist: (eventId) => store.waitlistRows(db, eventId),
    attendance: (eventId) => store.attendanceRows(db, eventId),
  };
}
