import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { webhooksApi } from '../../client/webhooks.js';

export default class WebhooksTest extends LanyardCommand {
  static override description =
    'Send a webhook.test event to an endpoint; `webhooks deliveries` shows how it answered.';

  static override examples = ['<%= config.bin %> webhooks test WEBHOOK_ID'];

  static override args = { id: Args.string({ description: 'webhook id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(WebhooksTest);
    const r = await webhooksApi((await this.client(flags)).http).test(args.id);
    this.print(
      flags.json,
      r,
      () => `Test event ${r.deliveryId} queued; see lanyard webhooks deliveries ${args.id}.`,
    );
  }
}
