import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

interface Report {
  imported: number;
  skipped: number;
  errors: { line: number; message: string }[];
  dryRun: boolean;
}

const EVENT = `event:
  name: Import Conf
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: UTC
ticketTypes:
  - name: Regular
    priceCents: 9900
    currency: EUR
    quantity: 100
  - name: Speaker
    priceCents: 0
    currency: EUR
    quantity: 10
questions:
  - label: Company
    kind: text
`;

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard import attendees against a real server', () => {
  let u: CliUser;
  let eventId: string;
  beforeAll(async () => {
    u = await startCliUser();
    eventId = (
      await u.json<{ eventId: string }>(['apply', '-f', await u.file('event.yaml', EVENT)])
    ).eventId;
  });
  afterAll(async () => {
    await u?.stop();
  });

  const importJson = async (file: string, ...flags: string[]) => {
    const r = await u.run(['import', 'attendees', file, '--event', eventId, '--json', ...flags]);
    return { code: r.code, stderr: r.stderr, report: JSON.parse(r.stdout) as Report };
  };

  it('names exactly the bad lines, imports the good rows, and a re-run imports nothing', async () => {
    const csv = await u.file(
      'guests.csv',
      [
        'name,email,ticket_type,Company',
        'Ana Li,ana@example.org,Regular,ACME',
        'Bob,bob-at-example.org,Regular,',
        ',nobody@example.org,Regular,',
        'Cy,cy@example.org,Backstage,',
        'Dee,dee@example.org,speaker,Lanyard',
        'Eve,eve@example.org',
        'Fay,fay@example.org,Regular,',
      ].join('\n'),
    );
    const first = await importJson(csv);
    expect(first.code).toBe(1);
    expect(first.report.imported).toBe(3);
    expect(first.report.skipped).toBe(0);
    expect(first.report.errors).toEqual([
      { line: 3, message: 'email "bob-at-example.org" is not an email address' },
      { line: 4, message: 'name is empty' },
      { line: 5, message: 'ticket type "Backstage" is not on sale for this event' },
      { line: 7, message: 'has 2 fields, the header has 4' },
    ]);
    expect(first.stderr).toContain(
      'error [rows_refused]: 4 rows were not imported (first: line 3:',
    );
    const again = await importJson(csv);
    expect(again.report).toMatchObject({ imported: 0, skipped: 3 });
    const exported = await u.run(['export', 'attendees', '--event', eventId, '--format', 'json']);
    const people = JSON.parse(exported.stdout) as {
      email: string;
      answers: Record<string, string>;
    }[];
    expect(people.map((p) => p.email).sort()).toEqual([
      'ana@example.org',
      'dee@example.org',
      'fay@example.org',
    ]);
    expect(Object.values(people.find((p) => p.email === 'ana@example.org')!.answers)).toEqual([
      'ACME',
    ]);
  });

  it('reads a BOM, semicolons and quoted line breaks, and counts lines as the file has them', async () => {
    const csv = await u.file(
      'excel.csv',
      Buffer.from(
        '\uFEFFName;E-Mail;Ticket_Type\r\n"Li,\r\nAna";ana2@example.org;Regular\r\n\r\nBo;bo@example.org;Gold\r\nCy;cy2@example.org;Regular\r\n',
      ),
    );
    const r = await importJson(csv, '--map', 'email=E-Mail');
    expect(r.report.imported).toBe(2);
    expect(r.report.errors).toEqual([
      { line: 5, message: 'ticket type "Gold" is not on sale for this event' },
    ]);
    const attendees = await u.run(['export', 'attendees', '--event', eventId]);
    expect(attendees.stdout).toContain('"Li,\r\nAna",ana2@example.org');
  });

  it('refuses a file without a required column, naming it and the way out', async () => {
    const csv = await u.file(
      'no-email.csv',
      'name,mail,ticket_type\nAna,ana@example.org,Regular\n',
    );
    const r = await u.run(['import', 'attendees', csv, '--event', eventId, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toEqual({
      code: 'csv_missing_column',
      message:
        'line 1: the header has no column "email" (columns: name, mail, ticket_type); add it or use --map email=COLUMN',
    });
  });

  it('checks every row on a dry run and imports nothing', async () => {
    const csv = await u.file(
      'dry.csv',
      'name\temail\tticket_type\nGus\tgus@example.org\tRegular\n',
    );
    const dry = await importJson(csv, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.report).toEqual({
      imported: 1,
      skipped: 0,
      errors: [],
      dryRun: true,
      ignoredColumns: [],
    });
    const real = await importJson(csv);
    expect(real.report).toMatchObject({ imported: 1, dryRun: false });
  });

  it('escapes cells that would run as spreadsheet formulas in the CSV export', async () => {
    const csv = await u.file(
      'evil.csv',
      'name,email,ticket_type\n"=HYPERLINK(""http://x"")",evil@example.org,Regular\n',
    );
    expect((await importJson(csv)).report.imported).toBe(1);
    const out = await u.run(['export', 'attendees', '--event', eventId, '--format', 'csv']);
    expect(out.stdout).toContain(`"'=HYPERLINK(""http://x"")",evil@example.org`);
  });
});
