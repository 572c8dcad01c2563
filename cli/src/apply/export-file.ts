import { stringify } from 'yaml';
import { textsOfFile } from './message-texts.js';
import { OTHER_SLOTS } from './program-state.js';
import type { CurrentState } from './state.js';

// The server's event as an event file: what `lanyard apply` would read back as "nothing to do".
// Defaults are left out, so the file shows what the organizer chose.

const instant = (s: string | null) => (s ? s.replace(/\.000Z$/, 'Z') : s);

function compact<T extends object>(o: T, defaults: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([k, v]) => {
      const d = (defaults as Record<string, unknown>)[k];
      if (d !== undefined && JSON.stringify(d) === JSON.stringify(v)) return false;
      return v !== null && v !== undefined;
    }),
  ) as Partial<T>;
}

export function eventFileOf(s: CurrentState): Record<string, unknown> {
  const { id: _id, ...event } = s.event;
  // References in the ticket types' order, whatever order the server keeps them in.
  const rank = new Map(s.ticketTypes.map((t, i) => [t.name, i]));
  const inOrder = (names: string[]) =>
    [...names].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const branding = compact(event.branding, {});
  return {
    event: compact(
      {
        ...event,
        startsAt: instant(event.startsAt),
        endsAt: instant(event.endsAt),
        branding: Object.keys(branding).length ? branding : null,
      },
      {
        paymentProvider: 'manual',
        holdMinutes: 30,
        waitlistOfferMinutes: 60,
        attendeePhone: 'off',
        smsKinds: [],
        languages: ['en'],
      },
    ),
    ticketTypes: s.ticketTypes.map(({ id: _i, sold: _s, held: _h, position: _p, ...t }) =>
      compact(
        { ...t, salesStart: instant(t.salesStart), salesEnd: instant(t.salesEnd) },
        { maxPerOrder: 10, taxRate: 0, hidden: false },
      ),
    ),
    quotas: s.quotas.map(({ id: _i, used: _u, ...q }) => ({
      ...q,
      ticketTypes: inOrder(q.ticketTypes),
    })),
    questions: s.questions.map(({ id: _i, position: _p, ...q }) =>
      compact(
        { ...q, ticketTypes: q.ticketTypes && inOrder(q.ticketTypes) },
        { required: false, options: [] },
      ),
    ),
    promoCodes: s.promoCodes.map(({ id: _i, uses: _u, ...p }) =>
      compact(
        {
          ...p,
          validFrom: instant(p.validFrom),
          validUntil: instant(p.validUntil),
          ticketTypes: p.ticketTypes && inOrder(p.ticketTypes),
        },
        { reservedSeats: 0 },
      ),
    ),
    checkinLists: s.checkinLists.map(({ id: _i, window, ...l }) =>
      compact(
        {
          ...l,
          ticketTypes: l.ticketTypes && inOrder(l.ticketTypes),
          window:
            window && compact({ from: instant(window.from), until: instant(window.until) }, {}),
        },
        { entryRule: 'single', gates: [] },
      ),
    ),
    ...(programOf(s.program) ? { program: programOf(s.program) } : {}),
    ...(s.messageTexts.length ? { messageTexts: textsOfFile(s.messageTexts) } : {}),
  };
}

/** The program as the file writes it; left out when the event has none. */
function programOf(p: CurrentState['program']): Record<string, unknown> | undefined {
  if (!p.rooms.length && !p.tracks.length && !p.speakers.length && !p.sessions.length)
    return undefined;
  return {
    rooms: p.rooms.map(({ id: _i, position: _p, ...r }) => compact(r, {})),
    tracks: p.tracks.map(({ id: _i, ...t }) => compact(t, {})),
    speakers: p.speakers.map(({ id: _i, ...s }) => compact(s, {})),
    sessions: p.sessions
      // A session cancelled after its release and left out of the file stays that way.
      .filter((s) => !(s.released && s.status === 'cancelled'))
      .map(({ id: _i, slotIds: _s, released: _r, startsAt, room, ...s }) =>
        compact(
          {
            ...s,
            // Slots a file cannot say (several, or one without a room) are left to the API.
            ...(room && room !== OTHER_SLOTS ? { room, startsAt: instant(startsAt) } : {}),
          },
          { kind: 'talk', status: 'confirmed', speakers: [] },
        ),
      ),
  };
}

export function eventFileText(s: CurrentState, format: 'yaml' | 'json'): string {
  const file = eventFileOf(s);
  if (format === 'json') return `${JSON.stringify(file, null, 2)}\n`;
  return `# lanyard apply -f this-file.yaml\n${stringify(file, { lineWidth: 0 })}`;
}
