import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import type { OrderSummary } from '../../client/orders-api.js';
import { orderLine } from '../../orders/order-view.js';

export default class OrdersList extends LanyardCommand {
  static override description =
    "List an event's orders, newest first: payment reference, status, tickets, total and buyer. Filter by status, search by name, email, payment reference or order id.";

  static override examples = [
    '<%= config.bin %> orders list --event EVENT_ID --status pending_payment',
    '<%= config.bin %> orders list --event EVENT_ID --search ana@example.org',
    '<%= config.bin %> orders list --event EVENT_ID --search LY-7KQ2-M9XD --json',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    status: Flags.option({
      description: 'only orders in this status',
      options: ['pending_payment', 'confirmed', 'expired', 'cancelled'] as const,
    })(),
    search: Flags.string({
      description: "part of the buyer's name or email, a payment reference or an order id",
    }),
    limit: Flags.integer({
      description: 'at most this many orders (default: all)',
      min: 1,
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(OrdersList);
    const client = await this.client(flags);
    const orders: OrderSummary[] = [];
    let cursor: string | undefined;
    do {
      const want = flags.limit === undefined ? 500 : Math.min(500, flags.limit - orders.length);
      const page = await client.orders.page(flags.event, {
        status: flags.status,
        q: flags.search,
        cursor,
        limit: want,
      });
      orders.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && (flags.limit === undefined || orders.length < flags.limit));
    this.print(flags.json, orders, () =>
      orders.length ? orders.map(orderLine) : 'No orders match.',
    );
  }
}
