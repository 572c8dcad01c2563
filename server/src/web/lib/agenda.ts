import type { PublicAgenda } from '../../features/scheduling/public-agenda.js';
import type { Placement } from '../../features/scheduling/release-diff.js';

// The agenda as the portal lists it: one entry per session slot (and break) of the latest
// release, grouped by the event's local day, with what changed since the attendee last looked.
// Pure, so the day grouping across DST and "now / next" are tested without a browser.

export type Badge =
  | { kind: 'new' }
  | { kind: 'cancelled' }
  | { kind: 'moved'; from: Placement }
  | { kind: 'changed'; what: { kind: 'renamed'; from: string } | { kind: 'speakers' } };

export interface AgendaEntry {
  key: string;
  kind: 'session' | 'break';
  sessionId: string | null;
  title: string;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  room: string | null;
  trackId: string | null;
  track: string | null;
  speakers: string[];
  cancelled: boolean;
  badges: Badge[];
}

/** Badges per session id from a release diff. */
export function badgesOf(diff: PublicAgenda['changes']['diff']): Map<string, Badge[]> {
  const out = new Map<string, Badge[]>();
  const add = (id: string, b: Badge) => out.set(id, [...(out.get(id) ?? []), b]);
  for (const c of diff.new) add(c.sessionId, { kind: 'new' });
  for (const c of diff.cancelled) add(c.sessionId, { kind: 'cancelled' });
  for (const c of diff.moved) if (c.from[0]) add(c.sessionId, { kind: 'moved', from: c.from[0] });
  for (const c of diff.renamed)
    add(c.sessionId, { kind: 'changed', what: { kind: 'renamed', from: c.from } });
  for (const c of diff.speakersChanged)
    add(c.sessionId, { kind: 'changed', what: { kind: 'speakers' } });
  return out;
}

/**
 * Every slot as an entry in start order; sessions the diff cancelled that left the grid are kept
 * where they were, marked cancelled, so a favourite does not silently vanish.
 */
export function agendaEntries(agenda: PublicAgenda, showChanges: boolean): AgendaEntry[] {
  const sessions = new Map(agenda.sessions.map((s) => [s.id, s]));
  const rooms = new Map(agenda.rooms.map((r) => [r.id, r.name]));
  const tracks = new Map(agenda.tracks.map((t) => [t.id, t.name]));
  const speakers = new Map(agenda.speakers.map((s) => [s.id, s.name]));
  const badges = showChanges ? badgesOf(agenda.changes.diff) : new Map<string, Badge[]>();
  const out: AgendaEntry[] = [];
  const placed = new Set<string>();
  for (const slot of agenda.slots) {
    const session = slot.sessionId ? sessions.get(slot.sessionId) : undefined;
    if (slot.kind === 'session' && !session) continue;
    if (session) placed.add(session.id);
    out.push({
      key: slot.id,
      kind: slot.kind,
      sessionId: session?.id ?? null,
      // A break without a title is named by the page, in the reader's language.
      title: session?.title ?? slot.title ?? '',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      roomId: slot.roomId,
      room: slot.roomId ? (rooms.get(slot.roomId) ?? null) : null,
      trackId: session?.trackId ?? null,
      track: session?.trackId ? (tracks.get(session.trackId) ?? null) : null,
      speakers: (session?.speakerIds ?? []).map((id) => speakers.get(id) ?? '').filter(Boolean),
      cancelled: session?.status === 'cancelled',
      badges: session ? (badges.get(session.id) ?? []) : [],
    });
  }
  if (showChanges) {
    for (const gone of agenda.changes.diff.cancelled) {
      if (placed.has(gone.sessionId)) continue;
      const session = sessions.get(gone.sessionId);
      gone.placements.forEach((p, i) =>
        out.push({
          key: `cancelled-${gone.sessionId}-${i}`,
          kind: 'session',
          sessionId: gone.sessionId,
          title: session?.title ?? gone.title,
          startsAt: p.startsAt,
          endsAt: p.endsAt,
          roomId: p.roomId,
          room: p.room,
          trackId: session?.trackId ?? null,
          track: session?.trackId ? (tracks.get(session.trackId) ?? null) : null,
          speakers: (session?.speakerIds ?? []).map((id) => speakers.get(id) ?? '').filter(Boolean),
          cancelled: true,
          badges: [{ kind: 'cancelled' }],
        }),
      );
    }
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.key.localeCompare(b.key));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(at: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

/** Entries by the event's local day of their start, days in order. */
export function byDay<T extends { startsAt: string }>(
  entries: T[],
  timeZone: string,
): { day: string; entries: T[] }[] {
  const days = new Map<string, T[]>();
  for (const e of entries) {
    const day = localDay(e.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({ day, entries: list }));
}

/** "Sunday 31 October" for a YYYY-MM-DD day (a calendar date: no time zone applies). */
export function dayLabel(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** "09:30" in the event's time zone. */
export function clockTime(at: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(at),
  );
}

/**
 * What runs at `now` and what starts next (every session at the earliest later start), leaving
 * out breaks and cancelled sessions. Intervals are half-open: a session ending now is over.
 */
export function nowAndNext<T extends AgendaEntryTimes>(
  entries: T[],
  now: number,
): { now: T[]; next: T[] } {
  const live = entries.filter((e) => e.kind === 'session' && !e.cancelled);
  const current = live.filter((e) => Date.parse(e.startsAt) <= now && now < Date.parse(e.endsAt));
  const later = live.filter((e) => Date.parse(e.startsAt) > now);
  const first = Math.min(...later.map((e) => Date.parse(e.startsAt)));
  return { now: current, next: later.filter((e) => Date.parse(e.startsAt) === first) };
}

type AgendaEntryTimes = Pick<AgendaEntry, 'kind' | 'cancelled' | 'startsAt' | 'endsAt'>;

export interface AgendaFilter {
  roomId: string;
  trackId: string;
  query: string;
  mineOnly: boolean;
}

/** Entries matching the filter: room, track, words in the title or a speaker's name, my agenda. */
export function filterEntries(
  entries: AgendaEntry[],
  f: AgendaFilter,
  favourites: ReadonlySet<string>,
): AgendaEntry[] {
  const words = f.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (f.roomId && e.roomId !== f.roomId && !(e.kind === 'break' && e.roomId === null))
      return false;
    if (f.trackId && e.trackId !== f.trackId) return false;
    if (f.mineOnly && !(e.sessionId && favourites.has(e.sessionId))) return false;
    if (words.length === 0) return true;
    const text = [e.title, ...e.speakers].join(' ').toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}
