import { inputError } from '../errors.js';

// Which CSV column holds what: the three required fields (name, email, ticket_type), renamed by
// --map, and extra columns that answer the event's questions by their label.

export const REQUIRED = ['name', 'email', 'ticket_type'] as const;
export type Field = (typeof REQUIRED)[number];

export interface ColumnPlan {
  name: number;
  email: number;
  ticketType: number;
  answers: { index: number; questionId: string }[];
  /** Header names the import does not use. */
  ignored: string[];
  width: number;
}

const norm = (s: string) => s.trim().toLowerCase();

/** `--map email="E-Mail address"` → { email: 'E-Mail address' }; each FIELD=COLUMN once. */
export function parseMap(entries: string[]): Partial<Record<Field, string>> {
  const map: Partial<Record<Field, string>> = {};
  for (const entry of entries.flatMap((e) => e.split(/,(?=\s*\w+\s*=)/))) {
    const m = /^\s*(\w+)\s*=(.+)$/.exec(entry);
    const field = m?.[1]?.toLowerCase() as Field | undefined;
    if (!m || !field || !(REQUIRED as readonly string[]).includes(field)) {
      throw inputError(
        'map_invalid',
        `--map "${entry}": write FIELD=COLUMN with FIELD one of ${REQUIRED.join(', ')}`,
      );
    }
    map[field] = m[2]!.trim().replace(/^"(.*)"$/, '$1');
  }
  return map;
}

export function planColumns(
  header: string[],
  map: Partial<Record<Field, string>>,
  questions: { id: string; label: string }[],
): ColumnPlan {
  const names = header.map(norm);
  const find = (field: Field) => {
    const wanted = norm(map[field] ?? field);
    const i = names.indexOf(wanted);
    if (i === -1) {
      throw inputError(
        'csv_missing_column',
        `line 1: the header has no column "${map[field] ?? field}" (columns: ${header.join(', ')}); add it or use --map ${field}=COLUMN`,
      );
    }
    return i;
  };
  const used = new Set<number>();
  const name = find('name');
  const email = find('email');
  const ticketType = find('ticket_type');
  [name, email, ticketType].forEach((i) => used.add(i));
  const byLabel = new Map(questions.map((q) => [norm(q.label), q.id]));
  const answers: ColumnPlan['answers'] = [];
  const ignored: string[] = [];
  names.forEach((n, index) => {
    if (used.has(index)) return;
    const questionId = byLabel.get(n);
    if (questionId) answers.push({ index, questionId });
    else ignored.push(header[index]!);
  });
  return { name, email, ticketType, answers, ignored, width: header.length };
}
