import type { LanyardClient } from '../client/lanyard-client.js';
import type { Change, Kind, Plan } from './plan.js';
import { applyImages } from './images.js';
import { applyTexts } from './message-texts.js';
import { applyProgram } from './program-execute.js';
import { NO_PROGRAM } from './program-state.js';
import type {
  CheckinListState,
  CurrentState,
  EventState,
  PromoCodeState,
  QuestionState,
  QuotaState,
  TicketTypeState,
} from './state.js';

// Carries out a plan through the API: the event first, then ticket types (which the others
// reference by id), quotas, questions, promo codes and check-in lists; deletions (archives) last,
// dependents first; then the program, the images and the mail texts. Check-in lists are deleted before the others change, so a gate or name a
// dropped list held is free for another.

const lower = (s: string) => s.trim().toLowerCase();

/** The changed fields of an update, or the whole state of a create, as the API names them. */
function fieldsOf<S extends object>(c: Change<S>): Partial<S> {
  if (c.action === 'create') return { ...(c.desired as S) };
  return Object.fromEntries(c.diffs.map((d) => [d.field, d.to])) as Partial<S>;
}

export async function executePlan(
  client: LanyardClient,
  plan: Plan,
  current: CurrentState | undefined,
): Promise<string> {
  const of = <S>(kind: Kind) => plan.changes.filter((c) => c.kind === kind) as Change<S>[];
  const [eventChange] = of<EventState>('event');
  let eventId = plan.eventId;
  if (eventChange?.action === 'create')
    eventId = (await client.createEvent(eventChange.desired!)).id;
  else if (eventChange?.action === 'update')
    await client.updateEvent(eventId!, fieldsOf(eventChange));
  const id = eventId!;

  const typeIds = new Map((current?.ticketTypes ?? []).map((t) => [lower(t.name), t.id]));
  for (const c of of<TicketTypeState>('ticket type')) {
    if (c.action === 'create')
      typeIds.set(lower(c.name), (await client.ticketTypes.create(id, c.desired!)).id);
    else if (c.action === 'update') await client.ticketTypes.update(id, c.id!, fieldsOf(c));
  }
  const ids = (names: string[]) => names.map((n) => typeIds.get(lower(n))!);
  const withIds = <T extends { ticketTypes?: string[] | null }>(f: T) => {
    const { ticketTypes, ...rest } = f;
    return ticketTypes === undefined
      ? rest
      : { ...rest, ticketTypeIds: ticketTypes && ids(ticketTypes) };
  };

  for (const c of of<QuotaState>('quota')) {
    if (c.action === 'create') await client.quotas.create(id, withIds(fieldsOf(c)) as never);
    else if (c.action === 'update')
      await client.quotas.update(id, c.id!, withIds(fieldsOf(c)) as never);
  }
  for (const c of of<QuestionState>('question')) {
    if (c.action === 'create') await client.questions.create(id, withIds(fieldsOf(c)) as never);
    else if (c.action === 'update')
      await client.questions.update(id, c.id!, withIds(fieldsOf(c)) as never);
  }
  for (const c of of<PromoCodeState>('promo code')) {
    if (c.action === 'create') await client.promoCodes.create(id, withIds(fieldsOf(c)) as never);
    else if (c.action === 'update')
      await client.promoCodes.update(id, c.id!, withIds(fieldsOf(c)) as never);
  }

  const deletes = (kind: Kind) => of(kind).filter((c) => c.action === 'delete');
  await applyCheckinLists(client, id, of<CheckinListState>('check-in list'), withIds);
  for (const c of deletes('promo code')) await client.promoCodes.archive(id, c.id!);
  for (const c of deletes('question')) await client.questions.archive(id, c.id!);
  for (const c of deletes('quota')) await client.quotas.archive(id, c.id!);
  for (const c of deletes('ticket type')) await client.ticketTypes.archive(id, c.id!);
  await applyProgram(client, id, plan.changes, current?.program ?? NO_PROGRAM);
  await applyImages(client, id, plan.changes);
  await applyTexts(client, id, plan.changes, current?.messageTexts ?? []);
  return id;
}

async function applyCheckinLists(
  client: LanyardClient,
  id: string,
  changes: Change<CheckinListState>[],
  body: (f: Partial<CheckinListState>) => object,
): Promise<void> {
  const lists = client.checkinLists;
  for (const c of changes) if (c.action === 'delete') await lists.delete(id, c.id!);
  const updates = changes.filter((c) => c.action === 'update');
  // A gate moving between two lists: first every list lets go of the gates it loses.
  for (const c of updates) {
    const gates = c.diffs.find((d) => d.field === 'gates');
    if (!gates) continue;
    const keep = (gates.from as string[]).filter((g) => (gates.to as string[]).includes(g));
    await lists.update(id, c.id!, { gates: keep });
  }
  for (const c of updates) await lists.update(id, c.id!, body(fieldsOf(c)) as never);
  for (const c of changes)
    if (c.action === 'create') await lists.create(id, body(fieldsOf(c)) as never);
}
