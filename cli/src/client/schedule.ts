import type { Http } from './http.js';

// The schedule endpoints of the server's API, typed for the CLI.

export interface Placement {
  roomId: string | null;
  room: string | null;
  startsAt: string;
  endsAt: string;
}

export interface ScheduleDiff {
  new: { sessionId: string; title: string; placements: Placement[] }[];
  cancelled: { sessionId: string; title: string; placements: Placement[] }[];
  moved: { sessionId: string; title: string; from: Placement[]; to: Placement[] }[];
  renamed: { sessionId: string; from: string; to: string }[];
  speakersChanged: { sessionId: string; title: string; added: string[]; removed: string[] }[];
}

export interface ScheduleRelease {
  version: number;
  comment: string;
  releasedAt: string;
  releasedBy: string;
  counts: Record<string, number>;
  diff: ScheduleDiff;
}

export interface ScheduleImport {
  rooms: number;
  tracks: number;
  speakers: number;
  sessions: number;
  created: number;
  updated: number;
  unchanged: number;
}

const base = (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/schedule`;

export function scheduleApi(http: Http) {
  return {
    import: (eventId: string, doc: unknown) =>
      http.json<ScheduleImport>('POST', `${base(eventId)}/import`, doc),
    release: (eventId: string, comment: string, allowIncomplete: boolean) =>
      http.json<ScheduleRelease>('POST', `${base(eventId)}/releases`, { comment, allowIncomplete }),
    diff: (eventId: string, from?: number, to?: number) => {
      const q = new URLSearchParams();
      if (from !== undefined) q.set('from', String(from));
      if (to !== undefined) q.set('to', String(to));
      const qs = q.size ? `?${q}` : '';
      return http.json<{ from: number; to: number; diff: ScheduleDiff }>(
        'GET',
        `${base(eventId)}/diff${qs}`,
      );
    },
  };
}

const when = (p: Placement[]) =>
  p.map((x) => `${x.startsAt.slice(0, 16).replace('T', ' ')}Z ${x.room ?? '(no room)'}`).join(', ');

/** The diff as lines for people. */
export function diffLines(diff: ScheduleDiff): string[] {
  return [
    ...diff.new.map((c) => `+ ${c.title} (${when(c.placements)})`),
    ...diff.cancelled.map((c) => `- ${c.title} (was ${when(c.placements)})`),
    ...diff.moved.map((c) => `~ ${c.title}: ${when(c.from)} → ${when(c.to)}`),
    ...diff.renamed.map((c) => `~ renamed: ${c.from} → ${c.to}`),
    ...diff.speakersChanged.map(
      (c) =>
        `~ ${c.title}: speakers ${[...c.added.map((s) => `+${s}`), ...c.removed.map((s) => `-${s}`)].join(' ')}`,
    ),
  ];
}
