import { csvLine } from '../exports/csv-cells.js';
import type { Report, ReportCell } from './schema.js';

// Pure shaping of report rows: the derived figures (rates), column order, and CSV. No I/O.

export type Cells = Record<string, ReportCell>;

/** A SQL row's values as report cells: dates as ISO instants, bigint text stays text → number. */
export function toCells(row: Record<string, unknown>, columns: readonly string[]): Cells {
  const out: Cells = {};
  for (const c of columns) {
    const v = row[c];
    if (v === null || v === undefined) out[c] = null;
    else if (v instanceof Date) out[c] = v.toISOString();
    else if (typeof v === 'number' || typeof v === 'string') out[c] = numeric(c) ? Number(v) : v;
    else if (typeof v === 'boolean') out[c] = String(v);
    else out[c] = JSON.stringify(v);
  }
  return out;
}

// Cents and counts arrive as text (bigint) or numbers; everything else is kept as it is.
const NUMERIC =
  /(^|_)(cents|orders|tickets|refunds|uses|seats|left|registered|admitted|shows|waiting|offered|claimed|expired|cancelled|joined|rate|conversion)$/;
const numeric = (column: string) => NUMERIC.test(column);

/** Share of a whole, rounded to 4 places; null when the whole is 0 (no rate to speak of). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** No-shows: registered (valid tickets) never admitted, per type and a total row. */
export function noShowRows(
  rows: ReadonlyArray<{ registered: number; admitted: number } & Cells>,
): Cells[] {
  const out: Array<Cells & { registered: number; admitted: number }> = rows.map((r) => ({
    ...r,
    no_shows: r.registered - r.admitted,
    no_show_rate: rate(r.registered - r.admitted, r.registered),
  }));
  const registered = out.reduce((n, r) => n + r.registered, 0);
  const admitted = out.reduce((n, r) => n + r.admitted, 0);
  out.push({
    ticket_type_id: null,
    ticket_type: 'Total',
    registered,
    admitted,
    no_shows: registered - admitted,
    no_show_rate: rate(registered - admitted, registered),
  });
  return out;
}

const WAITLIST_STATES = ['waiting', 'offered', 'claimed', 'expired', 'cancelled'] as const;

/**
 * Waitlist per type: length now (waiting), offers out, and conversion = claimed / joined, where
 * joined counts every entry ever made (an entry has exactly one status at a time).
 */
export function waitlistRows(rows: readonly Cells[]): Cells[] {
  const shaped = rows.map((r) => {
    const n = Object.fromEntries(WAITLIST_STATES.map((s) => [s, Number(r[s] ?? 0)])) as Record<
      (typeof WAITLIST_STATES)[number],
      number
    >;
    const joined = WAITLIST_STATES.reduce((a, s) => a + n[s], 0);
    return {
      ticket_type_id: r.ticket_type_id ?? null,
      ticket_type: r.ticket_type ?? null,
      ...n,
      joined,
      conversion: rate(n.claimed, joined),
    };
  });
  return shaped.filter((r) => r.joined > 0);
}

/** The report as CSV: a header of its columns, then one line per row (formula-safe cells). */
export function reportCsv(report: Pick<Report, 'columns' | 'rows'>): string {
  return (
    csvLine(report.columns) +
    report.rows.map((r) => csvLine(report.columns.map((c) => r[c]))).join('')
  );
}
