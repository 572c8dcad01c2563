import type { Queryable } from '../../platform/db/db.js';

// Moves deltas into their rollups, a batch per table, in one transaction per call: DELETE ...
// RETURNING takes only committed rows, each once, and the upsert adds them where the readers'
// UNION ALL stops seeing them, at the same commit. Rows are upserted in key order, so two folds
// (replicas) cannot deadlock; the advisory lock just spares the second one the wait.
const FOLDS: Array<{ deltas: string; rollup: string; keys: string[]; sums: string[] }> = [
  {
    deltas: 'report_order_deltas',
    rollup: 'report_orders',
    keys: ['event_id', 'slot', 'ticket_type_id', 'channel', 'status', 'promo_code_id'],
    sums: ['orders', 'tickets', 'total_cents', 'discount_cents', 'refunded_cents'],
  },
  {
    deltas: 'report_answer_deltas',
    rollup: 'report_answers',
    keys: ['event_id', 'question_id', 'answer'],
    sums: ['orders'],
  },
  {
    deltas: 'report_refund_deltas',
    rollup: 'report_refunds',
    keys: ['event_id', 'slot'],
    sums: ['refunds', 'amount_cents'],
  },
  {
    deltas: 'report_waitlist_deltas',
    rollup: 'report_waitlist',
    keys: ['event_id', 'ticket_type_id', 'status'],
    sums: ['entries'],
  },
  {
    deltas: 'report_attendance_deltas',
    rollup: 'report_attendance',
    keys: ['event_id', 'ticket_type_id'],
    sums: ['valid_tickets', 'admitted_tickets'],
  },
  {
    deltas: 'report_door_deltas',
    rollup: 'report_door_minutes',
    keys: ['event_id', 'minute', 'list_id', 'gate', 'device_id', 'direction', 'admitted'],
    sums: ['scans'],
  },
];

const FOLD_SQL = FOLDS.map(({ deltas, rollup, keys, sums }) => {
  const k = keys.join(', ');
  return `WITH d AS (
    DELETE FROM ${deltas} WHERE id IN (SELECT id FROM ${deltas} ORDER BY id LIMIT $1) RETURNING *
  )
  INSERT INTO ${rollup} (${k}, ${sums.join(', ')})
  SELECT ${k}, ${sums.map((s) => `sum(${s})`).join(', ')} FROM d GROUP BY ${k} ORDER BY ${k}
  ON CONFLICT (${k}) DO UPDATE SET ${sums.map((s) => `${s} = ${rollup}.${s} + EXCLUDED.${s}`).join(', ')}`;
});

/**
 * Folds up to `batch` deltas of each kind; returns how many it moved. One fold at a time across
 * replicas: a second waits for the first and then folds what is left, so 0 always means nothing
 * was waiting (a fold that gave up on a busy lock answered 0 with deltas still there).
 */
export async function foldDeltas(tx: Queryable, batch: number): Promise<number> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('lanyard:report-fold'))");
  let moved = 0;
  for (const sql of FOLD_SQL) moved += (await tx.query(sql, [batch])).rowCount;
  return moved;
}
