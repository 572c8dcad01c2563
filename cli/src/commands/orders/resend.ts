import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class OrdersResend extends LanyardCommand {
  static override description =
    'Send an order’s confirmation again, with its tickets as they are now.';

  static override examples = ['<%= config.bin %> orders resend ORDER_ID'];

  static override args = { id: Args.string({ description: 'order id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(OrdersResend);
    const m = await (await this.client(flags)).resendOrder(args.id);
    this.print(flags.json, m, () => `Queued message ${m.id} to ${m.recipient}.`);
  }
}
