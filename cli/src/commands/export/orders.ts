import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { pipeExport } from '../../output/pipe-export.js';

export default class ExportOrders extends LanyardCommand {
  static override description =
    'Stream an event’s orders to stdout as CSV (cells that would start a spreadsheet formula are escaped) or a JSON array (one row per order: status, buyer, ticket type, quantity, amounts, payment method, promo code).';

  static override examples = [
    '<%= config.bin %> export orders --event EVENT_ID > orders.csv',
    '<%= config.bin %> export orders --event EVENT_ID --format json > orders.json',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    format: Flags.option({ options: ['csv', 'json'] as const, default: 'csv' })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ExportOrders);
    const client = await this.client(flags);
    await pipeExport(client, flags.event, 'orders', flags.json ? 'json' : flags.format);
  }
}
