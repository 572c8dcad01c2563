import type {
  CheckinListState,
  CurrentState,
  DesiredState,
  EventState,
  PromoCodeState,
  QuestionState,
  QuotaState,
  TicketTypeState,
} from './state.js';
import {
  NO_PROGRAM,
  type CurrentProgram,
  type ProgramState,
  type SessionState,
} from './program-state.js';
import { textName } from './message-texts.js';

// The plan: what apply would create, update and delete to make the server match the file. Pure.

export type Kind =
  | 'event'
  | 'ticket type'
  | 'quota'
  | 'question'
  | 'promo code'
  | 'check-in list'
  | 'room'
  | 'track'
  | 'speaker'
  | 'session'
  | 'image'
  | 'mail text';
export type Action = 'create' | 'update' | 'delete' | 'unchanged';

export interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
}

export interface Change<S = unknown> {
  action: Action;
  kind: Kind;
  /** The name (label, code) the file knows it by. */
  name: string;
  /** Server id of an existing object. */
  id?: string;
  /** create: the whole desired state; update: only the changed fields. */
  desired?: S;
  diffs: FieldDiff[];
  /** Why deleting it needs --force (it has sales or uses). */
  inUse?: string;
}

export interface Plan {
  eventId: string | undefined;
  changes: Change[];
}

const INSTANT_FIELDS = new Set([
  'startsAt',
  'endsAt',
  'salesStart',
  'salesEnd',
  'validFrom',
  'validUntil',
]);
const NAME_SETS = new Set(['ticketTypes']);
/** Sets whose members compare exactly (gates are named as scanners send them). */
const EXACT_SETS = new Set(['gates', 'smsKinds']);

const sameInstant = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);

function same(field: string, a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined)
    return (a ?? null) === (b ?? null);
  if (INSTANT_FIELDS.has(field)) return Date.parse(String(a)) === Date.parse(String(b));
  if (NAME_SETS.has(field) && Array.isArray(a) && Array.isArray(b)) {
    const norm = (xs: unknown[]) =>
      xs
        .map((x) => String(x).toLowerCase())
        .sort()
        .join('\n');
    return norm(a) === norm(b);
  }
  if (EXACT_SETS.has(field) && Array.isArray(a) && Array.isArray(b))
    return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  if (field === 'window') {
    const [x, y] = [a, b] as { from: string | null; until: string | null }[];
    return sameInstant(x!.from, y!.from) && sameInstant(x!.until, y!.until);
  }
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  // A group of fields (the branding): equal when every field is.
  if (typeof a === 'object' && typeof b === 'object')
    return Object.keys({ ...a, ...b }).every((k) =>
      same(k, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    );
  return a === b;
}

export function diffFields<S extends object>(desired: S, current: S): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of Object.keys(desired) as (keyof S & string)[]) {
    if (!same(field, desired[field], current[field]))
      diffs.push({ field, from: current[field], to: desired[field] });
  }
  return diffs;
}

/** One collection: matched by a key (name ignoring case); the rest created or deleted. */
function diffCollection<S extends object, C extends S & { id: string }>(
  kind: Kind,
  desired: S[],
  current: C[],
  keyOf: (s: S) => string,
  nameOf: (s: S) => string,
  inUse: (c: C) => string | undefined,
): Change<S>[] {
  const byKey = new Map(current.map((c) => [keyOf(c), c]));
  const changes: Change<S>[] = [];
  for (const d of desired) {
    const c = byKey.get(keyOf(d));
    if (!c) {
      changes.push({ action: 'create', kind, name: nameOf(d), desired: d, diffs: [] });
      continue;
    }
    byKey.delete(keyOf(d));
    const { id: _id, ...rest } = c;
    const diffs = diffFields(d, rest as unknown as S);
    changes.push({
      action: diffs.length ? 'update' : 'unchanged',
      kind,
      name: nameOf(d),
      id: c.id,
      diffs,
      ...(diffs.length ? { desired: d } : {}),
    });
  }
  for (const c of byKey.values()) {
    const why = inUse(c);
    changes.push({
      action: 'delete',
      kind,
      name: nameOf(c),
      id: c.id,
      diffs: [],
      ...(why ? { inUse: why } : {}),
    });
  }
  return changes;
}

const lower = (s: string) => s.trim().toLowerCase();

export function planChanges(desired: DesiredState, current: CurrentState | undefined): Plan {
  const changes: Change[] = [];
  if (!current) {
    changes.push({
      action: 'create',
      kind: 'event',
      name: desired.event.name,
      desired: desired.event,
      diffs: [],
    });
  } else {
    const { id, ...rest } = current.event;
    const diffs = diffFields<EventState>(desired.event, rest);
    changes.push({
      action: diffs.length ? 'update' : 'unchanged',
      kind: 'event',
      name: desired.event.name,
      id,
      diffs,
      ...(diffs.length ? { desired: desired.event } : {}),
    });
  }
  const c = current ?? {
    ticketTypes: [],
    quotas: [],
    questions: [],
    promoCodes: [],
    checkinLists: [],
  };
  changes.push(
    ...diffCollection<TicketTypeState, CurrentState['ticketTypes'][number]>(
      'ticket type',
      desired.ticketTypes,
      c.ticketTypes,
      (t) => lower(t.name),
      (t) => t.name,
      (t) => (t.sold + t.held > 0 ? `${t.sold} sold, ${t.held} held` : undefined),
    ),
    ...diffCollection<QuotaState, CurrentState['quotas'][number]>(
      'quota',
      desired.quotas,
      c.quotas,
      (q) => lower(q.name),
      (q) => q.name,
      (q) => (q.used > 0 ? `${q.used} seats used` : undefined),
    ),
    ...diffCollection<QuestionState, CurrentState['questions'][number]>(
      'question',
      desired.questions,
      c.questions,
      (q) => lower(q.label),
      (q) => q.label,
      () => undefined,
    ),
    ...diffCollection<PromoCodeState, CurrentState['promoCodes'][number]>(
      'promo code',
      desired.promoCodes,
      c.promoCodes,
      (p) => p.code.trim().toUpperCase(),
      (p) => p.code,
      (p) => (p.uses > 0 ? `used by ${p.uses} orders` : undefined),
    ),
    // Deleting a list keeps its scans, so it is never "in use".
    ...diffCollection<CheckinListState, CurrentState['checkinLists'][number]>(
      'check-in list',
      desired.checkinLists,
      c.checkinLists,
      (l) => lower(l.name),
      (l) => l.name,
      () => undefined,
    ),
  );
  if (desired.program) changes.push(...planProgram(desired.program, current?.program));
  if (desired.messageTexts)
    changes.push(
      ...diffCollection(
        'mail text',
        desired.messageTexts,
        current?.messageTexts ?? [],
        textName,
        textName,
        () => undefined,
      ),
    );
  return { eventId: current?.event.id, changes };
}

/** The program's part of the plan: only when the file has a program. */
function planProgram(desired: ProgramState, current: CurrentProgram = NO_PROGRAM): Change[] {
  const none = () => undefined;
  const titles = new Set(desired.sessions.map((s) => lower(s.title)));
  return [
    ...diffCollection(
      'room',
      desired.rooms,
      current.rooms,
      (r) => lower(r.name),
      (r) => r.name,
      none,
    ),
    ...diffCollection(
      'track',
      desired.tracks,
      current.tracks,
      (t) => lower(t.name),
      (t) => t.name,
      none,
    ),
    ...diffCollection(
      'speaker',
      desired.speakers,
      current.speakers,
      (s) => lower(s.name),
      (s) => s.name,
      none,
    ),
    // A released session left out is cancelled, not deleted, so its attendees hear of it.
    ...diffCollection<SessionState, CurrentProgram['sessions'][number]>(
      'session',
      desired.sessions,
      current.sessions
        // Cancelled by an earlier apply that left it out: nothing more to do.
        .filter((s) => !(s.released && s.status === 'cancelled' && !titles.has(lower(s.title))))
        .map(({ slotIds: _s, released: _r, ...rest }) => rest as never),
      (s) => lower(s.title),
      (s) => s.title,
      none,
    ),
  ];
}

export interface PlanCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export function countChanges(plan: Plan): PlanCounts {
  const n = (a: Action) => plan.changes.filter((c) => c.action === a).length;
  return {
    created: n('create'),
    updated: n('update'),
    deleted: n('delete'),
    unchanged: n('unchanged'),
  };
}
