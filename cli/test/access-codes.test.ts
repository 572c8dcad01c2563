import { jest } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { startCliUser, type CliUser } from './support/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../docs/examples/event.yaml', import.meta.url));

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard access-codes', () => {
  let u: CliUser;
  beforeAll(async () => {
    u = await startCliUser();
  });
  afterAll(async () => {
    await u?.stop();
  });

  it('generates codes for the hidden Speaker ticket, exports them, and apply leaves them alone', async () => {
    const { eventId } = await u.json<{ eventId: string }>(['apply', '-f', EXAMPLE]);
    const gen = await u.run([
      'access-codes',
      'generate',
      '--event',
      eventId,
      '--count',
      '5',
      '--prefix',
      'SPK-',
      '--ticket-type',
      'speaker',
    ]);
    expect(gen.code).toBe(0);
    const codes = gen.stdout.trim().split('\n');
    expect(codes).toHaveLength(5);
    for (const c of codes) expect(c).toMatch(/^SPK-[A-Z2-9]{8}$/);

    const csv = await u.run(['access-codes', 'export', '--event', eventId, '--prefix', 'spk-']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^code,discount_kind,/);
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[0])
        .sort(),
    ).toEqual([...codes].sort());

    const listed = await u.run(['access-codes', 'list', '--event', eventId]);
    expect(listed.stdout).toContain('SPEAKERS2027  no discount, used 0 of 40');

    // The file's own code stays; the generated ones are not the file's to delete.
    expect(await u.json(['apply', '-f', EXAMPLE])).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
    });
    const after = await u.json<{ code: string }[]>(['access-codes', 'list', '--event', eventId]);
    expect(after).toHaveLength(7);

    const bad = await u.run([
      'access-codes',
      'generate',
      '--event',
      eventId,
      '--count',
      '2',
      '--ticket-type',
      'Nope',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no ticket type "Nope"');
  });
});
