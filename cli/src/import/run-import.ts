import type { LanyardClient } from '../client/lanyard-client.js';
import type { ImportRow, RowError } from '../client/types.js';
import { inputError } from '../errors.js';
import { planColumns, type Field } from './columns.js';
import { csvRecords, detectDelimiter, readFirstLine } from './csv-source.js';

export interface ImportOptions {
  file: string;
  eventId: string;
  map: Partial<Record<Field, string>>;
  delimiter: string | undefined;
  dryRun: boolean;
  invite: boolean;
  batchSize: number;
  /** Batches sent at once. */
  concurrency: number;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  rows: number;
  imported: number;
  skipped: number;
  errors: number;
}

export interface ImportReport {
  imported: number;
  skipped: number;
  errors: RowError[];
  dryRun: boolean;
  rows: number;
  ignoredColumns: string[];
}

/**
 * Streams the CSV into batches for the server's bulk endpoint, a few in flight while the next is
 * read; rows the file itself gets wrong (field count) are reported without sending them.
 */
export async function runImport(client: LanyardClient, o: ImportOptions): Promise<ImportReport> {
  const delimiter = o.delimiter ?? detectDelimiter(await readFirstLine(o.file));
  const questions = await client.questions.list(o.eventId);
  const records = csvRecords(o.file, delimiter);
  const first = await records.next();
  if (first.done) throw inputError('csv_empty', `${o.file} is empty; it needs a header line`);
  const cols = planColumns(first.value.fields, o.map, questions);

  const report: ImportReport = {
    imported: 0,
    skipped: 0,
    errors: [],
    dryRun: o.dryRun,
    rows: 0,
    ignoredColumns: cols.ignored,
  };
  const progress = () =>
    o.onProgress?.({
      rows: report.rows,
      imported: report.imported,
      skipped: report.skipped,
      errors: report.errors.length,
    });
  // A few batches in flight: the server's parsing and checks overlap; its writes are serialized.
  const inFlight = new Set<Promise<void>>();
  const send = async (rows: ImportRow[]) => {
    const r = await client.importAttendees(o.eventId, rows, { dryRun: o.dryRun, invite: o.invite });
    report.imported += r.imported;
    report.skipped += r.skipped;
    for (const e of r.errors) report.errors.push({ line: e.line, message: e.message });
    progress();
  };

  let batch: ImportRow[] = [];
  for await (const rec of records) {
    report.rows++;
    if (rec.fields.length !== cols.width) {
      report.errors.push({
        line: rec.line,
        message: `has ${rec.fields.length} fields, the header has ${cols.width}`,
      });
      continue;
    }
    const answers: Record<string, string> = {};
    for (const a of cols.answers)
      if (rec.fields[a.index]) answers[a.questionId] = rec.fields[a.index]!;
    batch.push({
      line: rec.line,
      name: rec.fields[cols.name]!,
      email: rec.fields[cols.email]!,
      ticketType: rec.fields[cols.ticketType]!,
      ...(cols.answers.length ? { answers } : {}),
    });
    if (batch.length >= o.batchSize) {
      if (inFlight.size >= o.concurrency) await Promise.race(inFlight);
      const p: Promise<void> = send(batch).finally(() => inFlight.delete(p));
      // Rejections surface through Promise.race/all below, not as unhandled ones meanwhile.
      p.catch(() => undefined);
      inFlight.add(p);
      batch = [];
    }
  }
  if (batch.length) inFlight.add(send(batch));
  await Promise.all(inFlight);
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}
