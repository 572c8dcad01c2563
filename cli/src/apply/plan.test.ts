import { countChanges, planChanges } from './plan.js';
import { currentState, desiredState } from './state.js';
import { EventFile } from './file-schema.js';
import type { CheckinList, Event, TicketType } from '../client/types.js';
import type { CurrentMessageText } from './message-texts.js';

const file = EventFile.parse({
  event: {
    name: 'Conf',
    startsAt: '2027-05-01T11:00:00+02:00',
    endsAt: '2027-05-02T09:00:00Z',
    timezone: 'UTC',
  },
  ticketTypes: [{ name: 'Regular', priceCents: 100, currency: 'EUR', quantity: 10 }],
  quotas: [{ name: 'Hall', size: 5, ticketTypes: ['regular'] }],
});

const event: Event = {
  id: 'e1',
  organizationId: 'o',
  name: 'Conf',
  startsAt: '2027-05-01T09:00:00.000Z',
  endsAt: '2027-05-02T09:00:00.000Z',
  timezone: 'UTC',
  venue: null,
  description: null,
  paymentProvider: 'manual',
  holdMinutes: 30,
  waitlistOfferMinutes: 60,
  maxTicketsPerEmail: null,
  attendeePhone: 'off',
  phoneRegion: null,
  smsKinds: [],
  languages: ['en'],
  branding: {
    accentColor: null,
    organizerName: null,
    contactEmail: null,
    contactPhone: null,
    contactAddress: null,
    imprint: null,
    termsUrl: null,
    privacyUrl: null,
  },
  status: 'active',
  createdAt: '',
  updatedAt: '',
};
const type = (over: Partial<TicketType>): TicketType => ({
  id: 't1',
  eventId: 'e1',
  name: 'Regular',
  description: null,
  priceCents: 100,
  currency: 'EUR',
  quantity: 10,
  maxPerOrder: 10,
  taxRate: 0,
  salesStart: null,
  salesEnd: null,
  position: 3,
  hidden: false,
  sold: 0,
  held: 0,
  available: 10,
  status: 'active',
  ...over,
});
const hall = {
  id: 'q1',
  name: 'Hall',
  size: 5,
  used: 0,
  available: 5,
  ticketTypeIds: ['t1'],
  status: 'active' as const,
};

describe('planning an apply', () => {
  it('creates everything on a server without the event', () => {
    expect(countChanges(planChanges(desiredState(file), undefined))).toEqual({
      created: 3,
      updated: 0,
      deleted: 0,
      unchanged: 0,
    });
  });

  it('finds nothing to do when only instants offsets, name case in references and position gaps differ', () => {
    const plan = planChanges(desiredState(file), currentState(event, [type({})], [hall], [], []));
    expect(plan.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('updates only the changed fields and deletes what the file dropped, marking sales', () => {
    const current = currentState(
      event,
      [type({ quantity: 8 }), type({ id: 't2', name: 'VIP', position: 4, sold: 2 })],
      [hall],
      [],
      [],
    );
    const plan = planChanges(desiredState(file), current);
    expect(plan.changes.filter((c) => c.action !== 'unchanged')).toEqual([
      expect.objectContaining({
        action: 'update',
        name: 'Regular',
        diffs: [{ field: 'quantity', from: 8, to: 10 }],
      }),
      expect.objectContaining({ action: 'delete', name: 'VIP', id: 't2', inUse: '2 sold, 0 held' }),
    ]);
  });

  it('ignores the default check-in list and compares windows as instants and gates as sets', () => {
    const withLists = EventFile.parse({
      ...file,
      checkinLists: [
        {
          name: 'Door',
          window: { from: '2027-05-01T11:00:00+02:00' },
          gates: ['B', 'A', 'A'],
        },
      ],
    });
    const list = (over: Partial<CheckinList>): CheckinList => ({
      id: 'l1',
      eventId: 'e1',
      name: 'Door',
      ticketTypeIds: null,
      window: { from: '2027-05-01T09:00:00.000Z', until: null },
      entryRule: 'single',
      gates: ['A', 'B'],
      isDefault: false,
      ...over,
    });
    const current = (lists: CheckinList[]) =>
      currentState(event, [type({})], [hall], [], [], lists);
    const same = planChanges(desiredState(withLists), current([list({})]));
    expect(countChanges(same)).toMatchObject({ created: 0, updated: 0, deleted: 0 });

    const onlyDefault = list({ id: 'e1', name: 'Default', isDefault: true, gates: [] });
    const fresh = planChanges(desiredState(withLists), current([onlyDefault]));
    expect(fresh.changes.filter((c) => c.action !== 'unchanged')).toEqual([
      expect.objectContaining({ action: 'create', kind: 'check-in list', name: 'Door' }),
    ]);

    const later = planChanges(
      desiredState(withLists),
      current([list({ window: { from: '2027-05-01T10:00:00.000Z', until: null } })]),
    );
    expect(later.changes.find((c) => c.kind === 'check-in list')?.diffs).toEqual([
      {
        field: 'window',
        from: { from: '2027-05-01T10:00:00.000Z', until: null },
        to: { from: '2027-05-01T11:00:00+02:00', until: null },
      },
    ]);
  });

  it('compares the branding field by field: the same colour in another case changes nothing', () => {
    const branded = EventFile.parse({
      ...file,
      event: {
        ...file.event,
        branding: { accentColor: '#0B6E4F', termsUrl: 'https://e.org/terms' },
      },
    });
    const server = (over: Partial<Event['branding']>) =>
      currentState(
        { ...event, branding: { ...event.branding, ...over } },
        [type({})],
        [hall],
        [],
        [],
      );
    const same = planChanges(
      desiredState(branded),
      server({ accentColor: '#0b6e4f', termsUrl: 'https://e.org/terms' }),
    );
    expect(countChanges(same)).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    const other = planChanges(desiredState(branded), server({ accentColor: '#0b6e4f' }));
    expect(other.changes.find((c) => c.kind === 'event')).toMatchObject({
      action: 'update',
      diffs: [expect.objectContaining({ field: 'branding' })],
    });
  });

  it('plans mail texts only when the file has them: the same text is unchanged, a dropped one deleted', () => {
    const server = (texts: CurrentMessageText[]) =>
      currentState(event, [type({})], [hall], [], [], [], undefined, texts);
    const text = (over: Partial<CurrentMessageText>): CurrentMessageText => ({
      id: 'order_confirmed (en)',
      kind: 'order_confirmed',
      lang: 'en',
      subject: 'Tickets for {event}',
      intro: null,
      ...over,
    });
    const kept = [
      text({}),
      text({ id: 'waitlist_offer (de)', kind: 'waitlist_offer', lang: 'de' }),
    ];
    // No messageTexts in the file: the server's texts are left alone.
    expect(planChanges(desiredState(file), server(kept)).changes.map((c) => c.kind)).not.toContain(
      'mail text',
    );
    const withTexts = EventFile.parse({
      ...file,
      messageTexts: { order_confirmed: { en: { subject: ' Tickets for {event}' } } },
    });
    const plan = planChanges(desiredState(withTexts), server(kept));
    expect(plan.changes.filter((c) => c.kind === 'mail text')).toEqual([
      expect.objectContaining({ action: 'unchanged', name: 'order_confirmed (en)' }),
      expect.objectContaining({ action: 'delete', name: 'waitlist_offer (de)' }),
    ]);
    const intro = planChanges(
      desiredState(withTexts),
      server([text({ intro: 'Hello {name}' })]),
    ).changes.find((c) => c.kind === 'mail text');
    expect(intro).toMatchObject({
      action: 'update',
      diffs: [{ field: 'intro', from: 'Hello {name}', to: null }],
    });
  });

  it('refuses a mail text with an unknown kind or placeholder, naming the field', () => {
    const issues = (messageTexts: unknown) =>
      EventFile.safeParse({ ...file, messageTexts }).error?.issues.map((i) => [
        i.path.join('.'),
        i.message,
      ]);
    expect(issues({ order_confirmd: { en: { subject: 'Hi' } } })).toEqual([
      ['messageTexts', 'Unrecognized key: "order_confirmd"'],
    ]);
    expect(issues({ organizer_message: { en: { subject: 'Hi' } } })?.[0]?.[1]).toMatch(
      /organizer_message/,
    );
    expect(
      issues({ refund_issued: { de: { intro: 'Wir erstatten {amount} am {date}' } } }),
    ).toEqual([
      [
        'messageTexts.refund_issued.de.intro',
        'has no placeholder {date}; there are {name}, {event}, {amount}, {position}, {expiresAt}, {reason}, {session}',
      ],
    ]);
    expect(issues({ order_confirmed: { en: { subject: 'Two\nlines' } } })).toEqual([
      ['messageTexts.order_confirmed.en.subject', 'must be one line'],
    ]);
  });
});
