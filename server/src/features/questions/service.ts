import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { findEvent } from '../events/store.js';
import { eventTicketTypeIds, refuseUnknownTicketTypes } from '../quotas/ticket-type-refs.js';
import { questionShapeIssues } from './rules.js';
import type { CreateQuestionInput, Question, UpdateQuestionInput } from './schema.js';
import * as store from './store.js';
import { recorded } from '../audit/service.js';

// Use cases of custom questions: one exported function each, one transaction each. Answers are
// keyed by question id, so archiving (never deleting) keeps past orders' answers readable.

export async function createQuestion(
  db: Db,
  actor: Principal,
  eventId: string,
  input: CreateQuestionInput,
): Promise<Question> {
  return db.transaction(async (tx) => {
    await activeEvent(tx, actor, eventId);
    const fields = { ...input, options: input.options ?? [], position: input.position };
    await checkQuestion(tx, eventId, fields);
    return recorded(
      tx,
      actor,
      'question.created',
      eventId,
      null,
      await store.insertQuestion(tx, eventId, fields),
    );
  });
}

export async function listQuestions(
  db: Db,
  actor: Principal,
  eventId: string,
  includeArchived: boolean,
): Promise<Question[]> {
  if (!(await findEvent(db, actor.organizationId, eventId))) throw notFound('event', eventId);
  return store.listQuestions(db, eventId, includeArchived);
}

export async function getQuestion(
  db: Db,
  actor: Principal,
  eventId: string,
  questionId: string,
): Promise<Question> {
  const event = await findEvent(db, actor.organizationId, eventId);
  const question = event && (await store.findQuestion(db, eventId, questionId));
  if (!question) throw notFound('question', questionId);
  return question;
}

/** Changes some fields; a question turned from choice into another kind drops its options. */
export async function updateQuestion(
  db: Db,
  actor: Principal,
  eventId: string,
  questionId: string,
  patch: UpdateQuestionInput,
): Promise<Question> {
  return db.transaction(async (tx) => {
    await activeEvent(tx, actor, eventId);
    const current = await store.findQuestion(tx, eventId, questionId, true);
    if (!current) throw notFound('question', questionId);
    if (current.status === 'archived')
      throw conflict('question_archived', 'An archived question cannot be changed.');
    const kind = patch.kind ?? current.kind;
    const next = {
      label: patch.label ?? current.label,
      kind,
      required: patch.required ?? current.required,
      options: patch.options ?? (kind === 'choice' ? current.options : []),
      ticketTypeIds:
        patch.ticketTypeIds === undefined ? current.ticketTypeIds : patch.ticketTypeIds,
      position: patch.position ?? current.position,
    };
    await checkQuestion(tx, eventId, next);
    return recorded(
      tx,
      actor,
      'question.updated',
      eventId,
      current,
      await store.updateQuestion(tx, questionId, next),
    );
  });
}

/** Archives a question: registrations no longer ask it; answers already given stay on their orders. */
export async function archiveQuestion(
  db: Db,
  actor: Principal,
  eventId: string,
  questionId: string,
): Promise<Question> {
  return db.transaction(async (tx) => {
    const event = await findEvent(tx, actor.organizationId, eventId);
    const current = event && (await store.findQuestion(tx, eventId, questionId, true));
    if (!current) throw notFound('question', questionId);
    return recorded(
      tx,
      actor,
      'question.archived',
      eventId,
      current,
      await store.archiveQuestion(tx, questionId),
    );
  });
}

async function activeEvent(tx: Queryable, actor: Principal, eventId: string): Promise<void> {
  const event = await findEvent(tx, actor.organizationId, eventId);
  if (!event) throw notFound('event', eventId);
  if (event.status === 'archived')
    throw conflict('event_archived', 'The questions of an archived event cannot be changed.');
}

async function checkQuestion(
  tx: Queryable,
  eventId: string,
  q: Pick<Question, 'kind' | 'options' | 'ticketTypeIds'>,
): Promise<void> {
  const issues = questionShapeIssues(q);
  if (issues.length > 0)
    throw invalid('validation_failed', `${issues[0]!.field}: ${issues[0]!.message}`, issues);
  if (q.ticketTypeIds)
    refuseUnknownTicketTypes(
      q.ticketTypeIds,
      await eventTicketTypeIds(tx, eventId, q.ticketTypeIds),
    );
}
