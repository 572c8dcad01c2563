import type { Report } from '../client/types.js';

// A report as aligned text columns for a terminal: ids left out (CSV and JSON keep them), figures
// right-aligned, cents shown as units with two decimals.

const hidden = (c: string) => c.endsWith('_id') || c === 'bucket_start';

function cell(column: string, v: string | number | null): string {
  if (v === null) return '';
  if (column.endsWith('_cents') && typeof v === 'number') return (v / 100).toFixed(2);
  if ((column.endsWith('rate') || column === 'conversion') && typeof v === 'number')
    return `${(v * 100).toFixed(1)}%`;
  return String(v);
}

export function renderReport(r: Report): string[] {
  const columns = r.columns.filter((c) => !hidden(c));
  const head = columns.map((c) => c.replace(/_cents$/, '').replace(/_/g, ' '));
  const body = r.rows.map((row) => columns.map((c) => cell(c, row[c] ?? null)));
  const numeric = columns.map((c) => r.rows.some((row) => typeof row[c] === 'number'));
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((v, i) => (numeric[i] ? v.padStart(width[i]!) : v.padEnd(width[i]!)))
      .join('  ')
      .trimEnd();
  const title = `${r.kind}${r.bucket ? ` by ${r.bucket}` : ''} (${r.timezone})`;
  return [title, line(head), ...body.map(line), ...(body.length ? [] : ['(no rows)'])];
}
