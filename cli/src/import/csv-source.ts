import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { CliError, inputError } from '../errors.js';

export interface CsvRecord {
  /** Line of the file the record starts on (1: the header). */
  line: number;
  fields: string[];
}

const CANDIDATES = [',', ';', '\t'] as const;

/** The delimiter of a header line: the candidate that occurs most often outside quotes. */
export function detectDelimiter(firstLine: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

/** The first line of the file, BOM removed, read without reading the whole file. */
export async function readFirstLine(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw inputError('csv_unreadable', `cannot read ${path}`);
  }
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

// A line break is CRLF, LF or CR. (csv-parse's raw text keeps only the CR of a CRLF record
// delimiter, so counting any of the three counts each break once.)
const BREAKS = /\r\n|\n|\r/g;
const newlines = (s: string) => s.match(BREAKS)?.length ?? 0;

/**
 * Records of a CSV file, streamed (the file is never in memory whole), each with the line it
 * starts on, so errors can name it even when quoted fields span lines.
 */
export async function* csvRecords(path: string, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  let consumed = 0;
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const leading = /^(?:\r\n|\n|\r)*/.exec(r.raw)![0];
      const line = consumed + newlines(leading) + 1;
      consumed += newlines(r.raw);
      yield { line, fields: r.record.map((f) => f.replace(/\r$/, '')) };
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    const e = err as Error & { code?: string; lines?: number };
    throw inputError(
      'csv_invalid',
      `${path}:${e.lines ?? consumed + 1}: ${e.message.replace(/^Invalid \w+: /, '')}`,
    );
  }
}
