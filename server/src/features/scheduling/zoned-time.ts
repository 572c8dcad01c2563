// UTC instants ↔ wall-clock time in an IANA zone, with Intl only. Feeds show local times
// (frab's date/start) and imports read them; both must hold across DST changes.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fieldsAt(ms: number, timeZone: string): Fields {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts as unknown as Fields;
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in summer: 120). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const f = fieldsAt(ms, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

export interface ZonedParts {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** HH:MM in the zone. */
  time: string;
  /** +HH:MM */
  offset: string;
  /** Local date-time with its offset, e.g. 2027-03-28T03:00:00+02:00. */
  iso: string;
}

export function zonedParts(instant: string | number, timeZone: string): ZonedParts {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const f = fieldsAt(ms, timeZone);
  const off = offsetMinutes(ms, timeZone);
  const offset = `${off < 0 ? '-' : '+'}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
  const time = `${pad(f.hour)}:${pad(f.minute)}`;
  return { date, time, offset, iso: `${date}T${time}:${pad(f.second)}${offset}` };
}

/**
 * The UTC instant of a wall-clock time in the zone. A time in the spring-forward gap is read
 * with the offset before the change (02:30 in Berlin on that day is 03:30 CEST); a time that
 * occurs twice in autumn is its first occurrence.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(':').map(Number) as [number, number, number?];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Offsets an hour before and after bracket any change; try the earlier first.
  const before = offsetMinutes(wall - 86_400_000 / 2, timeZone);
  const after = offsetMinutes(wall + 86_400_000 / 2, timeZone);
  for (const off of before === after ? [before] : [before, after]) {
    const t = wall - off * 60_000;
    if (offsetMinutes(t, timeZone) === off) return t;
  }
  return wall - before * 60_000;
}
