import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { orderBlock } from '../../orders/order-view.js';

export default class OrdersShow extends LanyardCommand {
  static override description =
    'Show an order: buyer, payment reference, amounts, its tickets, payments and refunds.';

  static override examples = ['<%= config.bin %> orders show ORDER_ID'];

  static override args = { id: Args.string({ description: 'order id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(OrdersShow);
    const order = await (await this.client(flags)).orders.get(args.id);
    this.print(flags.json, order, () => orderBlock(order));
  }
}
