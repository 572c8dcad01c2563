import type { Program, Session, Slot } from './program.js';
import type { EventInfo, ReleaseRow } from './store.js';
import { zonedParts, zonedToUtc } from './zoned-time.js';
import { escapeXml } from './xml-text.js';

// The released schedule in the frab format that pretalx also writes (schedule.xml and
// schedule.json), which Giggity, ConfClerk and the c3voc tools read. Times are local to the
// event's zone with their offset; one <event> per session slot, grouped by local day and room.

const GENERATOR = { name: 'lanyard', version: '0.1.0' };

export const acronymOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'lanyard';

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export interface FrabEvent {
  id: number;
  guid: string;
  logo: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string;
  type: string;
  language: string;
  abstract: string;
  description: string;
  recording_license: string;
  do_not_record: boolean;
  persons: { id: number; code: string; public_name: string; name: string; biography: string }[];
  links: never[];
  attachments: never[];
  answers: never[];
}

interface Day {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: { name: string; events: FrabEvent[] }[];
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Days, rooms and events of a program as frab lays them out. */
export function frabDays(event: EventInfo, program: Program, baseUrl: string): Day[] {
  const tz = event.timezone;
  const acronym = acronymOf(event.name);
  const sessions = new Map(program.sessions.map((s) => [s.id, s]));
  const speakers = new Map(program.speakers.map((s) => [s.id, s]));
  const tracks = new Map(program.tracks.map((t) => [t.id, t.name]));
  const rooms = program.rooms;
  const firstSlot = new Set<string>();
  const placed: { slot: Slot; session: Session; date: string }[] = [];
  for (const slot of [...program.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const session = slot.sessionId ? sessions.get(slot.sessionId) : undefined;
    if (slot.kind !== 'session' || !session || session.status === 'cancelled' || !slot.roomId)
      continue;
    placed.push({ slot, session, date: zonedParts(slot.startsAt, tz).date });
  }
  const dates = new Set<string>();
  for (
    let d = zonedParts(event.startsAt, tz).date, end = zonedParts(event.endsAt, tz).date;
    d <= end;
    d = nextDate(d)
  )
    dates.add(d);
  for (const p of placed) dates.add(p.date);
  return [...dates].sort().map((date, i) => {
    const roomsOfDay = rooms.map((room) => ({
      name: room.name,
      events: placed
        .filter((p) => p.date === date && p.slot.roomId === room.id)
        .map(({ slot, session }): FrabEvent => {
          // A session's first slot carries its own id, so importers match it across releases.
          const first = !firstSlot.has(session.id);
          firstSlot.add(session.id);
          const local = zonedParts(slot.startsAt, tz);
          const minutes = Math.round(
            (Date.parse(slot.endsAt) - Date.parse(slot.startsAt)) / 60_000,
          );
          const number = first ? session.number : slot.number;
          return {
            id: number,
            guid: first ? session.id : slot.id,
            logo: '',
            date: local.iso,
            start: local.time,
            duration: hhmm(minutes),
            room: room.name,
            slug: `${acronym}-${number}-${acronymOf(session.title)}`,
            url: `${baseUrl}/events/${event.id}/sessions/${session.id}`,
            title: session.title,
            subtitle: '',
            track: session.trackId ? (tracks.get(session.trackId) ?? '') : '',
            type: session.kind,
            language: session.language ?? '',
            abstract: session.abstract ?? '',
            description: '',
            recording_license: '',
            do_not_record: false,
            persons: session.speakerIds.flatMap((id) => {
              const s = speakers.get(id);
              return s
                ? [
                    {
                      id: s.number,
                      code: s.id,
                      public_name: s.name,
                      name: s.name,
                      biography: s.bio ?? '',
                    },
                  ]
                : [];
            }),
            links: [],
            attachments: [],
            answers: [],
          };
        }),
    }));
    const start = zonedToUtc(date, '00:00', tz);
    const end = zonedToUtc(nextDate(date), '00:00', tz);
    return {
      index: i + 1,
      date,
      day_start: zonedParts(start, tz).iso,
      day_end: zonedParts(end, tz).iso,
      rooms: roomsOfDay,
    };
  });
}

export function frabJson(event: EventInfo, release: ReleaseRow, baseUrl: string) {
  const days = frabDays(event, release.program, baseUrl);
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    schedule: {
      generator: GENERATOR,
      version: String(release.version),
      base_url: `${baseUrl}/`,
      conference: {
        acronym: acronymOf(event.name),
        title: event.name,
        start: days[0]?.date ?? zonedParts(event.startsAt, event.timezone).date,
        end: days.at(-1)?.date ?? zonedParts(event.endsAt, event.timezone).date,
        daysCount: days.length,
        timeslot_duration: '00:05',
        time_zone_name: event.timezone,
        rooms: release.program.rooms.map((r) => ({
          name: r.name,
          guid: r.id,
          description: null,
          capacity: r.capacity,
        })),
        days: days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: d.day_start,
          day_end: d.day_end,
          rooms: Object.fromEntries(d.rooms.map((r) => [r.name, r.events])),
        })),
      },
    },
  };
}

const el = (name: string, value: string) =>
  value === '' ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`;

export function frabXml(event: EventInfo, release: ReleaseRow, baseUrl: string): string {
  const days = frabDays(event, release.program, baseUrl);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    `  <generator name="${GENERATOR.name}" version="${GENERATOR.version}"/>`,
    `  ${el('version', String(release.version))}`,
    '  <conference>',
    `    ${el('title', event.name)}`,
    `    ${el('acronym', acronymOf(event.name))}`,
    `    ${el('start', days[0]?.date ?? '')}`,
    `    ${el('end', days.at(-1)?.date ?? '')}`,
    `    ${el('days', String(days.length))}`,
    `    ${el('timeslot_duration', '00:05')}`,
    `    ${el('base_url', `${baseUrl}/`)}`,
    `    ${el('time_zone_name', event.timezone)}`,
    '  </conference>',
  ];
  for (const d of days) {
    out.push(
      `  <day index="${d.index}" date="${d.date}" start="${d.day_start}" end="${d.day_end}">`,
    );
    for (const r of d.rooms) {
      out.push(`    <room name="${escapeXml(r.name)}">`);
      for (const e of r.events) {
        out.push(
          `      <event guid="${e.guid}" id="${e.id}">`,
          ...[
            el('room', e.room),
            el('title', e.title),
            el('subtitle', e.subtitle),
            el('type', e.type),
            el('date', e.date),
            el('start', e.start),
            el('duration', e.duration),
            el('abstract', e.abstract),
            el('slug', e.slug),
            el('track', e.track),
            el('language', e.language),
            el('description', e.description),
            `<recording><license/><optout>${e.do_not_record}</optout></recording>`,
            `<persons>${e.persons.map((p) => `<person id="${p.id}">${escapeXml(p.public_name)}</person>`).join('')}</persons>`,
            '<links/>',
            '<attachments/>',
            el('url', e.url),
          ].map((line) => `        ${line}`),
          '      </event>',
        );
      }
      out.push('    </room>');
    }
    out.push('  </day>');
  }
  out.push('</schedule>', '');
  return out.join('\n');
}
