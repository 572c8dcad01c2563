// An iCalendar (RFC 5545) file with one event, for the portal's "add to calendar" and the
// confirmation mail's attachment. Times are written in UTC,
// which every calendar shows in its own zone; the event's zone is only used on the page.

export interface CalendarEntry {
  /** Stable across downloads, so a second import updates instead of duplicating. */
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location?: string | null;
  description?: string | null;
  url?: string;
  /** DTSTAMP; defaults to now. */
  now?: Date;
  /** Raised on every change, so calendars replace their copy (RFC 5545 §3.8.7.4). */
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED';
}

const utc = (iso: string | Date) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space (§3.1). */
export function foldLine(line: string): string {
  const bytes = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = bytes.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function vevent(entry: CalendarEntry): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(entry.uid)}`,
    `DTSTAMP:${utc(entry.now ?? new Date())}`,
    `DTSTART:${utc(entry.startsAt)}`,
    `DTEND:${utc(entry.endsAt)}`,
    `SUMMARY:${escapeText(entry.title)}`,
    ...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
    ...(entry.description ? [`DESCRIPTION:${escapeText(entry.description)}`] : []),
    ...(entry.url ? [`URL:${entry.url}`] : []),
    ...(entry.sequence === undefined ? [] : [`SEQUENCE:${entry.sequence}`]),
    ...(entry.status ? [`STATUS:${entry.status}`] : []),
    'END:VEVENT',
  ];
}

/** A calendar of many entries (a whole schedule); `name` becomes X-WR-CALNAME. */
export function buildCalendar(
  entries: readonly CalendarEntry[],
  options: { prodId?: string; name?: string } = {},
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? '-//Lanyard//Portal//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...entries.flatMap(vevent),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function buildIcs(entry: CalendarEntry): string {
  return buildCalendar([entry]);
}
