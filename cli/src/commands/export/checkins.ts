import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { pipeExport } from '../../output/pipe-export.js';

export default class ExportCheckins extends LanyardCommand {
  static override description =
    'Stream an event’s checkins to stdout as CSV (cells that would start a spreadsheet formula are escaped) or a JSON array (one row per check-in scan).';

  static override examples = [
    '<%= config.bin %> export checkins --event EVENT_ID > checkins.csv',
    '<%= config.bin %> export checkins --event EVENT_ID --format json > checkins.json',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    format: Flags.option({ options: ['csv', 'json'] as const, default: 'csv' })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ExportCheckins);
    const client = await this.client(flags);
    await pipeExport(client, flags.event, 'checkins', flags.json ? 'json' : flags.format);
  }
}
