import { buildIcs, escapeText, foldLine } from './ics.js';

const entry = {
  uid: 'ticket-1@lanyard',
  title: 'DevConf 2027',
  startsAt: '2027-05-01T09:00:00Z',
  endsAt: '2027-05-02T18:00:00.000Z',
  location: 'Hall 4, Messe; Berlin',
  now: new Date('2027-01-01T00:00:00Z'),
};

describe('calendar file for a ticket', () => {
  it('writes one event in UTC with CRLF line ends', () => {
    const ics = buildIcs(entry);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('\r\nDTSTART:20270501T090000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20270502T180000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20270101T000000Z\r\n');
    expect(ics).toContain('\r\nLOCATION:Hall 4\\, Messe\\; Berlin\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('escapes text so a name cannot add properties of its own', () => {
    const ics = buildIcs({ ...entry, title: 'Party\nATTACH:http://evil.example/x' });
    expect(ics).toContain('SUMMARY:Party\\nATTACH:http://evil.example/x');
    expect(ics.split('\r\n').filter((l) => l.startsWith('ATTACH'))).toEqual([]);
    expect(escapeText('a\\b')).toBe('a\\\\b');
  });

  it('leaves out location and description when the event has none', () => {
    const ics = buildIcs({ ...entry, location: null });
    expect(ics).not.toContain('LOCATION');
    expect(ics).not.toContain('DESCRIPTION');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded)
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});
