import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class MessagesList extends LanyardCommand {
  static override description =
    'The message log, newest first: each mail with its status (queued, failed, sent, dead) and the reason of the last failure.';

  static override examples = [
    '<%= config.bin %> messages list --status dead',
    '<%= config.bin %> messages list --event EVENT_ID --json',
    '<%= config.bin %> messages list --order ORDER_ID',
  ];

  static override flags = {
    event: Flags.string({ description: 'only this event’s messages' }),
    order: Flags.string({ description: 'only this order’s messages' }),
    status: Flags.string({
      description: 'only messages with this status',
      options: ['queued', 'failed', 'sent', 'dead'],
    }),
    limit: Flags.integer({ description: 'at most this many', default: 100, min: 1, max: 500 }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(MessagesList);
    const items = await (
      await this.client(flags)
    ).listMessages({
      eventId: flags.event,
      orderId: flags.order,
      status: flags.status as 'queued' | 'failed' | 'sent' | 'dead' | undefined,
      limit: flags.limit,
    });
    this.print(flags.json, items, () =>
      items.length === 0
        ? 'No messages.'
        : items.map(
            (m) =>
              `${m.id}  ${m.status.padEnd(6)}  ${m.channel.padEnd(5)}  ${m.kind.padEnd(22)}  ${m.recipient}` +
              (m.lastError ? `  (${m.lastError})` : ''),
          ),
    );
  }
}
