import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { eventFileText } from '../../apply/export-file.js';
import { loadCurrent } from '../../apply/load-current.js';

export default class ExportEvent extends LanyardCommand {
  static override description =
    'Print an event as an event file for `lanyard apply` (YAML, or JSON with --format json); applying it back changes nothing.';

  static override examples = [
    '<%= config.bin %> export event 0b7c6f8e-3a0e-4c53-9a57-2f1c1d7e9a01 > event.yaml',
    '<%= config.bin %> export event 0b7c6f8e-3a0e-4c53-9a57-2f1c1d7e9a01 --format json > event.json',
  ];

  static override args = { id: Args.string({ description: 'event id', required: true }) };

  static override flags = {
    format: Flags.option({ options: ['yaml', 'json'] as const, default: 'yaml' })(),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ExportEvent);
    const client = await this.client(flags);
    const current = await loadCurrent(client, await client.getEvent(args.id));
    // --json and --format json print the same file: it is JSON already.
    process.stdout.write(eventFileText(current, flags.json ? 'json' : flags.format));
  }
}
