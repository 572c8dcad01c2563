import type { Queryable } from '../../platform/db/db.js';
import type { Question } from './schema.js';

// All SQL of questions. Registration reads the same table (registration/store.ts loadQuestions).

interface QuestionRow {
  id: string;
  event_id: string;
  label: string;
  kind: Question['kind'];
  required: boolean;
  options: string[];
  ticket_type_ids: string[] | null;
  position: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

function toQuestion(r: QuestionRow): Question {
  return {
    id: r.id,
    eventId: r.event_id,
    label: r.label,
    kind: r.kind,
    required: r.required,
    options: r.options,
    ticketTypeIds: r.ticket_type_ids,
    position: r.position,
    status: r.archived_at ? 'archived' : 'active',
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export type QuestionFields = Pick<
  Question,
  'label' | 'kind' | 'required' | 'options' | 'ticketTypeIds'
> & { position: number | undefined };

/** Appended after the event's existing questions unless a position is given. */
export async function insertQuestion(
  tx: Queryable,
  eventId: string,
  q: QuestionFields,
): Promise<Question> {
  const { rows } = await tx.query<QuestionRow>(
    `INSERT INTO questions (event_id, label, kind, required, options, ticket_type_ids, position)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::uuid[],
       coalesce($7, (SELECT count(*) FROM questions WHERE event_id = $1 AND archived_at IS NULL)))
     RETURNING *`,
    [
      eventId,
      q.label,
      q.kind,
      q.required,
      JSON.stringify(q.options),
      q.ticketTypeIds,
      q.position ?? null,
    ],
  );
  return toQuestion(rows[0]!);
}

export async function findQuestion(
  db: Queryable,
  eventId: string,
  questionId: string,
  forUpdate = false,
): Promise<Question | undefined> {
  const { rows } = await db.query<QuestionRow>(
    `SELECT * FROM questions WHERE id = $1 AND event_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [questionId, eventId],
  );
  return rows[0] && toQuestion(rows[0]);
}

/** In the order attendees see them. */
export async function listQuestions(
  db: Queryable,
  eventId: string,
  includeArchived: boolean,
): Promise<Question[]> {
  const { rows } = await db.query<QuestionRow>(
    `SELECT * FROM questions WHERE event_id = $1 AND ($2::boolean OR archived_at IS NULL)
     ORDER BY position, created_at, id`,
    [eventId, includeArchived],
  );
  return rows.map(toQuestion);
}

export async function updateQuestion(
  tx: Queryable,
  id: string,
  q: QuestionFields & { position: number },
): Promise<Question> {
  const { rows } = await tx.query<QuestionRow>(
    `UPDATE questions SET label = $2, kind = $3, required = $4, options = $5::jsonb,
       ticket_type_ids = $6::uuid[], position = $7, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, q.label, q.kind, q.required, JSON.stringify(q.options), q.ticketTypeIds, q.position],
  );
  return toQuestion(rows[0]!);
}

export async function archiveQuestion(tx: Queryable, id: string): Promise<Question> {
  const { rows } = await tx.query<QuestionRow>(
    `UPDATE questions SET archived_at = coalesce(archived_at, now()), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id],
  );
  return toQuestion(rows[0]!);
}
