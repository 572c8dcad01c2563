import { z } from 'zod';
import { Instant, Int, Name, unique } from './spec-fields.js';

// The `program` section of the event file: rooms, tracks, speakers and sessions, each session
// placed by naming its room and start. When the section is there it is the whole truth about the
// schedule's draft (what it leaves out is deleted, or cancelled if it was released); when it is
// not, apply leaves the schedule alone.

export const RoomSpec = z.strictObject({
  name: Name.describe('unique in the program (ignoring case); identifies the room'),
  capacity: Int(0, 1_000_000).nullable().optional().describe('seats; default unlimited'),
});

export const TrackSpec = z.strictObject({
  name: Name.describe('unique in the program (ignoring case); identifies the track'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c')
    .nullable()
    .optional(),
});

export const SpeakerSpec = z.strictObject({
  name: Name.describe('unique in the program (ignoring case); identifies the speaker'),
  email: z.email('must be an email address').nullable().optional(),
  bio: z.string().max(10_000).nullable().optional(),
});

export const SessionSpec = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(300, 'must be at most 300 characters')
      .describe('unique in the program (ignoring case); identifies the session'),
    abstract: z.string().max(20_000).nullable().optional(),
    kind: z.string().trim().min(1).max(50).optional().describe('default talk'),
    language: z.string().max(20).nullable().optional(),
    durationMinutes: Int(1, 24 * 60),
    speakers: z.array(Name).max(50).optional().describe('names of speakers in this program'),
    track: Name.nullable().optional().describe('the name of a track in this program'),
    status: z
      .enum(['unconfirmed', 'confirmed', 'cancelled'])
      .optional()
      .describe('default confirmed'),
    signupCapacity: Int(0, 1_000_000)
      .nullable()
      .optional()
      .describe('seats attendees sign up for; default none (everyone may come)'),
    room: Name.optional().describe('the name of a room in this program; with startsAt'),
    startsAt: Instant.optional().describe('when the session starts; with room'),
  })
  .refine((s) => (s.room === undefined) === (s.startsAt === undefined), {
    path: ['startsAt'],
    message: 'room and startsAt go together: both place the session, neither leaves it unplaced',
  });

const lower = (s: string) => s.trim().toLowerCase();

export const ProgramSpec = z
  .strictObject({
    rooms: z
      .array(RoomSpec)
      .default([])
      .superRefine(unique((r) => lower(r.name), 'name')),
    tracks: z
      .array(TrackSpec)
      .default([])
      .superRefine(unique((t) => lower(t.name), 'name')),
    speakers: z
      .array(SpeakerSpec)
      .default([])
      .superRefine(unique((s) => lower(s.name), 'name')),
    sessions: z
      .array(SessionSpec)
      .default([])
      .superRefine(unique((s) => lower(s.title), 'title')),
  })
  .superRefine((p, ctx) => {
    const names = (xs: { name: string }[]) => new Set(xs.map((x) => lower(x.name)));
    const [rooms, tracks, speakers] = [names(p.rooms), names(p.tracks), names(p.speakers)];
    p.sessions.forEach((s, i) => {
      const refuse = (path: (string | number)[], what: string, name: string) =>
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', i, ...path],
          message: `names no ${what} of this program ("${name}")`,
        });
      if (s.room !== undefined && !rooms.has(lower(s.room))) refuse(['room'], 'room', s.room);
      if (s.track && !tracks.has(lower(s.track))) refuse(['track'], 'track', s.track);
      s.speakers?.forEach((n, j) => {
        if (!speakers.has(lower(n))) refuse(['speakers', j], 'speaker', n);
      });
    });
  })
  .describe('the schedule: when given, the whole truth about its draft; when left out, untouched');
