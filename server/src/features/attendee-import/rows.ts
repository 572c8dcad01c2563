import { z } from 'zod';
import { validateAnswers, type Answer, type Question } from '../registration/answers.js';
import type { ImportRow, RowError } from './schema.js';

// Pure checks of import rows: each bad row becomes one error naming its line; good rows carry
// the resolved ticket type and the natural key (event + email + ticket type) used to skip repeats.

export interface KnownTicketType {
  id: string;
  name: string;
  currency: string;
}

export interface CheckedRow {
  line: number;
  name: string;
  email: string;
  emailNormalized: string;
  ticketType: KnownTicketType;
  answers: Record<string, Answer>;
}

/** A question as the import checks it: registration's rule, for the types it is asked for. */
export interface ImportQuestion extends Question {
  /** null: asked for every ticket type. */
  ticketTypeIds: string[] | null;
}

export interface CheckedBatch {
  rows: CheckedRow[];
  errors: RowError[];
  /** Rows repeating an earlier row of the same batch (same email and ticket type). */
  repeated: number;
}

const Email = z.email();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Email as compared for the natural key: trimmed and lower-cased (as registration does). */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const naturalKey = (emailNormalized: string, ticketTypeId: string) =>
  `${ticketTypeId} ${emailNormalized}`;

export function checkRows(
  input: ImportRow[],
  ticketTypes: KnownTicketType[],
  questions: readonly ImportQuestion[],
): CheckedBatch {
  const questionIds = new Set(questions.map((q) => q.id));
  const byName = new Map(ticketTypes.map((t) => [t.name.trim().toLowerCase(), t]));
  const byId = new Map(ticketTypes.map((t) => [t.id.toLowerCase(), t]));
  const seen = new Set<string>();
  const rows: CheckedRow[] = [];
  const errors: RowError[] = [];
  let repeated = 0;
  for (const r of input) {
    const fail = (code: string, message: string) => errors.push({ line: r.line, code, message });
    const name = r.name.trim();
    const email = r.email.trim();
    const typeRef = r.ticketType.trim();
    if (!name) {
      fail('missing_name', 'name is empty');
      continue;
    }
    if (name.length > 200) {
      fail('invalid_name', 'name is longer than 200 characters');
      continue;
    }
    if (!email) {
      fail('missing_email', 'email is empty');
      continue;
    }
    if (email.length > 254 || !Email.safeParse(email).success) {
      fail('invalid_email', `email "${email}" is not an email address`);
      continue;
    }
    if (!typeRef) {
      fail('missing_ticket_type', 'ticket_type is empty');
      continue;
    }
    const ticketType =
      byName.get(typeRef.toLowerCase()) ??
      (UUID.test(typeRef) ? byId.get(typeRef.toLowerCase()) : undefined);
    if (!ticketType) {
      fail('unknown_ticket_type', `ticket type "${typeRef}" is not on sale for this event`);
      continue;
    }
    const unknownQuestion = Object.keys(r.answers ?? {}).find((id) => !questionIds.has(id));
    if (unknownQuestion !== undefined) {
      fail('unknown_question', `"${unknownQuestion}" is not a question of this event`);
      continue;
    }
    // The questions registration asks for this type, checked as the portal checks them.
    const asked = questions.filter(
      (q) => !q.ticketTypeIds || q.ticketTypeIds.includes(ticketType.id),
    );
    const answered = validateAnswers(asked, cellAnswers(asked, r.answers ?? {}));
    if (!answered.ok) {
      const issue = answered.issues[0]!;
      const q = asked.find((x) => issue.field === `answers.${x.id}`);
      // Messages read "<label>: <problem>"; the row's error names the question by its label.
      const problem = q ? issue.message.slice(q.label.length + 2) : issue.message;
      const missing = problem === 'is required' || problem === 'must be checked';
      fail(missing ? 'missing_answer' : 'invalid_answer', `answer to "${q?.label}" ${problem}`);
      continue;
    }
    const emailNormalized = normalizeEmail(email);
    const key = naturalKey(emailNormalized, ticketType.id);
    if (seen.has(key)) {
      repeated++;
      continue;
    }
    seen.add(key);
    rows.push({
      line: r.line,
      name,
      email,
      emailNormalized,
      ticketType,
      answers: answered.answers,
    });
  }
  return { rows, errors, repeated };
}

const YES = new Set(['true', 'yes', 'y', '1', 'x']);
const NO = new Set(['false', 'no', 'n', '0', '']);

/**
 * CSV cells as registration answers: only this type's questions; a checkbox cell reads yes/no
 * (true, yes, y, 1, x / false, no, n, 0, empty), anything else is left for the check to refuse.
 */
function cellAnswers(
  asked: readonly ImportQuestion[],
  cells: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of asked) {
    const cell = cells[q.id];
    if (cell === undefined) continue;
    const word = cell.trim().toLowerCase();
    out[q.id] = q.kind !== 'checkbox' ? cell : YES.has(word) ? true : NO.has(word) ? false : cell;
  }
  return out;
}
