import { z } from 'zod';

// Reads a pretalx/frab schedule.json export into what the draft needs. Times are taken from
// each event's `date` (a local date-time with its offset), so they are exact instants whatever
// the zone and its DST changes; `duration` is hh:mm. Persons are matched by pretalx's `code`,
// else frab's `id`, else their name; sessions by `guid`, else `id`: a second import updates.

const Person = z.looseObject({
  code: z.string().optional(),
  id: z.union([z.number(), z.string()]).optional(),
  public_name: z.string().optional(),
  name: z.string().optional(),
  biography: z.string().nullable().optional(),
});
const Event = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  guid: z.string().optional(),
  title: z.string().min(1),
  abstract: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  language: z.string().nullable().optional(),
  track: z.string().nullable().optional(),
  room: z.string().optional(),
  date: z.iso.datetime({ offset: true }),
  duration: z.string().regex(/^\d{1,3}:\d{2}(:\d{2})?$/, 'must be hh:mm'),
  persons: z.array(Person).default([]),
});
export const FrabScheduleDoc = z.looseObject({
  schedule: z.looseObject({
    conference: z.looseObject({
      rooms: z
        .array(z.looseObject({ name: z.string(), capacity: z.number().nullable().optional() }))
        .optional(),
      days: z.array(z.looseObject({ rooms: z.record(z.string(), z.array(Event)) })),
    }),
  }),
});
export type FrabScheduleDoc = z.output<typeof FrabScheduleDoc>;

export interface ImportPlan {
  rooms: { name: string; capacity: number | null }[];
  tracks: string[];
  speakers: { externalId: string; name: string; bio: string | null }[];
  sessions: {
    externalId: string;
    title: string;
    abstract: string | null;
    kind: string;
    language: string | null;
    track: string | null;
    durationMinutes: number;
    speakerExternalIds: string[];
    room: string;
    startsAt: string;
    endsAt: string;
  }[];
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export function importPlan(doc: FrabScheduleDoc): ImportPlan {
  const conference = doc.schedule.conference;
  const rooms = new Map<string, number | null>();
  for (const r of conference.rooms ?? []) rooms.set(r.name, r.capacity ?? null);
  const tracks = new Set<string>();
  const speakers = new Map<string, ImportPlan['speakers'][number]>();
  const sessions = new Map<string, ImportPlan['sessions'][number]>();
  for (const day of conference.days) {
    for (const [roomName, events] of Object.entries(day.rooms)) {
      if (!rooms.has(roomName)) rooms.set(roomName, null);
      for (const e of events) {
        const speakerIds = e.persons.map((p) => {
          const name = p.public_name ?? p.name ?? 'Unknown';
          const externalId = p.code ?? (p.id === undefined ? name : String(p.id));
          if (!speakers.has(externalId))
            speakers.set(externalId, { externalId, name, bio: p.biography || null });
          return externalId;
        });
        if (e.track) tracks.add(e.track);
        const minutes = minutesOf(e.duration);
        const startsAt = new Date(e.date).toISOString();
        const externalId = e.guid ?? String(e.id ?? `${roomName}@${startsAt}`);
        sessions.set(externalId, {
          externalId,
          title: e.title,
          abstract: e.abstract || e.description || null,
          kind: e.type || 'talk',
          language: e.language || null,
          track: e.track || null,
          durationMinutes: Math.max(minutes, 1),
          speakerExternalIds: [...new Set(speakerIds)],
          room: roomName,
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + Math.max(minutes, 1) * 60_000).toISOString(),
        });
      }
    }
  }
  return {
    rooms: [...rooms].map(([name, capacity]) => ({ name, capacity })),
    tracks: [...tracks],
    speakers: [...speakers.values()],
    sessions: [...sessions.values()],
  };
}
