import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  createEvent,
  createTicketType,
  json,
  otherOrganizationToken,
  problemOf,
  registerRaw,
} from './registration-fixtures.js';

interface QuestionBody {
  id: string;
  label: string;
  kind: string;
  required: boolean;
  options: string[];
  ticketTypeIds: string[] | null;
  position: number;
  status: string;
}

describe.each(['pglite', 'postgres'] as const)('custom questions over HTTP [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const questions = (eventId: string) => `/api/v1/events/${eventId}/questions`;
  const createQuestion = async (eventId: string, body: Record<string, unknown>) =>
    json<QuestionBody>(await t.api(questions(eventId), { body }), 201);
  const patchQuestion = (eventId: string, id: string, body: Record<string, unknown>) =>
    t.api(`${questions(eventId)}/${id}`, { method: 'PATCH', body });

  it('creates text, choice and checkbox questions and lists them in position order', async () => {
    const { id: eventId } = await createEvent(t);
    const company = await createQuestion(eventId, { label: 'Company', kind: 'text' });
    const shirt = await createQuestion(eventId, {
      label: 'T-shirt size',
      kind: 'choice',
      required: true,
      options: [' S ', 'M', 'L'],
    });
    const terms = await createQuestion(eventId, {
      label: 'I accept the code of conduct',
      kind: 'checkbox',
      required: true,
      position: 0,
    });
    expect(company).toMatchObject({
      kind: 'text',
      required: false,
      options: [],
      ticketTypeIds: null,
      position: 0,
      status: 'active',
    });
    expect(shirt).toMatchObject({ options: ['S', 'M', 'L'], required: true, position: 1 });

    const listed = await json<QuestionBody[]>(await t.api(questions(eventId)), 200);
    expect(listed.map((q) => q.id)).toEqual([company.id, terms.id, shirt.id]);
    expect(await json(await t.api(`${questions(eventId)}/${shirt.id}`), 200)).toEqual(shirt);
  });

  it('refuses a choice question without options or with repeated ones, and options on other kinds, field by field', async () => {
    const { id: eventId } = await createEvent(t);
    const none = await problemOf(
      await t.api(questions(eventId), { body: { label: 'Meal', kind: 'choice' } }),
      400,
      'validation_failed',
    );
    expect(none.errors).toEqual([
      { field: 'options', message: 'a choice question needs at least one option' },
    ]);
    const repeated = await problemOf(
      await t.api(questions(eventId), {
        body: { label: 'Meal', kind: 'choice', options: ['Vegan', 'Meat', 'VEGAN'] },
      }),
      400,
      'validation_failed',
    );
    expect(repeated.errors).toEqual([{ field: 'options.2', message: 'repeats "VEGAN"' }]);
    await problemOf(
      await t.api(questions(eventId), {
        body: { label: 'Company', kind: 'text', options: ['x'] },
      }),
      400,
      'validation_failed',
    );
    const shape = await problemOf(
      await t.api(questions(eventId), {
        body: { label: '', kind: 'essay', options: [''], required: 'yes' },
      }),
      400,
      'validation_failed',
    );
    expect((shape.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
      ['kind', 'label', 'options.0', 'required'].sort(),
    );
    expect(await json<QuestionBody[]>(await t.api(questions(eventId)), 200)).toEqual([]);
  });

  it('limits a question to ticket types of its own event', async () => {
    const { id: eventId } = await createEvent(t);
    const { id: otherEventId } = await createEvent(t);
    const mine = await createTicketType(t, eventId);
    const foreign = await createTicketType(t, otherEventId);
    const unknown = await problemOf(
      await t.api(questions(eventId), {
        body: { label: 'Dietary needs', kind: 'text', ticketTypeIds: [foreign] },
      }),
      400,
      'unknown_ticket_type',
    );
    expect(unknown.errors).toEqual([
      { field: 'ticketTypeIds.0', message: 'is not a ticket type of this event' },
    ]);
    const q = await createQuestion(eventId, {
      label: 'Dietary needs',
      kind: 'text',
      ticketTypeIds: [mine],
    });
    expect(q.ticketTypeIds).toEqual([mine]);
    const all = await json<QuestionBody>(
      await patchQuestion(eventId, q.id, { ticketTypeIds: null }),
      200,
    );
    expect(all.ticketTypeIds).toBeNull();
  });

  it('changes a question, drops the options of a choice turned into text, and refuses changes once archived', async () => {
    const { id: eventId } = await createEvent(t);
    const q = await createQuestion(eventId, {
      label: 'Meal',
      kind: 'choice',
      options: ['Vegan', 'Meat'],
    });
    const more = await json<QuestionBody>(
      await patchQuestion(eventId, q.id, { options: ['Vegan', 'Meat', 'Fish'], required: true }),
      200,
    );
    expect(more).toMatchObject({ options: ['Vegan', 'Meat', 'Fish'], required: true });
    await problemOf(await patchQuestion(eventId, q.id, { options: [] }), 400, 'validation_failed');
    const text = await json<QuestionBody>(
      await patchQuestion(eventId, q.id, { kind: 'text', label: 'Meal wishes' }),
      200,
    );
    expect(text).toMatchObject({ kind: 'text', options: [], label: 'Meal wishes' });

    const archived = await json<QuestionBody>(
      await t.api(`${questions(eventId)}/${q.id}/archive`, { method: 'POST' }),
      200,
    );
    expect(archived.status).toBe('archived');
    await problemOf(
      await patchQuestion(eventId, q.id, { label: 'Again' }),
      409,
      'question_archived',
    );
    expect(await json<QuestionBody[]>(await t.api(questions(eventId)), 200)).toEqual([]);
    expect(
      await json<QuestionBody[]>(await t.api(`${questions(eventId)}?includeArchived=true`), 200),
    ).toHaveLength(1);
  });

  it('answers 404 to another organization and to an unknown question', async () => {
    const { id: eventId } = await createEvent(t);
    const q = await createQuestion(eventId, { label: 'Company', kind: 'text' });
    const elsewhere = await otherOrganizationToken(t);
    await problemOf(await t.api(questions(eventId), { token: elsewhere }), 404, 'event_not_found');
    await problemOf(
      await t.api(`${questions(eventId)}/${q.id}`, { token: elsewhere }),
      404,
      'question_not_found',
    );
    await problemOf(
      await t.api(`${questions(eventId)}/${q.id}`, {
        token: elsewhere,
        method: 'PATCH',
        body: { label: 'Mine' },
      }),
      404,
      'event_not_found',
    );
    await problemOf(
      await t.api(`${questions(eventId)}/${q.id}/archive`, { token: elsewhere, method: 'POST' }),
      404,
      'question_not_found',
    );
    await problemOf(
      await t.api(`${questions(eventId)}/00000000-0000-4000-8000-000000000000`),
      404,
      'question_not_found',
    );
  });

  it('makes registration check required questions and choice answers field by field, asking each ticket type only its questions', async () => {
    const { id: eventId } = await createEvent(t);
    const regular = await createTicketType(t, eventId, { priceCents: 0 });
    const vip = await createTicketType(t, eventId, { priceCents: 0 });
    const company = await createQuestion(eventId, {
      label: 'Company',
      kind: 'text',
      required: true,
    });
    const shirt = await createQuestion(eventId, {
      label: 'T-shirt size',
      kind: 'choice',
      options: ['S', 'M', 'L'],
    });
    const conduct = await createQuestion(eventId, {
      label: 'Code of conduct',
      kind: 'checkbox',
      required: true,
    });
    const lounge = await createQuestion(eventId, {
      label: 'Lounge access time',
      kind: 'text',
      required: true,
      ticketTypeIds: [vip],
    });
    const sale = (ticketTypeId: string, answers: Record<string, unknown>, who: string) =>
      registerRaw(t, eventId, { ticketTypeId, quantity: 1, attendee: attendee(who), answers });

    const refused = await problemOf(
      await sale(regular, { [company.id]: '  ', [shirt.id]: 'XXL', [conduct.id]: false }, 'q1'),
      400,
      'validation_failed',
    );
    expect(refused.errors).toEqual([
      { field: `answers.${company.id}`, message: 'Company: is required' },
      { field: `answers.${shirt.id}`, message: 'T-shirt size: must be one of S, M, L' },
      { field: `answers.${conduct.id}`, message: 'Code of conduct: must be checked' },
    ]);
    const vipRefused = await problemOf(
      await sale(vip, { [company.id]: 'ACME', [conduct.id]: true }, 'q2'),
      400,
      'validation_failed',
    );
    expect(vipRefused.errors).toEqual([
      { field: `answers.${lounge.id}`, message: 'Lounge access time: is required' },
    ]);
    const foreignAnswer = await problemOf(
      await sale(regular, { [company.id]: 'ACME', [conduct.id]: true, [lounge.id]: '9:00' }, 'q3'),
      400,
      'validation_failed',
    );
    expect(foreignAnswer.errors).toEqual([
      { field: `answers.${lounge.id}`, message: 'is not a question of this event' },
    ]);

    const ok = await sale(
      regular,
      { [company.id]: ' ACME ', [shirt.id]: 'M', [conduct.id]: true },
      'q4',
    );
    const order = await json<{ id: string }>(ok, 201);
    const { rows } = await t.server.db.query<{ answers: Record<string, unknown> }>(
      'SELECT answers FROM orders WHERE id = $1',
      [order.id],
    );
    expect(rows[0]!.answers).toEqual({ [company.id]: 'ACME', [shirt.id]: 'M', [conduct.id]: true });

    // An archived question is no longer asked.
    await json(await t.api(`${questions(eventId)}/${company.id}/archive`, { method: 'POST' }), 200);
    expect((await sale(regular, { [conduct.id]: true }, 'q5')).status).toBe(201);
  });
});
