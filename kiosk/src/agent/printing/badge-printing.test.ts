import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanAnswer } from '../decide/decider.js';
import { BadgePrinting, plainProblems, type PrintingOptions } from './badge-printing.js';
import type { PrintJob } from './print-job.js';

const ticketId = '7d1c7e0a-5a4f-4c3e-9f0e-6d2b1a9c8e71';
const admitted = (over: Partial<ScanAnswer> = {}): ScanAnswer => ({
  scanId: 'a2c9c0de-1f7e-4f55-8a3b-0c7b9b6b7d11',
  result: 'admitted',
  reason: 'entry',
  direction: 'entry',
  offline: false,
  ticketId,
  attendee: { name: 'Ada Lovelace' },
  ...over,
});

let dir: string;
let printing: BadgePrinting | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lanyard-print-'));
});
afterEach(async () => {
  await printing?.stop();
  printing = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start(over: Partial<PrintingOptions> = {}, dataDir = dir): BadgePrinting {
  printing = new BadgePrinting(
    { printerUri: `file://${join(dir, 'badge.zpl')}`, retryBaseMs: 20, ...over },
    dataDir,
  );
  return printing;
}

describe('badge printing on admit', () => {
  it('prints the admitted attendee’s badge with the scanned token as its QR', async () => {
    const p = start();
    const job = p.observe(admitted(), 'TOKEN-ADA');
    expect(job).toMatchObject({ kind: 'admit', state: 'queued', name: 'Ada Lovelace' });
    await p.idle();
    const zpl = readFileSync(join(dir, 'badge.zpl'), 'utf8');
    expect(zpl).toContain('Ada Lovelace');
    expect(zpl).toContain('TOKEN-ADA');
    expect(p.status().lastJob).toMatchObject({ jobId: job!.jobId, state: 'printed', attempts: 1 });
  });

  it('prints once for a ticket scanned twice, even after the agent restarts', async () => {
    const p = start();
    expect(p.observe(admitted(), 'TOKEN-ADA')).toBeDefined();
    expect(p.observe(admitted(), 'TOKEN-ADA')).toBeUndefined();
    await p.idle();
    await p.stop();
    const again = start();
    expect(again.observe(admitted(), 'TOKEN-ADA')).toBeUndefined();
    expect(again.recent(10).filter((j) => j.kind === 'admit')).toHaveLength(1);
  });

  it('prints nothing for refusals, exits, or when printing on admit is off', async () => {
    const p = start();
    expect(
      p.observe(
        admitted({
          result: 'already_checked_in',
          reason: 'already_checked_in',
          previousAdmission: { at: '2027-05-01T09:14:00Z' },
        }),
        'T',
      ),
    ).toBeUndefined();
    expect(p.observe(admitted({ result: 'revoked', reason: 'revoked' }), 'T')).toBeUndefined();
    expect(p.observe(admitted({ direction: 'exit', reason: 'exit' }), 'T')).toBeUndefined();
    await p.stop();
    const off = start({ printOnAdmit: false });
    expect(off.observe(admitted(), 'T')).toBeUndefined();
    expect(off.recent(10)).toEqual([]);
  });

  it('keeps retrying a printer that fails, and prints once it comes back', async () => {
    const missing = join(dir, 'later');
    const seen: PrintJob[] = [];
    printing = new BadgePrinting(
      { printerUri: `file://${join(missing, 'badge.zpl')}`, retryBaseMs: 30, maxAttempts: 10 },
      dir,
      (_s, job) => job && seen.push(job),
    );
    printing.observe(admitted(), 'TOKEN-ADA');
    await new Promise((r) => setTimeout(r, 50));
    mkdirSync(missing);
    await printing.idle();
    const states = seen.map((j) => j.state);
    expect(states[0]).toBe('queued');
    expect(states).toContain('printing');
    expect(states.at(-1)).toBe('printed');
    expect(seen.at(-1)!.attempts).toBeGreaterThan(1);
    expect(readFileSync(join(missing, 'badge.zpl'), 'utf8')).toContain('TOKEN-ADA');
  });

  it('gives up after the last attempt and says why', async () => {
    const p = start({ printerUri: `file://${join(dir, 'nowhere', 'badge.zpl')}`, maxAttempts: 2 });
    p.observe(admitted(), 'T');
    await p.idle();
    expect(p.status().lastJob).toMatchObject({ state: 'failed', attempts: 2 });
    expect(p.status().lastJob?.error).toMatch(/cannot write/);
  });
});

describe('reprints', () => {
  it('reprints a badge with its reason, and logs both prints', async () => {
    const p = start();
    p.observe(admitted(), 'TOKEN-ADA');
    const job = p.reprint(ticketId, '  coffee on the badge ');
    expect(job).toMatchObject({ kind: 'reprint', reason: 'coffee on the badge' });
    await p.idle();
    const log = readFileSync(join(dir, 'prints.jsonl'), 'utf8');
    expect(log).toContain('coffee on the badge');
    expect(p.recent(10).map((j) => [j.kind, j.state])).toEqual([
      ['reprint', 'printed'],
      ['admit', 'printed'],
    ]);
  });

  it('refuses a reprint without a reason, or of a ticket this kiosk never scanned', () => {
    const p = start();
    p.observe(admitted(), 'TOKEN-ADA');
    expect(() => p.reprint(ticketId, '   ')).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    expect(() => p.reprint('00000000-0000-4000-8000-000000000000', 'lost')).toThrow(
      expect.objectContaining({ code: 'badge_data_unknown' }),
    );
  });

  it('can reprint a badge of a ticket that was already checked in elsewhere', async () => {
    const p = start({ printOnAdmit: false });
    p.observe(
      admitted({
        result: 'already_checked_in',
        reason: 'already_checked_in',
        previousAdmission: { at: '2027-05-01T09:14:00Z', gate: 'B' },
      }),
      'TOKEN-ADA',
    );
    p.reprint(ticketId, 'badge left at home');
    await p.idle();
    expect(readFileSync(join(dir, 'badge.zpl'), 'utf8')).toContain('TOKEN-ADA');
  });
});

describe('printer status', () => {
  it('reports a printer it cannot write to as not ready, with the problem', async () => {
    const p = start({ printerUri: 'file:///nonexistent-dir/lp0', statusIntervalMs: 10_000 });
    p.start();
    for (let i = 0; i < 50 && p.status().ready === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(p.status()).toMatchObject({
      ready: false,
      problems: ['/nonexistent-dir/lp0 is not writable'],
    });
  });
});

describe('printer problems shown to people', () => {
  it('keeps what to fix and drops the queue description lines CUPS adds', () => {
    expect(
      plainProblems([
        'queue disabled',
        'reason unknown',
        'Form mounted:',
        'Content types: any',
        '(none)',
        'Banner required',
      ]),
    ).toEqual(['queue disabled', 'reason unknown']);
    expect(plainProblems(['connect ECONNREFUSED 10.0.0.40:9100'])).toEqual([
      'connect ECONNREFUSED 10.0.0.40:9100',
    ]);
    expect(plainProblems(['paper out', 'head open', ''])).toEqual(['paper out', 'head open']);
  });
});

describe('a restart in the middle of printing', () => {
  it('prints what was still waiting', async () => {
    const missing = join(dir, 'later');
    const first = start({
      printerUri: `file://${join(missing, 'badge.zpl')}`,
      retryBaseMs: 10_000,
    });
    first.observe(admitted(), 'TOKEN-ADA');
    await new Promise((r) => setTimeout(r, 50)); // one failed try, then a long pause
    await first.stop();
    expect(first.status().lastJob).toMatchObject({ state: 'queued', attempts: 1 });
    mkdirSync(missing);
    const second = start({ printerUri: `file://${join(missing, 'badge.zpl')}` });
    second.start();
    await second.idle();
    expect(second.recent(5)).toMatchObject([{ kind: 'admit', state: 'printed', attempts: 2 }]);
    expect(readFileSync(join(missing, 'badge.zpl'), 'utf8')).toContain('TOKEN-ADA');
  });

  it('marks a job that was printing when the agent died as failed, and does not print it again', async () => {
    const at = new Date().toISOString();
    const job = {
      jobId: 'j1',
      kind: 'admit',
      ticketId,
      name: 'Ada Lovelace',
      state: 'printing',
      attempts: 1,
      createdAt: at,
      updatedAt: at,
    };
    writeFileSync(
      join(dir, 'prints.jsonl'),
      JSON.stringify({ type: 'badge', badge: { ticketId, name: 'Ada Lovelace', token: 'T' } }) +
        '\n' +
        JSON.stringify({ type: 'job', job }) +
        '\n' +
        '{"type":"job","job":{"jobId":"cut-by-power-lo',
    );
    const p = start();
    p.start();
    await p.idle();
    expect(p.recent(5)).toMatchObject([
      { jobId: 'j1', state: 'failed', error: 'interrupted by a restart' },
    ]);
    expect(existsSync(join(dir, 'badge.zpl'))).toBe(false);
    expect(p.observe(admitted(), 'T')).toBeUndefined();
  });
});
