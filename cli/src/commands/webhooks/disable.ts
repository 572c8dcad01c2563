import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { webhooksApi } from '../../client/webhooks.js';

export default class WebhooksDisable extends LanyardCommand {
  static override description =
    'Stop sending to a webhook endpoint (messages wait); --enable sends again, with what waited.';

  static override examples = [
    '<%= config.bin %> webhooks disable WEBHOOK_ID',
    '<%= config.bin %> webhooks disable WEBHOOK_ID --enable',
  ];

  static override args = { id: Args.string({ description: 'webhook id', required: true }) };

  static override flags = {
    enable: Flags.boolean({ description: 'enable it again instead' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(WebhooksDisable);
    const w = await webhooksApi((await this.client(flags)).http).update(args.id, {
      enabled: flags.enable === true,
    });
    this.print(flags.json, w, () => `Webhook ${w.id} is ${w.enabled ? 'enabled' : 'disabled'}.`);
  }
}
