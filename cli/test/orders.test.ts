import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import {
  createPaidSale,
  registerFor,
  type PaidSale,
  type Registered,
} from '../../server/src/features/payments/test-support/payment-fixtures.js';
import { startCliUser, type CliUser } from './support/cli.js';

interface Summary {
  id: string;
  reference: string;
  status: string;
  paidCents: number;
  refundedCents: number;
  attendee: { name: string; email: string };
}

jest.setTimeout(180_000);
const run = promisify(execFile);

describe('lanyard orders against a real server', () => {
  let u: CliUser;
  let sale: PaidSale;
  let orders: Registered[];
  let refs: string[];

  beforeAll(async () => {
    u = await startCliUser();
    sale = await createPaidSale(u.server, { priceCents: 4900 });
    orders = [
      await registerFor(u.server, sale, 2),
      await registerFor(u.server, sale, 1),
      await registerFor(u.server, sale, 1),
      await registerFor(u.server, sale, 1),
    ];
    const list = await u.json<Summary[]>(['orders', 'list', '--event', sale.eventId]);
    const byId = new Map(list.map((o) => [o.id, o]));
    refs = orders.map((o) => byId.get(o.id)!.reference);
  });
  afterAll(() => u.stop());

  it('lists orders awaiting payment and finds one by email or payment reference', async () => {
    const pending = await u.run([
      'orders',
      'list',
      '--event',
      sale.eventId,
      '--status',
      'pending_payment',
    ]);
    expect(pending.code).toBe(0);
    expect(pending.stdout.trim().split('\n')).toHaveLength(4);
    expect(pending.stdout).toContain(`${refs[0]}  awaiting payment  2 × `);
    expect(pending.stdout).toContain('98.00 EUR');

    const first = await u.json<Summary[]>([
      'orders',
      'list',
      '--event',
      sale.eventId,
      '--search',
      refs[1]!.toLowerCase().replace(/-/g, ''),
    ]);
    expect(first.map((o) => o.id)).toEqual([orders[1]!.id]);
    const email = first[0]!.attendee.email;
    const byEmail = await u.json<Summary[]>([
      'orders',
      'list',
      '--event',
      sale.eventId,
      '--search',
      email.toUpperCase(),
    ]);
    expect(byEmail.map((o) => o.id)).toEqual([orders[1]!.id]);
    const paged = await u.json<Summary[]>([
      'orders',
      'list',
      '--event',
      sale.eventId,
      '--limit',
      '3',
    ]);
    expect(paged).toHaveLength(3);
  });

  it('matches a bank statement: a dry run first, then --apply marks only exact matches paid', async () => {
    const csv = [
      'Booking date;Purpose;Amount;Currency',
      `2027-05-02;"Ticket ${refs[0]!.replace(/-/g, ' ')} Summer";98,00;EUR`,
      `2027-05-02;TICKET ${refs[1]!.replace(/-/g, '')};49,00;EUR`,
      `2027-05-03;ticket ${refs[2]};40,00;EUR`,
      '2027-05-03;rent June;1.200,00;EUR',
      '2027-05-04;bank fee;-3,50;EUR',
    ].join('\n');
    const file = await u.file('statement.csv', csv);

    const dry = await u.run(['orders', 'mark-paid', '--statement', file]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`line 2: ${refs[0]} 98.00 matched order ${orders[0]!.id}\n`);
    expect(dry.stdout).toContain(
      `line 4: ${refs[2]} 40.00 amount mismatch: order ${orders[2]!.id} wants 49.00`,
    );
    expect(dry.stdout).toContain('line 5: (no reference) 1200.00 unknown');
    expect(dry.stdout).toContain(
      '2 matched, 1 amount mismatch, 0 already paid, 0 not payable, 1 unknown; 1 line(s) not money in.',
    );
    expect(dry.stdout).toContain('Dry run: nothing was marked paid.');
    const still = await u.json<Summary[]>([
      'orders',
      'list',
      '--event',
      sale.eventId,
      '--status',
      'pending_payment',
    ]);
    expect(still).toHaveLength(4);

    const applied = await u.json<{
      matched: number;
      results: { line: number; applied: boolean; paymentOutcome?: string }[];
    }>(['orders', 'mark-paid', '--statement', file, '--apply']);
    expect(applied.matched).toBe(2);
    expect(applied.results.filter((r) => r.applied).map((r) => [r.line, r.paymentOutcome])).toEqual(
      [
        [2, 'confirmed'],
        [3, 'confirmed'],
      ],
    );
    const pending = await u.json<Summary[]>([
      'orders',
      'list',
      '--event',
      sale.eventId,
      '--status',
      'pending_payment',
    ]);
    expect(pending.map((o) => o.id).sort()).toEqual([orders[2]!.id, orders[3]!.id].sort());

    // The same statement again pays nothing twice.
    const again = await u.run(['orders', 'mark-paid', '--statement', file, '--apply']);
    expect(again.stdout).toContain('0 matched, 1 amount mismatch, 2 already paid');
    expect(again.stdout).toContain('0 order(s) marked paid.');
  });

  it('marks one order paid, shows it, refunds and cancels, each saying what it did', async () => {
    const id = orders[2]!.id;
    const paid = await u.run(['orders', 'mark-paid', id, '--reference', 'cash at the door']);
    expect(paid.code).toBe(0);
    expect(paid.stdout).toBe(
      `Order ${id} (${refs[2]}) marked paid, 49.00 EUR: it is confirmed and its tickets are valid.\n`,
    );
    const twice = await u.run(['orders', 'mark-paid', id]);
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(/^error \[order_already_paid\]: /);

    const shown = await u.run(['orders', 'show', id]);
    expect(shown.stdout).toContain(`Order ${id} (${refs[2]}): paid`);
    expect(shown.stdout).toMatch(
      /Payment [0-9a-f-]+: manual 49.00 EUR succeeded \(cash at the door\)/,
    );

    const refunded = await u.run([
      'orders',
      'refund',
      id,
      '--all',
      '--cancel-tickets',
      '--reason',
      'ill',
    ]);
    expect(refunded.code).toBe(0);
    expect(refunded.stdout).toContain(`Refunded 49.00 EUR of order ${id} (${refs[2]}).`);
    expect(refunded.stdout).toContain('Order is cancelled: paid 49.00 EUR, refunded 49.00 EUR.');

    const pdf = join(u.dir, 'invoice.pdf');
    const invoice = await u.run(['orders', 'invoice', id, '-o', pdf]);
    expect(invoice.stdout).toMatch(
      new RegExp(`^Invoice of order ${id} written to .*invoice\\.pdf \\(\\d+ bytes\\)\\.\\n$`),
    );
    expect((await run('pdftotext', [pdf, '-'])).stdout).toMatch(/Invoice \d{6}/);
    const creditPdf = join(u.dir, 'credit.pdf');
    expect((await u.run(['orders', 'invoice', id, '--credit-note', '-o', creditPdf])).code).toBe(0);
    expect((await run('pdftotext', [creditPdf, '-'])).stdout).toMatch(/Credit note \d{6}/);
    expect((await u.run(['orders', 'show', id])).stdout).toMatch(/Credit note \d{6}: -49\.00 EUR/);

    const other = orders[3]!.id;
    const cancelled = await u.run(['orders', 'cancel', other, '--reason', 'duplicate']);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toBe(
      `Order ${other} (${refs[3]}) is cancelled; 1 ticket(s) cancelled, seats freed.\n`,
    );
    const none = await u.run(['orders', 'show', '00000000-0000-4000-8000-000000000000']);
    expect(none.code).toBe(2);
    const unpaid = await u.run(['orders', 'invoice', other, '-o', join(u.dir, 'none.pdf')]);
    expect(unpaid.code).toBe(2);
    expect(unpaid.stderr).toMatch(/^error \[invoice_not_found\]: /);
    const noAmount = await u.run(['orders', 'refund', other]);
    expect(noAmount.code).toBe(2);
    expect(noAmount.stderr).toMatch(/^error \[amount_invalid\]: /);
  });
});
