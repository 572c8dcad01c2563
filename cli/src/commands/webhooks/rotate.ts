import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { webhooksApi } from '../../client/webhooks.js';

export default class WebhooksRotate extends LanyardCommand {
  static override description =
    'Give a webhook endpoint a new signing secret. For 24 hours the old secret stays valid: deliveries carry both signatures.';

  static override examples = ['<%= config.bin %> webhooks rotate WEBHOOK_ID'];

  static override args = { id: Args.string({ description: 'webhook id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(WebhooksRotate);
    const w = await webhooksApi((await this.client(flags)).http).rotate(args.id);
    this.print(flags.json, w, () => [
      w.secret,
      `The old secret stays valid until ${w.previousSecretExpiresAt}.`,
    ]);
  }
}
