import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { pipeExport } from '../../output/pipe-export.js';

export default class ExportAttendees extends LanyardCommand {
  static override description =
    'Stream an event’s attendees to stdout as CSV (cells that would start a spreadsheet formula are escaped) or a JSON array (one row per ticket: ticket id, name, email, ticket type, status, order, answers).';

  static override examples = [
    '<%= config.bin %> export attendees --event EVENT_ID > attendees.csv',
    '<%= config.bin %> export attendees --event EVENT_ID --format json > attendees.json',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    format: Flags.option({ options: ['csv', 'json'] as const, default: 'csv' })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ExportAttendees);
    const client = await this.client(flags);
    await pipeExport(client, flags.event, 'attendees', flags.json ? 'json' : flags.format);
  }
}
