import { jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startCliUser, type CliUser } from './support/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../docs/examples/event.yaml', import.meta.url));

interface Counts {
  eventId: string;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard apply against a real server', () => {
  let a: CliUser;
  let b: CliUser;
  beforeAll(async () => {
    [a, b] = await Promise.all([startCliUser(), startCliUser()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('creates the example event, and a second apply of the same file changes nothing', async () => {
    const first = await a.json<Counts>(['apply', '-f', EXAMPLE]);
    expect(first).toMatchObject({ created: 25, updated: 0, deleted: 0, unchanged: 0 });
    const second = await a.json<Counts>(['apply', '-f', EXAMPLE]);
    expect(second).toMatchObject({
      eventId: first.eventId,
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 25,
    });
    const human = await a.run(['apply', '-f', EXAMPLE]);
    expect(human.stdout).toContain('No changes: 25 objects already match the file.');
  });

  it('exports an event that applies to a fresh server as the same event', async () => {
    const { eventId } = await a.json<Counts>(['apply', '-f', EXAMPLE]);
    const exported = await a.run(['export', 'event', eventId]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('checkinLists:');
    expect(exported.stdout).toContain('entryRule: reentry_after_exit');
    expect(exported.stdout).toContain('- Workshop door');
    expect(exported.stdout).toContain(
      'subject: "Deine Tickets für {event}: wir sehen uns in Halle B"',
    );
    const file = await b.file('exported.yaml', exported.stdout);
    const onB = await b.json<Counts>(['apply', '-f', file]);
    expect(onB).toMatchObject({ created: 25, deleted: 0 });
    expect(onB.eventId).not.toBe(eventId);
    const again = await b.run(['export', 'event', onB.eventId]);
    expect(again.stdout).toBe(exported.stdout);
    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
    });
  });

  it('shows a change as a diff, changes nothing on a dry run, then applies it', async () => {
    const text = (await readFile(EXAMPLE, 'utf8')).replace('quantity: 400', 'quantity: 420');
    const file = await a.file('bigger.yaml', text);
    const dry = await a.run(['apply', '-f', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('~ ticket type "Regular": quantity 400 → 420');
    expect(await a.json<Counts>(['apply', '-f', file, '--dry-run'])).toMatchObject({ updated: 1 });
    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({ updated: 1, created: 0 });
    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({ updated: 0 });
    await a.json(['apply', '-f', EXAMPLE]);
  });

  it('moves a gate from one check-in list to another and deletes a list the file dropped', async () => {
    const name = 'Gates Conf';
    const text = (await readFile(EXAMPLE, 'utf8')).replace('name: DevConf 2027', `name: ${name}`);
    const { eventId } = await a.json<Counts>(['apply', '-f', await a.file('gates.yaml', text)]);
    const moved = await a.file(
      'moved.yaml',
      text
        .replace('    gates: [Workshop door]\n', '    gates: [Side door]\n')
        .replace('    entryRule: single\n', '    entryRule: multi\n    gates: [Workshop door]\n'),
    );
    const dry = await a.run(['apply', '-f', moved, '--dry-run']);
    expect(dry.stdout).toContain(
      '~ check-in list "Main entrance": entryRule "single" → "multi", gates [] → [Workshop door]',
    );
    expect(dry.stdout).toContain(
      '~ check-in list "Workshops": gates [Workshop door] → [Side door]',
    );
    expect(await a.json<Counts>(['apply', '-f', moved])).toMatchObject({ eventId, updated: 2 });
    expect(await a.json<Counts>(['apply', '-f', moved])).toMatchObject({ updated: 0 });

    const oneList = await a.file(
      'one-list.yaml',
      text.replace(/ {2}- name: Workshops\n( {4}.*\n)+/, ''),
    );
    expect(await a.json<Counts>(['apply', '-f', oneList])).toMatchObject({
      deleted: 1,
      created: 0,
    });
    const exported = await a.run(['export', 'event', eventId]);
    expect(exported.stdout).toContain('Main entrance');
    expect(exported.stdout).not.toContain('Workshops');
  });

  it('keeps the program as the file says: moves, drops, and cancels a released session it drops', async () => {
    const name = 'Program Conf';
    const text = (await readFile(EXAMPLE, 'utf8')).replace('name: DevConf 2027', `name: ${name}`);
    const { eventId } = await a.json<Counts>(['apply', '-f', await a.file('program.yaml', text)]);
    const draft = async () =>
      (await a.server.api(`/api/v1/events/${eventId}/schedule/draft`).then((r) => r.json())) as {
        sessions: { id: string; title: string; status: string; speakerIds: string[] }[];
        slots: { sessionId: string; startsAt: string }[];
        speakers: { id: string; name: string }[];
      };
    const before = await draft();
    const workshop = before.sessions.find((s) => s.title === 'Build your own linter')!;
    expect(workshop.speakerIds.map((id) => before.speakers.find((p) => p.id === id)!.name)).toEqual(
      ['Ada Lovelace', 'Grace Hopper'],
    );
    expect(before.slots.find((s) => s.sessionId === workshop.id)!.startsAt).toBe(
      '2027-05-01T12:00:00.000Z',
    );

    // The workshop moves an hour later; the talk on debugging is dropped before any release.
    const moved = text
      .replace('startsAt: 2027-05-01T14:00:00+02:00', 'startsAt: 2027-05-01T15:00:00+02:00')
      .replace(/ {4}- title: Debugging in production\n( {6}.*\n)+/, '');
    const file = await a.file('moved-program.yaml', moved);
    const dry = await a.run(['apply', '-f', file, '--dry-run']);
    expect(dry.stdout).toContain(
      '~ session "Build your own linter": startsAt "2027-05-01T12:00:00.000Z" → "2027-05-01T15:00:00+02:00"',
    );
    expect(dry.stdout).toContain('- session "Debugging in production"');
    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({ updated: 1, deleted: 1 });
    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({ updated: 0, deleted: 0 });
    const after = await draft();
    expect(after.sessions.map((s) => s.title).sort()).toEqual([
      'Build your own linter',
      'Opening keynote',
    ]);
    expect(after.slots.find((s) => s.sessionId === workshop.id)!.startsAt).toBe(
      '2027-05-01T13:00:00.000Z',
    );

    // Once released, a session the file drops is cancelled (its attendees hear of it), and stays so.
    expect((await a.run(['schedule', 'release', '--event', eventId, '-m', 'v1'])).code).toBe(0);
    const noKeynote = await a.file(
      'no-keynote.yaml',
      moved.replace(/ {4}- title: Opening keynote\n( {6}.*\n)+/, ''),
    );
    expect(await a.json<Counts>(['apply', '-f', noKeynote])).toMatchObject({ deleted: 1 });
    expect(await a.json<Counts>(['apply', '-f', noKeynote])).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
    });
    const cancelled = (await draft()).sessions.find((s) => s.title === 'Opening keynote')!;
    expect(cancelled.status).toBe('cancelled');
    expect((await draft()).slots.some((s) => s.sessionId === cancelled.id)).toBe(false);
  });

  it("keeps the event's own mail texts as the file says, and leaves them alone without the key", async () => {
    const event = `event:
  name: Texts Conf
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: UTC
  languages: [en, de]
`;
    const withTexts = `${event}messageTexts:
  order_confirmed:
    en: { subject: "Your tickets for {event}", intro: "Hello {name}, see you there." }
    de: { subject: "Deine Tickets für {event}" }
  waitlist_offer:
    en: { intro: "A seat is yours until {expiresAt}." }
`;
    const file = await a.file('texts.yaml', withTexts);
    const first = await a.json<Counts>(['apply', '-f', file]);
    expect(first).toMatchObject({ created: 4, updated: 0, deleted: 0 });
    const { eventId } = first;
    type Texts = { items: { kind: string; subject: string | null; intro: string | null }[] };
    const texts = async (lang: string) =>
      (
        (await (
          await a.server.api(`/api/v1/events/${eventId}/message-texts?lang=${lang}`)
        ).json()) as Texts
      ).items.filter((t) => t.subject !== null || t.intro !== null);
    expect(await texts('en')).toEqual([
      expect.objectContaining({
        kind: 'order_confirmed',
        subject: 'Your tickets for {event}',
        intro: 'Hello {name}, see you there.',
      }),
      expect.objectContaining({
        kind: 'waitlist_offer',
        subject: null,
        intro: 'A seat is yours until {expiresAt}.',
      }),
    ]);
    const [de] = await texts('de');
    expect(de).toMatchObject({ kind: 'order_confirmed', subject: 'Deine Tickets für {event}' });
    // The confirmation as its buyer would get it with the saved texts.
    const preview = (await (
      await a.server.api(`/api/v1/events/${eventId}/message-texts/order_confirmed/preview`, {
        body: { lang: 'de', subject: de!.subject, intro: de!.intro },
      })
    ).json()) as { subject: string };
    expect(preview.subject).toBe('Deine Tickets für Texts Conf');

    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 4,
    });

    // A changed subject, a text dropped from the section: updated, and the catalog's again.
    const changed = await a.file(
      'texts-changed.yaml',
      withTexts
        .replace('Deine Tickets für {event}', 'Tickets für {event}')
        .replace(/ {2}waitlist_offer:\n.*\n/, ''),
    );
    const dry = await a.run(['apply', '-f', changed, '--dry-run']);
    expect(dry.stdout).toContain(
      '~ mail text "order_confirmed (de)": subject "Deine Tickets für {event}" → "Tickets für {event}"',
    );
    expect(dry.stdout).toContain('- mail text "waitlist_offer (en)"');
    expect(await a.json<Counts>(['apply', '-f', changed])).toMatchObject({
      updated: 1,
      deleted: 1,
    });
    expect((await texts('en')).map((t) => t.kind)).toEqual(['order_confirmed']);
    expect((await texts('de'))[0]).toMatchObject({ subject: 'Tickets für {event}' });

    // Without the key apply leaves the texts alone.
    const without = await a.file('texts-without.yaml', event);
    expect(await a.json<Counts>(['apply', '-f', without])).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 1,
    });
    expect(await texts('en')).toHaveLength(1);

    // A placeholder there is none of: refused at its field before anything is sent, so the
    // file's other change (the German subject) is not made either.
    const bad = await a.file(
      'texts-bad.yaml',
      withTexts.replace('Hello {name}', 'Hello {firstName}'),
    );
    const refused = await a.run(['apply', '-f', bad, '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.message).toMatch(
      /texts-bad\.yaml:9:55: messageTexts\.order_confirmed\.en\.intro has no placeholder \{firstName\}; there are \{name\}, \{event\}/,
    );
    expect((await texts('de'))[0]).toMatchObject({ subject: 'Tickets für {event}' });
  });

  it('refuses to delete a ticket type that has sales unless --force', async () => {
    const name = 'Sold Out Conf';
    const text = (await readFile(EXAMPLE, 'utf8')).replace('name: DevConf 2027', `name: ${name}`);
    const { eventId } = await a.json<Counts>(['apply', '-f', await a.file('sold.yaml', text)]);
    const csv = await a.file(
      'speaker.csv',
      // The example asks a required T-shirt size, which the import checks as registration does.
      'name,email,ticket_type,T-shirt size\nSam,sam@example.org,Speaker,M\n',
    );
    expect((await a.run(['import', 'attendees', csv, '--event', eventId])).code).toBe(0);
    const without = await a.file(
      'without-speaker.yaml',
      text
        .replace(/ {2}- name: Speaker\n( {4}.*\n)+/, '')
        .replace(/ {2}- code: SPEAKERS2027\n( {4}.*\n)+/, ''),
    );
    const refused = await a.run(['apply', '-f', without, '--json']);
    expect(refused.code).toBe(4);
    expect(JSON.parse(refused.stdout).error.code).toBe('delete_in_use');
    expect(refused.stderr).toContain('ticket type "Speaker", which has 1 sold, 0 held');
    // The Speaker type and its access code.
    expect(await a.json<Counts>(['apply', '-f', without, '--force'])).toMatchObject({ deleted: 2 });
  });

  describe('refuses a bad event file with its line and column, and exit status 2', () => {
    const base = (extra: string) => `event:
  name: Broken
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: UTC
ticketTypes:
  - name: Regular
    priceCents: 100
    currency: EUR
    quantity: 10
${extra}`;
    const refusal = async (name: string, text: string) => {
      const r = await a.run(['apply', '-f', await a.file(name, text), '--json']);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      return JSON.parse(r.stdout).error as { code: string; message: string };
    };

    it('an unknown key', async () => {
      const e = await refusal('unknown.yaml', base('    colour: blue\n'));
      expect(e.code).toBe('event_file_invalid');
      expect(e.message).toMatch(
        /unknown\.yaml:11:5: ticketTypes\[0\]\.colour is not a known field$/,
      );
    });

    it('a wrong type', async () => {
      const e = await refusal(
        'type.yaml',
        base('  - name: VIP\n    priceCents: "cheap"\n    currency: EUR\n    quantity: 1\n'),
      );
      expect(e.message).toMatch(
        /type\.yaml:12:17: ticketTypes\[1\]\.priceCents must be a whole number$/,
      );
    });

    it('a duplicate ticket type name, ignoring case', async () => {
      const e = await refusal(
        'dup.yaml',
        base('  - name: regular\n    priceCents: 1\n    currency: EUR\n    quantity: 1\n'),
      );
      expect(e.message).toMatch(
        /dup\.yaml:11:11: ticketTypes\[1\]\.name repeats the name of item 1/,
      );
    });

    it('a quota naming a ticket type the file does not have', async () => {
      const e = await refusal(
        'ref.yaml',
        base('quotas:\n  - name: Hall\n    size: 5\n    ticketTypes: [Regular, VIP]\n'),
      );
      expect(e.message).toMatch(
        /ref\.yaml:14:28: quotas\[0\]\.ticketTypes\[1\] names no ticket type of this file \("VIP"\)/,
      );
    });

    it('an unknown key inside a check-in list', async () => {
      const e = await refusal(
        'list.yaml',
        base('checkinLists:\n  - name: Door\n    entryRule: single\n    reentry: true\n'),
      );
      expect(e.code).toBe('event_file_invalid');
      expect(e.message).toMatch(
        /list\.yaml:14:5: checkinLists\[0\]\.reentry is not a known field$/,
      );
    });

    it('a gate given to two check-in lists', async () => {
      const e = await refusal(
        'gate.yaml',
        base(
          'checkinLists:\n  - name: A\n    gates: [North]\n  - name: B\n    gates: [South, North]\n',
        ),
      );
      expect(e.message).toMatch(
        /gate\.yaml:15:20: checkinLists\[1\]\.gates\[1\] repeats gate "North" of checkinLists\[0\]/,
      );
    });

    it('a session naming a speaker the program does not have', async () => {
      const e = await refusal(
        'program.yaml',
        base(
          'program:\n  speakers:\n    - name: Ada\n  sessions:\n    - title: Talk\n      durationMinutes: 30\n      speakers: [Ada, Bob]\n',
        ),
      );
      expect(e.message).toMatch(
        /program\.yaml:17:23: program\.sessions\[0\]\.speakers\[1\] names no speaker of this program \("Bob"\)/,
      );
    });

    it('broken YAML', async () => {
      const e = await refusal('syntax.yaml', 'event:\n  name: [unclosed\n');
      expect(e.message).toMatch(/^.*syntax\.yaml:\d+:\d+: \(syntax\) /);
    });

    it('a JSON file with a wrong value, positioned in the JSON text', async () => {
      const e = await refusal(
        'bad.json',
        '{\n  "event": {\n    "name": "J",\n    "startsAt": "2027-05-01T09:00:00Z",\n    "endsAt": "tomorrow",\n    "timezone": "UTC"\n  }\n}\n',
      );
      expect(e.message).toMatch(/bad\.json:5:15: event\.endsAt must be an ISO 8601 date-time/);
    });
  });

  it('uploads the logo a file names, changes it when the file changes, and removes it on null', async () => {
    // Two 1×1 PNGs of different colours.
    const green =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgzvMHAAFQAMmqFjo2AAAAAElFTkSuQmCC';
    const yellow =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4f4UBAASpAdQJZe+fAAAAAElFTkSuQmCC';
    const event = (logo: string) =>
      `event:\n  name: Logo Conf\n  startsAt: 2027-05-01T09:00:00Z\n  endsAt: 2027-05-02T09:00:00Z\n  timezone: UTC\nimages:\n  logo: ${logo}\n`;
    await a.file('logo.png', Buffer.from(green, 'base64'));
    const file = await a.file('logo-conf.yaml', event('logo.png'));
    const first = await a.json<Counts>(['apply', '-f', file]);
    expect(first).toMatchObject({ created: 2, updated: 0 });
    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    await a.file('logo.png', Buffer.from(yellow, 'base64'));
    const changed = await a.run(['apply', '-f', file, '--dry-run']);
    expect(changed.stdout).toMatch(/~ image "logo": sha256 /);
    expect(await a.json<Counts>(['apply', '-f', file])).toMatchObject({ updated: 1 });
    const removed = await a.file('logo-conf.yaml', event('null'));
    expect(await a.json<Counts>(['apply', '-f', removed])).toMatchObject({ deleted: 1 });
    expect(await a.json<Counts>(['apply', '-f', removed])).toMatchObject({
      deleted: 0,
      // The event, and the logo that stays absent.
      unchanged: 2,
    });
  });
});
