import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { inputError } from '../../errors.js';
import { money } from '../../orders/order-view.js';
import { parseAmount } from '../../orders/statement-file.js';

export default class OrdersRefund extends LanyardCommand {
  static override description =
    'Refund part or all of what an order was paid (Stripe payments through Stripe; manual ones are recorded while you pay back yourself). With --cancel-tickets a full refund also cancels the order and frees its seats.';

  static override examples = [
    '<%= config.bin %> orders refund ORDER_ID --amount 49.00 --reason "one seat not used"',
    '<%= config.bin %> orders refund ORDER_ID --all --cancel-tickets',
  ];

  static override args = { id: Args.string({ description: 'order id', required: true }) };

  static override flags = {
    amount: Flags.string({
      description: 'how much, in the order currency (e.g. 49.00)',
      exclusive: ['all'],
    }),
    all: Flags.boolean({
      description: 'everything paid and not refunded yet',
      exclusive: ['amount'],
    }),
    reason: Flags.string({ description: 'kept with the refund' }),
    'cancel-tickets': Flags.boolean({
      description: 'with a full refund: cancel the order and free its seats',
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(OrdersRefund);
    const client = await this.client(flags);
    let amountCents: number;
    if (flags.all) {
      const o = await client.orders.get(args.id);
      amountCents = o.paidCents - o.refundedCents;
      if (amountCents <= 0)
        throw inputError('nothing_to_refund', `order ${o.id} has nothing paid left to refund`);
    } else {
      const parsed = flags.amount === undefined ? undefined : parseAmount(flags.amount);
      if (parsed === undefined || parsed <= 0)
        throw inputError('amount_invalid', 'give --amount (e.g. 49.00) or --all');
      amountCents = parsed;
    }
    const r = await client.orders.refund(args.id, {
      amountCents,
      cancelTickets: flags['cancel-tickets'],
      ...(flags.reason !== undefined && { reason: flags.reason }),
    });
    const o = r.order;
    this.print(flags.json, r, () => [
      `Refunded ${money(amountCents, o.currency)} of order ${o.id} (${o.reference})${r.pending ? '; the provider has not confirmed it yet, it is asked again' : ''}.`,
      `Order is ${o.status}: paid ${money(o.paidCents, o.currency)}, refunded ${money(o.refundedCents, o.currency)}.`,
    ]);
  }
}
