import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { money } from '../../orders/order-view.js';

export default class OrdersCancel extends LanyardCommand {
  static override description =
    'Cancel an order: its tickets are cancelled (their QR codes refused) and its seats offered to the waitlist, then sold again. Money already paid is given back with `orders refund`.';

  static override examples = ['<%= config.bin %> orders cancel ORDER_ID --reason "asked by email"'];

  static override args = { id: Args.string({ description: 'order id', required: true }) };

  static override flags = {
    reason: Flags.string({ description: "kept in the order's history" }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(OrdersCancel);
    const o = await (await this.client(flags)).orders.cancel(args.id, flags.reason);
    this.print(flags.json, o, () => [
      `Order ${o.id} (${o.reference}) is cancelled; ${o.tickets.length} ticket(s) cancelled, seats freed.`,
      ...(o.refundDueCents
        ? [
            `${money(o.refundDueCents, o.currency)} was paid: give it back with lanyard orders refund ${o.id} --amount ${(o.refundDueCents / 100).toFixed(2)}`,
          ]
        : []),
    ]);
  }
}
