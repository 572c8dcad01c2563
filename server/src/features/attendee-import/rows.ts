import { z } from 'zod';
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
  answers: Record<string, string>;
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
  questionIds: ReadonlySet<string>,
): CheckedBatch {
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
    const emailNormalized = normalizeEmail(email);
    const key = naturalKey(emailNormalized, ticketType.id);
    if (seen.has(key)) {
      repeated++;
      continue;
    }
    seen.add(key);
    rows.push({ line: r.line, name, email, emailNormalized, ticketType, answers: r.answers ?? {} });
  }
  return { rows, errors, repeated };
}
