import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

interface Stats {
  admitted: number;
  inside: number;
  total: number;
  lists: { name: string; admitted: number; inside: number; total: number }[];
  gates: { gate: string | null; admitted: number; exits: number }[];
}

const LANYARD = fileURLToPath(new URL('../../bin/lanyard', import.meta.url));
const EVENT = `event:
  name: Doors Conf
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: UTC
ticketTypes:
  - name: Regular
    priceCents: 0
    currency: EUR
    quantity: 10
`;

jest.setTimeout(120_000);

describe('lanyard checkin stats against a real server', () => {
  let u: CliUser;
  let eventId: string;
  let tokens: string[];
  beforeAll(async () => {
    u = await startCliUser();
    eventId = (
      await u.json<{ eventId: string }>(['apply', '-f', await u.file('event.yaml', EVENT)])
    ).eventId;
    const csv = ['name,email,ticket_type', 'Ana,ana@x.org,Regular', 'Bo,bo@x.org,Regular'];
    await u.run([
      'import',
      'attendees',
      await u.file('a.csv', [...csv, 'Cy,cy@x.org,Regular'].join('\n')),
      '--event',
      eventId,
    ]);
    const people = JSON.parse(
      (await u.run(['export', 'attendees', '--event', eventId, '--format', 'json'])).stdout,
    ) as { ticket_id: string }[];
    tokens = [];
    for (const p of people)
      tokens.push((await u.json<{ token: string }>(['tickets', 'show', p.ticket_id])).token);
  });
  afterAll(async () => {
    await u?.stop();
  });

  const scan = async (token: string, gate?: string) => {
    const res = await u.server.api(`/api/v1/events/${eventId}/checkins`, {
      body: { token, ...(gate && { gate }) },
    });
    return ((await res.json()) as { result: string }).result;
  };

  it('shows admitted of all by gate, and --json the same figures', async () => {
    expect(await scan(tokens[0]!, 'North')).toBe('admitted');
    const r = await u.run(['checkin', 'stats', '--event', eventId]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Checked in 1 of 3 {2}33%, inside now 1/);
    expect(r.stdout).toMatch(/Default\s+1 of 3 {2}33%, 1 inside/);
    expect(r.stdout).toMatch(/North\s+1 admitted, 0 exits/);
    const s = await u.json<Stats>(['checkin', 'stats', '--event', eventId]);
    expect(s).toMatchObject({
      admitted: 1,
      inside: 1,
      total: 3,
      gates: [{ gate: 'North', admitted: 1, exits: 0 }],
    });
  });

  it('--watch --json prints one line per refresh until interrupted, then exits 0', async () => {
    const child = spawn(
      process.execPath,
      [LANYARD, 'checkin', 'stats', '--event', eventId, '--watch', '--json', '--interval', '1'],
      { env: { PATH: process.env.PATH, XDG_CONFIG_HOME: join(u.dir, 'config') } },
    );
    const seen: Stats[] = [];
    let buffer = '';
    const sawTwo = new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const l of lines) seen.push(JSON.parse(l) as Stats);
        if (seen.some((s) => s.admitted === 2)) resolve();
      });
    });
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 100));
    expect(await scan(tokens[1]!, 'South')).toBe('admitted');
    await sawTwo;
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(seen[0]!.admitted).toBe(1);
    expect(seen.at(-1)!.gates.map((g) => g.gate)).toEqual(['North', 'South']);
  });

  it('refuses a missing --event and an unknown event in one line', async () => {
    const missing = await u.run(['checkin', 'stats']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error [usage]: Missing required flag event\n');
    const unknown = await u.run([
      'checkin',
      'stats',
      '--event',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error \[event_not_found\]: [^\n]+\n$/);
  });
});
