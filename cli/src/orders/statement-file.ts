import { inputError } from '../errors.js';
import { csvRecords, detectDelimiter, readFirstLine } from '../import/csv-source.js';
import type { StatementEntry } from '../client/orders-api.js';

// A bank statement exported as CSV, read as the transfers that came in: the purpose (where the
// buyer wrote the payment reference), the amount and, when the bank gives one, the currency.
// Banks name these columns differently; the usual names are found, --*-column names others.

const PURPOSE = [
  'purpose',
  'reference',
  'payment reference',
  'remittance information',
  'description',
  'memo',
  'details',
  'verwendungszweck',
  'buchungstext',
];
const AMOUNT = ['amount', 'credit', 'value', 'betrag', 'umsatz'];
const CURRENCY = ['currency', 'währung', 'waehrung'];

export interface StatementColumns {
  purpose?: string | undefined;
  amount?: string | undefined;
}

export interface StatementFile {
  entries: StatementEntry[];
  /** Lines that are not money coming in (debits, zero, blank amounts). */
  skipped: number;
}

/** The incoming transfers of a statement file; a column that cannot be found is exit 2. */
export async function readStatement(path: string, names: StatementColumns): Promise<StatementFile> {
  const delimiter = detectDelimiter(await readFirstLine(path));
  const records = csvRecords(path, delimiter);
  const first = await records.next();
  const header = first.done ? undefined : first.value;
  if (!header) throw inputError('csv_empty', `${path} has no header line`);
  const headers = header.fields.map((h) => h.trim().toLowerCase());
  const purpose = column(headers, names.purpose, PURPOSE, 'purpose', '--purpose-column');
  const amount = column(headers, names.amount, AMOUNT, 'amount', '--amount-column');
  const currency = headers.findIndex((h) => CURRENCY.includes(h));

  const entries: StatementEntry[] = [];
  let skipped = 0;
  for await (const r of records) {
    const cents = parseAmount(r.fields[amount] ?? '');
    if (cents === undefined) {
      throw inputError(
        'amount_invalid',
        `${path}:${r.line}: "${r.fields[amount]}" is not an amount`,
      );
    }
    if (cents <= 0) {
      skipped++;
      continue;
    }
    const cur = currency >= 0 ? r.fields[currency]?.trim().toUpperCase() : undefined;
    entries.push({
      line: r.line,
      // Every cell: some banks split the purpose over several columns.
      text: [r.fields[purpose] ?? '', ...r.fields.filter((_, i) => i !== purpose)].join(' '),
      amountCents: cents,
      ...(cur && /^[A-Z]{3}$/.test(cur) && { currency: cur }),
    });
  }
  return { entries, skipped };
}

function column(
  headers: string[],
  given: string | undefined,
  known: string[],
  what: string,
  flag: string,
): number {
  const i = given
    ? headers.indexOf(given.trim().toLowerCase())
    : headers.findIndex((h) => known.includes(h));
  if (i < 0) {
    throw inputError(
      'column_missing',
      given
        ? `the statement has no column "${given}"`
        : `cannot tell which column holds the ${what} (tried ${known.join(', ')}); name it with ${flag}`,
    );
  }
  return i;
}

/**
 * An amount as banks write it, in minor units: `98.00`, `98,00`, `1.234,56`, `1,234.56`,
 * `-49,00 EUR`, `+98`. The last `.` or `,` followed by one or two digits is the decimal mark.
 * Undefined when it is not an amount; blank is 0 (a line without money).
 */
export function parseAmount(text: string): number | undefined {
  const bare = text.replace(/[\s\u00a0']/g, '');
  if (bare === '') return 0;
  const t = bare.replace(/^(?:[A-Za-z]{3}|[€$£])|(?:[A-Za-z]{3}|[€$£])$/g, '');
  const m = /^([+-]?)([\d.,]*?)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m || (m[2] === '' && m[3] === undefined) || !/^\d{1,3}([.,]?\d{3})*$|^\d+$|^$/.test(m[2]!)) {
    return undefined;
  }
  const whole = Number(m[2]!.replace(/[.,]/g, '') || '0');
  const fraction = Number((m[3] ?? '0').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return m[1] === '-' ? -cents : cents;
}
