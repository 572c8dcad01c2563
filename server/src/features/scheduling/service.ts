import { gzipSync } from 'node:zlib';
import type { Db, Queryable } from '../../platform/db/db.js';
import { enqueue, type OutboxMessage } from '../../platform/bus/outbox.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { findEvent } from '../events/store.js';
import type { Event } from '../events/schema.js';
import { releaseChecklist, type Checklist } from './checklist.js';
import { DEFAULT_SEVERITIES, findConflicts, type Conflict, type Severities } from './conflicts.js';
import { EMPTY_FEED_STATE, nextFeedState } from './feed-state.js';
import type { Program } from './program.js';
import {
  affectedSpeakerIds,
  changedSessionIds,
  diffPrograms,
  type ScheduleDiff,
} from './release-diff.js';
import * as store from './store.js';
import * as importStore from './import-store.js';
import { importPlan, type FrabScheduleDoc } from './frab-import.js';
import type { EventInfo, ItemKind, ReleaseRow } from './store.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import { appendAudit } from '../audit/service.js';
import { releasesAtom } from './atom-feed.js';

// Use cases of the schedule: edit the draft, check it, release it, reset it. One transaction
// each; the rules are the pure modules beside this file.

export interface Draft extends Program {
  conflicts: Conflict[];
  checklist: Checklist;
}

async function eventOf(
  q: Queryable,
  actor: Principal,
  eventId: string,
  lock = false,
): Promise<Event> {
  const event = await findEvent(q, actor.organizationId, eventId, lock);
  if (!event) throw notFound('event', eventId);
  return event;
}

async function check(q: Queryable, eventId: string, program: Program) {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const severities = await store.findSeverities(q, eventId);
  const signups = await store.signupCounts(q, eventId);
  const conflicts = findConflicts({ program, severities, signups });
  return {
    severities: { ...DEFAULT_SEVERITIES, ...severities },
    conflicts,
    checklist: releaseChecklist(program, conflicts),
  };
}

export async function getDraft(db: Db, actor: Principal, eventId: string): Promise<Draft> {
  return db.transaction(async (tx) => {
    const event = await eventOf(tx, actor, eventId);
    const program = await store.loadProgram(tx, eventId, event.timezone);
    const { conflicts, checklist } = await check(tx, eventId, program);
    return { ...program, conflicts, checklist };
  });
}

export async function getConflicts(db: Db, actor: Principal, eventId: string) {
  return db.transaction(async (tx) => {
    const event = await eventOf(tx, actor, eventId);
    return check(tx, eventId, await store.loadProgram(tx, eventId, event.timezone));
  });
}

export async function setSeverities(
  db: Db,
  actor: Principal,
  eventId: string,
  severities: Partial<Severities>,
) {
  return db.transaction(async (tx) => {
    const event = await eventOf(tx, actor, eventId);
    await store.saveSeverities(tx, eventId, severities);
    return check(tx, eventId, await store.loadProgram(tx, eventId, event.timezone));
  });
}

export async function listItems(db: Db, actor: Principal, eventId: string, kind: ItemKind) {
  await eventOf(db, actor, eventId);
  return store.listItems(db, kind, eventId);
}

export async function getItem(
  db: Db,
  actor: Principal,
  eventId: string,
  kind: ItemKind,
  id: string,
) {
  await eventOf(db, actor, eventId);
  const item = await store.findItem(db, kind, eventId, id);
  if (!item) throw notFound(kind.replace(/s$/, ''), id);
  return item;
}

/** Creates an item of the draft; references to other items must be the event's own. */
export async function createItem(
  db: Db,
  actor: Principal,
  eventId: string,
  kind: ItemKind,
  input: Record<string, unknown>,
) {
  return db.transaction(async (tx) => {
    await eventOf(tx, actor, eventId);
    await checkReferences(tx, eventId, input);
    await checkAccount(tx, actor.organizationId, input);
    const values = await completeSlot(tx, eventId, kind, input);
    const id = await insertUnique(() => store.insertItem(tx, kind, eventId, values));
    return (await store.findItem(tx, kind, eventId, id))!;
  });
}

export async function updateItem(
  db: Db,
  actor: Principal,
  eventId: string,
  kind: ItemKind,
  id: string,
  patch: Record<string, unknown>,
) {
  return db.transaction(async (tx) => {
    await eventOf(tx, actor, eventId);
    const current = await store.findItem(tx, kind, eventId, id);
    if (!current) throw notFound(kind.replace(/s$/, ''), id);
    await checkReferences(tx, eventId, patch);
    await checkAccount(tx, actor.organizationId, patch);
    if (kind === 'slots') {
      const merged = { ...current, ...patch } as {
        kind: string;
        sessionId: string | null;
        startsAt: string;
        endsAt: string;
      };
      slotShape(merged);
    }
    await insertUnique(() => store.updateItem(tx, kind, eventId, id, patch));
    return (await store.findItem(tx, kind, eventId, id))!;
  });
}

/**
 * Deletes an item of the draft. A session that is part of a release is cancelled instead of
 * deleted (409 `session_released`), so its attendees hear of it.
 */
export async function deleteItem(
  db: Db,
  actor: Principal,
  eventId: string,
  kind: ItemKind,
  id: string,
) {
  return db.transaction(async (tx) => {
    await eventOf(tx, actor, eventId);
    if (kind === 'sessions') {
      const last = await store.findRelease(tx, eventId);
      if (last?.program.sessions.some((s) => s.id === id))
        throw conflict(
          'session_released',
          'This session was released; set its status to cancelled instead.',
        );
    }
    if (!(await store.deleteItem(tx, kind, eventId, id)))
      throw notFound(kind.replace(/s$/, ''), id);
  });
}

async function insertUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === '23505')
      throw conflict('duplicate_name', 'The event already has one with this name.');
    throw err;
  }
}

/** A session slot's end defaults to its start plus the session's duration. */
async function completeSlot(
  q: Queryable,
  eventId: string,
  kind: ItemKind,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (kind !== 'slots') return input;
  const slot = { ...input } as {
    kind: string;
    sessionId: string | null;
    startsAt: string;
    endsAt?: string;
  };
  if (!slot.endsAt && slot.sessionId) {
    const session = await store.findItem(q, 'sessions', eventId, slot.sessionId);
    if (session)
      slot.endsAt = new Date(
        Date.parse(slot.startsAt) + session.durationMinutes * 60_000,
      ).toISOString();
  }
  if (!slot.endsAt)
    throw invalid('validation_failed', 'endsAt: is required for a break or blocker', [
      { field: 'endsAt', message: 'is required for a break or blocker' },
    ]);
  slotShape(slot as { kind: string; sessionId: string | null; startsAt: string; endsAt: string });
  return slot;
}

function slotShape(s: {
  kind: string;
  sessionId: string | null;
  startsAt: string;
  endsAt: string;
}) {
  if ((s.kind === 'session') !== (s.sessionId !== null))
    throw invalid(
      'validation_failed',
      'sessionId: a session slot needs a session, a break or blocker none',
      [{ field: 'sessionId', message: 'a session slot needs a session, a break or blocker none' }],
    );
  if (Date.parse(s.startsAt) >= Date.parse(s.endsAt))
    throw invalid('validation_failed', 'endsAt: must be after startsAt', [
      { field: 'endsAt', message: 'must be after startsAt' },
    ]);
}

/** Refuses ids of rooms, tracks, speakers or sessions that are not the event's. */
async function checkReferences(q: Queryable, eventId: string, v: Record<string, unknown>) {
  const refs: [string, ItemKind, string[]][] = [
    ['speakerIds', 'speakers', (v.speakerIds as string[] | undefined) ?? []],
    ['trackId', 'tracks', v.trackId ? [v.trackId as string] : []],
    ['roomId', 'rooms', v.roomId ? [v.roomId as string] : []],
    ['sessionId', 'sessions', v.sessionId ? [v.sessionId as string] : []],
    ['travelMinutes', 'rooms', Object.keys((v.travelMinutes as object | undefined) ?? {})],
  ];
  for (const [field, kind, ids] of refs) {
    const found = await store.existingIds(q, kind, eventId, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing)
      throw invalid(
        'unknown_reference',
        `${field}: ${missing} is not one of this event's ${kind}`,
        [{ field, message: `${missing} is not one of this event's ${kind}` }],
      );
  }
}

/** Refuses a speaker's account that is not one of the organization's. */
async function checkAccount(q: Queryable, organizationId: string, v: Record<string, unknown>) {
  const id = v.accountId as string | null | undefined;
  if (!id || (await store.organizationAccountIds(q, organizationId, [id])).has(id)) return;
  throw invalid('unknown_reference', `accountId: ${id} is not one of the organization's accounts`, [
    { field: 'accountId', message: `${id} is not one of the organization's accounts` },
  ]);
}

export interface ReleaseSummary {
  version: number;
  comment: string;
  releasedAt: string;
  releasedBy: string;
  counts: Record<string, number>;
}

export const summarize = (r: ReleaseRow): ReleaseSummary => ({
  version: r.version,
  comment: r.comment,
  releasedAt: r.releasedAt,
  releasedBy: r.releasedBy,
  counts: Object.fromEntries(Object.entries(r.diff).map(([k, v]) => [k, (v as unknown[]).length])),
});

/**
 * Freezes the draft as the next release (after pretalx's release.py): refused while blocking
 * conflicts remain (and, unless allowed, while the checklist is not clear). Writes the diff
 * against the previous release, and in the same transaction one outbox message per affected
 * attendee and speaker and one `schedule.released`.
 */
export async function release(
  db: Db,
  actor: Principal,
  eventId: string,
  input: { comment: string; allowIncomplete: boolean },
): Promise<ReleaseSummary & { diff: ScheduleDiff }> {
  return db.transaction(async (tx) => {
    // The event row lock orders concurrent releases, so versions never collide.
    const event = await eventOf(tx, actor, eventId, true);
    const program = await store.loadProgram(tx, eventId, event.timezone);
    const { checklist } = await check(tx, eventId, program);
    const blocking = checklist.items.find((i) => i.check === 'blocking_conflicts')!;
    if (blocking.count > 0 || (!input.allowIncomplete && !checklist.ready))
      throw conflict(
        'schedule_not_ready',
        blocking.count > 0
          ? `${blocking.count} blocking conflicts must be solved before a release.`
          : 'The release checklist is not clear (see checklist); pass allowIncomplete to release anyway.',
        { checklist },
      );
    const previous = await store.findRelease(tx, eventId);
    const diff = diffPrograms(previous?.program ?? null, program);
    const row: ReleaseRow = {
      version: (previous?.version ?? 0) + 1,
      comment: input.comment,
      program,
      diff,
      feed: nextFeedState(previous?.feed ?? EMPTY_FEED_STATE, diff),
      releasedBy: actor.clientId ?? actor.subject,
      releasedAt: new Date().toISOString(),
    };
    await store.insertRelease(tx, eventId, row);
    await enqueue(tx, ...(await releaseMessages(tx, eventId, row, previous?.program ?? null)));
    const saved = (await store.findRelease(tx, eventId, row.version))!;
    // Last: the audit head stays locked until commit, so no row lock is taken after it.
    await appendAudit(tx, actor, {
      action: 'schedule.released',
      objectType: 'schedule_release',
      objectId: String(row.version),
      eventId,
      details: { version: row.version, comment: input.comment },
    });
    return { ...summarize(saved), diff };
  });
}

/** Who hears of a release: attendees following a changed session, and its speakers. */
async function releaseMessages(
  q: Queryable,
  eventId: string,
  r: ReleaseRow,
  before: Program | null,
): Promise<OutboxMessage[]> {
  const changed = changedSessionIds(r.diff);
  // `release`, not `version`: webhooks give `version` its own meaning (outbox order).
  const base = { eventId, release: r.version, comment: r.comment };
  const messages: OutboxMessage[] = [
    {
      topic: 'schedule.released',
      eventId,
      aggregateId: eventId,
      payload: { ...base, counts: summarize(r).counts },
    },
  ];
  // The first release changes nothing anyone has followed yet.
  if (!before) return messages;
  for (const t of await store.ticketsFollowing(q, [...changed]))
    messages.push({
      topic: 'schedule.attendee_affected',
      eventId,
      aggregateId: t.ticketId,
      payload: { ...base, ticketId: t.ticketId, sessionIds: t.sessionIds },
    });
  const speakers = new Map([...before.speakers, ...r.program.speakers].map((s) => [s.id, s]));
  const affected = [...affectedSpeakerIds(r.diff, before, r.program)];
  // A speaker without an address of their own hears of it at their account's, if they have one.
  const accountEmails = await store.speakerAccountEmails(q, affected);
  const sessionsOf = (speakerId: string) =>
    [...before.sessions, ...r.program.sessions]
      .filter((s) => changed.has(s.id) && s.speakerIds.includes(speakerId))
      .map((s) => s.id);
  for (const id of affected) {
    const s = speakers.get(id);
    messages.push({
      topic: 'schedule.speaker_affected',
      eventId,
      aggregateId: id,
      payload: {
        ...base,
        speakerId: id,
        name: s?.name ?? null,
        email: s?.email ?? accountEmails.get(id) ?? null,
        sessionIds: [...new Set(sessionsOf(id))].sort(),
      },
    });
  }
  return messages;
}

export async function listReleases(
  db: Db,
  actor: Principal,
  eventId: string,
): Promise<ReleaseSummary[]> {
  await eventOf(db, actor, eventId);
  return (await store.listReleases(db, eventId)).map(summarize);
}

export async function getRelease(db: Db, actor: Principal, eventId: string, version: number) {
  await eventOf(db, actor, eventId);
  const r = await store.findRelease(db, eventId, version);
  if (!r) throw notFound('release', String(version));
  return { ...summarize(r), diff: r.diff, program: r.program };
}

/**
 * The diff between two releases: the stored one for N−1 → N, computed for others. Defaults:
 * the latest release against the one before it; from 0 is "nothing released".
 */
export async function diffReleases(
  db: Db,
  actor: Principal,
  eventId: string,
  query: { from?: number | undefined; to?: number | undefined },
): Promise<{ from: number; to: number; diff: ScheduleDiff }> {
  await eventOf(db, actor, eventId);
  const latest = await store.findRelease(db, eventId);
  const toVersion = query.to ?? latest?.version;
  const to = toVersion ? await store.findRelease(db, eventId, toVersion) : undefined;
  if (!to) throw notFound('release', String(toVersion ?? 'latest'));
  const from = query.from ?? to.version - 1;
  if (from === to.version - 1) return { from, to: to.version, diff: to.diff };
  const before = from === 0 ? undefined : await store.findRelease(db, eventId, from);
  if (from !== 0 && !before) throw notFound('release', String(from));
  return { from, to: to.version, diff: diffPrograms(before?.program ?? null, to.program) };
}

/** Makes the draft what release `version` was (ids kept, so signups and favourites stay). */
export async function resetDraft(
  db: Db,
  actor: Principal,
  eventId: string,
  version: number,
): Promise<Draft> {
  return db.transaction(async (tx) => {
    const event = await eventOf(tx, actor, eventId, true);
    const r = await store.findRelease(tx, eventId, version);
    if (!r) throw notFound('release', String(version));
    await store.pruneDraft(tx, eventId, r.program);
    // Two kept rooms (or tracks) that swapped names since: a 409, never a half-reset draft.
    await insertUnique(() => store.restoreDraft(tx, eventId, r.program));
    const program = await store.loadProgram(tx, eventId, event.timezone);
    const { conflicts, checklist } = await check(tx, eventId, program);
    return { ...program, conflicts, checklist };
  });
}

/**
 * The public feeds: what they depend on (the latest release's number and when the event last
 * changed) is read on every request; the rendered text is kept per such state, so a release or
 * an event change is seen at once, on every replica, and anything else is served from memory.
 */
/** The public feeds of released schedules, as served: rendered once per release and format. */
export interface PublicFeeds {
  (
    eventId: string,
    format: string,
    render: (event: EventInfo, release: ReleaseRow) => string | Promise<string>,
  ): Promise<{ tag: string; body: () => Promise<{ raw: Buffer; gzip: Buffer }> }>;
  /** Serves this event's next release at once (this replica just made it). */
  released(eventId: string): void;
  /** The latest release's number as the feeds see it (undefined before the first). */
  latest(eventId: string): Promise<number | undefined>;
}

/**
 * Which release is current is looked up at most once a second per event (the feeds say
 * `max-age=60` anyway), so a schedule app's every minute times a conference's thousands of
 * attendees cost no database round trip each; the replica that releases sees it at once, the
 * others within that second, as they see a renamed event.
 */
export function publicFeeds(db: Db): PublicFeeds {
  // Kept as bytes and gzipped once: a 600-session schedule.json is ~400 KB, ~40 KB gzipped.
  const rendered = new ExpiringCache<{ raw: Buffer; gzip: Buffer }>(10 * 60_000, 500);
  const heads = new ExpiringCache<Awaited<ReturnType<typeof store.findFeedHead>>>(1000, 10_000);
  const head = (eventId: string) => heads.get(eventId, () => store.findFeedHead(db, eventId));
  const feeds = async (
    eventId: string,
    format: string,
    render: (event: EventInfo, release: ReleaseRow) => string | Promise<string>,
  ) => {
    const found = await head(eventId);
    if (!found?.version) throw notFound('released schedule');
    const { event, version } = found;
    const tag = `"${version}-${found.updatedAt}-${format}"`;
    return {
      tag,
      body: () =>
        rendered.get(`${eventId}:${tag}`, async () => {
          const release = (await store.findRelease(db, eventId, version))!;
          const raw = Buffer.from(await render(event, release));
          return { raw, gzip: gzipSync(raw) };
        }),
    };
  };
  return Object.assign(feeds, {
    released: (eventId: string) => heads.delete(eventId),
    latest: async (eventId: string) => (await head(eventId))?.version,
  });
}

/** The Atom feed of an event's releases, with the ETag of its state (latest release, event). */
export async function releasesFeed(
  db: Db,
  eventId: string,
  publicUrl: string,
): Promise<{ tag: string; body: () => Promise<{ raw: Buffer; gzip: Buffer }> }> {
  const head = await store.findFeedHead(db, eventId);
  if (!head?.version) throw notFound('released schedule');
  const base = `${publicUrl.replace(/\/+$/, '')}/api/v1/events/${eventId}/schedule`;
  return {
    tag: `"${head.version}-${head.updatedAt}-atom"`,
    body: async () => {
      const raw = Buffer.from(
        releasesAtom(head.event, await store.releaseNotes(db, eventId, 50), {
          self: `${base}/releases.atom`,
          schedule: `${base}.json`,
        }),
      );
      return { raw, gzip: gzipSync(raw) };
    },
  };
}

export interface ImportResult {
  rooms: number;
  tracks: number;
  speakers: number;
  sessions: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Reads a pretalx/frab schedule.json export into the draft, in one transaction: rooms and
 * tracks by name, speakers and sessions by their id in the file, each session in its room at
 * its time. Imported sessions are confirmed (they come from a published schedule). `created`
 * counts new items of every kind, `updated` sessions whose content or place changed.
 */
export async function importSchedule(
  db: Db,
  actor: Principal,
  eventId: string,
  doc: FrabScheduleDoc,
): Promise<ImportResult> {
  const plan = importPlan(doc);
  return db.transaction(async (tx) => {
    await eventOf(tx, actor, eventId, true);
    let created = 0;
    let touched = 0;
    const count = (u: { inserted: boolean }) => (u.inserted ? created++ : 0);
    const rooms = new Map<string, string>();
    for (const r of plan.rooms) {
      const u = await importStore.upsertRoom(tx, eventId, r);
      count(u);
      rooms.set(r.name, u.id);
    }
    const tracks = new Map<string, string>();
    for (const name of plan.tracks) {
      const u = await importStore.upsertTrack(tx, eventId, name);
      count(u);
      tracks.set(name, u.id);
    }
    const speakers = new Map<string, string>();
    for (const s of plan.speakers) {
      const u = await importStore.upsertSpeaker(tx, eventId, s);
      count(u);
      speakers.set(s.externalId, u.id);
    }
    const before = await store.loadProgram(tx, eventId, 'UTC');
    const known = new Map(before.sessions.map((s) => [s.id, s]));
    const previous = await store.externalIds(tx, 'sessions', eventId);
    for (const s of plan.sessions) {
      const trackId = s.track ? tracks.get(s.track)! : null;
      const speakerIds = s.speakerExternalIds.map((id) => speakers.get(id)!);
      const old = known.get(previous.get(s.externalId) ?? '');
      const u = await importStore.upsertSession(tx, eventId, s, speakerIds, trackId);
      count(u);
      const moved = await importStore.placeSession(
        tx,
        eventId,
        u.id,
        rooms.get(s.room)!,
        s.startsAt,
        s.endsAt,
      );
      const same =
        old &&
        old.title === s.title &&
        old.abstract === s.abstract &&
        old.kind === s.kind &&
        old.language === s.language &&
        old.durationMinutes === s.durationMinutes &&
        old.trackId === trackId &&
        old.speakerIds.join() === speakerIds.join();
      if (!u.inserted && (moved || !same)) touched++;
    }
    const total =
      plan.rooms.length + plan.tracks.length + plan.speakers.length + plan.sessions.length;
    return {
      rooms: plan.rooms.length,
      tracks: plan.tracks.length,
      speakers: plan.speakers.length,
      sessions: plan.sessions.length,
      created,
      updated: touched,
      unchanged: total - created - touched,
    };
  });
}
