import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

interface Report {
  kind: string;
  columns: string[];
  rows: Record<string, string | number | null>[];
}

const EVENT = `event:
  name: Reports Conf
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: America/New_York
ticketTypes:
  - name: Regular
    priceCents: 0
    currency: EUR
    quantity: 10
`;

jest.setTimeout(120_000);

describe('lanyard reports against a real server', () => {
  let u: CliUser;
  let eventId: string;
  beforeAll(async () => {
    u = await startCliUser();
    eventId = (
      await u.json<{ eventId: string }>(['apply', '-f', await u.file('event.yaml', EVENT)])
    ).eventId;
    const csv = ['name,email,ticket_type', 'Ana,ana@x.org,Regular', 'Bo,bo@x.org,Regular'];
    await u.run(['import', 'attendees', await u.file('a.csv', csv.join('\n')), '--event', eventId]);
  });
  afterAll(async () => {
    await u?.stop();
  });

  it('prints the sales of imported attendees as JSON with --json, by channel', async () => {
    const r = await u.json<Report>(['reports', 'sales', '--event', eventId, '--bucket', 'week']);
    expect(r.kind).toBe('sales');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ channel: 'import', tickets: 2, orders: 2, revenue_cents: 0 });
  });

  it('prints CSV with --format csv and a table by default', async () => {
    const csv = await u.run(['reports', 'no-shows', '--event', eventId, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('ticket_type_id,ticket_type,registered,admitted,no_shows,no_show_rate');
    expect(lines.at(-1)).toBe(',Total,2,0,2,1');
    const table = await u.run(['reports', 'no-shows', '--event', eventId]);
    expect(table.stdout).toMatch(/^no-shows \(America\/New_York\)/);
    expect(table.stdout).toMatch(/Total\s+2\s+0\s+2\s+100\.0%/);
  });

  it('refuses an unknown report before asking the server', async () => {
    const r = await u.run(['reports', 'everything', '--event', eventId]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Expected everything to be one of/);
  });
});
