import type { Response } from 'express';
import type { Db } from '../../platform/db/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { csvLine, type Cell } from './csv-cells.js';
import type { ExportFormat, ExportKind } from './schema.js';
import * as store from './store.js';

const PAGE = 1000;

const COLUMNS: Record<store.StoredExport, string[]> = {
  attendees: [
    'ticket_id',
    'name',
    'email',
    'ticket_type',
    'status',
    'order_id',
    'order_status',
    'created_at',
    // …then one column per question, headed by its label (questionColumns).
  ],
  orders: [
    'order_id',
    'status',
    'name',
    'email',
    'phone',
    'ticket_type',
    'quantity',
    'subtotal_cents',
    'discount_cents',
    'total_cents',
    'refunded_cents',
    'currency',
    'payment_method',
    'promo_code',
    'created_at',
  ],
  checkins: [
    'scan_id',
    'ticket_id',
    'name',
    'email',
    'ticket_type',
    'list',
    'gate',
    'direction',
    'result',
    'reason',
    'origin',
    'device',
    'scanned_at',
    'received_at',
  ],
};

/** Checks what can be checked before the first byte is sent; afterwards errors can only cut the stream. */
export async function prepareExport(
  db: Db,
  actor: Principal,
  eventId: string,
  kind: ExportKind,
): Promise<store.StoredExport> {
  if (!(await store.eventExists(db, actor.organizationId, eventId)))
    throw notFound('event', eventId);
  if (kind === 'checkins' && !(await store.tableExists(db, 'checkin_scans'))) {
    throw conflict(
      'export_unavailable',
      'This server does not record check-ins yet; export attendees or orders.',
    );
  }
  return kind;
}

/** Streams every row, one page at a time, waiting for the client to take each page. */
export async function streamExport(
  db: Db,
  eventId: string,
  kind: store.StoredExport,
  format: ExportFormat,
  res: Response,
): Promise<void> {
  // Attendees carry their answers under the questions' labels, which people can read.
  const questions = kind === 'attendees' ? await store.eventQuestions(db, eventId) : [];
  const labels = questionColumns(questions);
  const columns = [...COLUMNS[kind], ...labels];
  const labelled = (row: Record<string, unknown>) => {
    const given = typeof row.answers === 'string' ? (JSON.parse(row.answers) as Answers) : {};
    const answers: Record<string, unknown> = {};
    questions.forEach((q, i) => {
      if (given[q.id] !== undefined) answers[labels[i]!] = given[q.id];
    });
    const { answers: _raw, ...rest } = row;
    return kind === 'attendees' ? { ...rest, answers } : row;
  };
  res.status(200);
  res.setHeader(
    'content-type',
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
  );
  res.setHeader('content-disposition', `attachment; filename="${kind}-${eventId}.${format}"`);
  let first = true;
  await write(res, format === 'csv' ? csvLine(columns) : '[');
  let from: store.PageKey | undefined;
  do {
    const page = await store.exportPage(db, kind, eventId, from, PAGE);
    let chunk = '';
    for (const row of page.rows) {
      const out = labelled(row);
      const answers = (out.answers ?? {}) as Record<string, Cell>;
      if (format === 'csv')
        chunk += csvLine(
          columns.map((c, i) => (i < COLUMNS[kind].length ? (out[c] as Cell) : answers[c])),
        );
      else {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(jsonRow(out))}`;
        first = false;
      }
    }
    if (chunk) await write(res, chunk);
    from = page.next;
  } while (from && !res.destroyed);
  res.end(format === 'csv' ? '' : '\n]\n');
}

type Answers = Record<string, string | boolean>;

/**
 * Column headings for the questions, in the organizer's order: the label, with " (2)", " (3)" …
 * after a label an earlier question already has, so no answer hides another.
 */
export function questionColumns(questions: readonly { label: string }[]): string[] {
  const seen = new Map<string, number>();
  return questions.map((q) => {
    const n = (seen.get(q.label) ?? 0) + 1;
    seen.set(q.label, n);
    return n === 1 ? q.label : `${q.label} (${n})`;
  });
}

/** JSON keeps numbers as numbers; answers are an object keyed by question label. */
function jsonRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.endsWith('_cents') && typeof v === 'string') out[k] = Number(v);
    else out[k] = v;
  }
  return out;
}

function write(res: Response, data: string): Promise<void> {
  if (res.write(data)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('client went away'));
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
