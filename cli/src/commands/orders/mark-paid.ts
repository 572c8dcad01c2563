import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import type { LanyardClient } from '../../client/lanyard-client.js';
import type { StatementMatch } from '../../client/orders-api.js';
import { inputError } from '../../errors.js';
import { money } from '../../orders/order-view.js';
import { readStatement } from '../../orders/statement-file.js';

const OUTCOME: Record<MarkPaidOutcome, string> = {
  confirmed: 'it is confirmed and its tickets are valid',
  reinstated: 'its hold had expired; seats were left, so it is confirmed again',
  needs_refund:
    'its hold had expired and its seats are gone: the payment is recorded as due for refund',
  already_applied: 'this payment was recorded before; nothing changed',
};
type MarkPaidOutcome = 'confirmed' | 'reinstated' | 'needs_refund' | 'already_applied';

export default class OrdersMarkPaid extends LanyardCommand {
  static override description =
    "Record that an order was paid outside Lanyard (bank transfer, cash at the door), or match a bank statement's transfers to unpaid orders by payment reference and amount. A statement only reports what it would do until --apply.";

  static override examples = [
    '<%= config.bin %> orders mark-paid ORDER_ID --reference "cash, front desk"',
    '<%= config.bin %> orders mark-paid --statement bank-2027-05.csv',
    '<%= config.bin %> orders mark-paid --statement bank-2027-05.csv --apply',
    '<%= config.bin %> orders mark-paid --statement export.csv --purpose-column "Remittance info" --amount-column "Credit"',
  ];

  static override args = {
    id: Args.string({ description: 'order id (or give --statement)' }),
  };

  static override flags = {
    reference: Flags.string({
      description:
        'what the money came with (receipt, transfer id); the same reference counts once',
    }),
    statement: Flags.string({
      description:
        'a bank statement as CSV: transfers are matched to orders by the payment reference (LY-XXXX-XXXX) in their purpose',
    }),
    apply: Flags.boolean({
      description: 'with --statement: mark the matched orders paid (without it, only the report)',
      dependsOn: ['statement'],
    }),
    'purpose-column': Flags.string({
      description: 'with --statement: the column holding the purpose (default: found by its name)',
      dependsOn: ['statement'],
    }),
    'amount-column': Flags.string({
      description: 'with --statement: the column holding the amount (default: found by its name)',
      dependsOn: ['statement'],
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(OrdersMarkPaid);
    if ((args.id === undefined) === (flags.statement === undefined))
      throw inputError('usage', 'give either an order id or --statement FILE');
    const client = await this.client(flags);
    if (flags.statement !== undefined) {
      await this.statement(client, flags.statement, flags.apply, flags.json, {
        purpose: flags['purpose-column'],
        amount: flags['amount-column'],
      });
      return;
    }
    const r = await client.orders.markPaid(args.id!, flags.reference);
    const o = r.order;
    this.print(flags.json, r, () => [
      `Order ${o.id} (${o.reference}) marked paid, ${money(o.paidCents, o.currency)}: ${OUTCOME[r.outcome]}.`,
    ]);
  }

  private async statement(
    client: LanyardClient,
    path: string,
    apply: boolean,
    json: boolean,
    columns: { purpose?: string | undefined; amount?: string | undefined },
  ): Promise<void> {
    const file = await readStatement(path, columns);
    const r = await client.orders.bankStatement(file.entries, apply);
    this.print(json, { ...r, skipped: file.skipped }, () => [
      ...r.results.map(describe),
      `${r.matched} matched, ${r.amountMismatch} amount mismatch, ${r.alreadyPaid} already paid, ${r.notPayable} not payable, ${r.unknown} unknown; ${file.skipped} line(s) not money in.`,
      apply
        ? `${r.results.filter((m) => m.applied).length} order(s) marked paid.`
        : 'Dry run: nothing was marked paid. Add --apply to mark the matched orders paid.',
    ]);
  }
}

function describe(m: StatementMatch): string {
  const amount = (m.amountCents / 100).toFixed(2);
  const ref = m.reference ?? '(no reference)';
  switch (m.outcome) {
    case 'matched':
      return `line ${m.line}: ${ref} ${amount} matched order ${m.orderId}${m.applied ? ` → marked paid (${m.paymentOutcome})` : ''}`;
    case 'amount_mismatch':
      return `line ${m.line}: ${ref} ${amount} amount mismatch: order ${m.orderId} wants ${((m.dueCents ?? 0) / 100).toFixed(2)}`;
    case 'already_paid':
      return `line ${m.line}: ${ref} ${amount} order ${m.orderId} is paid already`;
    case 'not_payable':
      return `line ${m.line}: ${ref} ${amount} order ${m.orderId} is cancelled or free`;
    case 'unknown':
      return `line ${m.line}: ${ref} ${amount} unknown: no order of yours has this reference`;
  }
}
