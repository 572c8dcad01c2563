import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class EventsList extends LanyardCommand {
  static override description = 'List the organization’s events, newest first.';

  static override examples = [
    '<%= config.bin %> events list',
    '<%= config.bin %> events list --all --json',
  ];

  static override flags = { all: Flags.boolean({ description: 'include archived events' }) };

  async run(): Promise<void> {
    const { flags } = await this.parse(EventsList);
    const client = await this.client(flags);
    const events = await client.listEvents(flags.all === true);
    this.print(flags.json, events, () =>
      events.length === 0
        ? 'No events.'
        : events.map(
            (e) =>
              `${e.id}  ${e.startsAt.slice(0, 10)}  ${e.status === 'archived' ? '(archived) ' : ''}${e.name}`,
          ),
    );
  }
}
