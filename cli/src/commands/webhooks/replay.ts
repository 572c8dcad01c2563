import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { webhooksApi } from '../../client/webhooks.js';

export default class WebhooksReplay extends LanyardCommand {
  static override description =
    'Send deliveries again, with their own webhook-id and body: one (--delivery), or all made since a time (--since), after an outage at the receiver.';

  static override examples = [
    '<%= config.bin %> webhooks replay WEBHOOK_ID --delivery msg_0190…',
    '<%= config.bin %> webhooks replay WEBHOOK_ID --since 2027-05-01T08:00:00Z',
  ];

  static override args = { id: Args.string({ description: 'webhook id', required: true }) };

  static override flags = {
    delivery: Flags.string({ description: 'one delivery id', exactlyOne: ['delivery', 'since'] }),
    since: Flags.string({ description: 'ISO 8601 date-time', exactlyOne: ['delivery', 'since'] }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(WebhooksReplay);
    const api = webhooksApi((await this.client(flags)).http);
    const r = flags.delivery
      ? await api.replayOne(args.id, flags.delivery)
      : await api.replaySince(args.id, flags.since!);
    this.print(flags.json, r, () => `${r.replayed} deliveries queued again.`);
  }
}
