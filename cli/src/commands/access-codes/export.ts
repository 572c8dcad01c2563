import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class AccessCodesExport extends LanyardCommand {
  static override description =
    'Print an event’s live promo and access codes as CSV: code, discount, uses allowed and made, validity, ticket type ids, reserved seats and those left.';

  static override examples = [
    '<%= config.bin %> access-codes export --event EVENT_ID > codes.csv',
    '<%= config.bin %> access-codes export --event EVENT_ID --prefix SPK- > speakers.csv',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    prefix: Flags.string({
      description: 'only codes starting with this (ignoring case)',
      default: '',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(AccessCodesExport);
    const csv = await (await this.client(flags)).accessCodesCsv(flags.event, flags.prefix);
    process.stdout.write(csv);
  }
}
