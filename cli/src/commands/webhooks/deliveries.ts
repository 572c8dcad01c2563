import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { webhooksApi, type WebhookDelivery } from '../../client/webhooks.js';

export default class WebhooksDeliveries extends LanyardCommand {
  static override description =
    'A webhook endpoint’s deliveries, newest first, with the last attempt’s answer.';

  static override examples = [
    '<%= config.bin %> webhooks deliveries WEBHOOK_ID',
    '<%= config.bin %> webhooks deliveries WEBHOOK_ID --limit 500 --json',
  ];

  static override args = { id: Args.string({ description: 'webhook id', required: true }) };

  static override flags = {
    limit: Flags.integer({ description: 'at most this many (1–500)', default: 50 }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(WebhooksDeliveries);
    const list = await webhooksApi((await this.client(flags)).http).deliveries(
      args.id,
      flags.limit,
    );
    this.print(flags.json, list, () => (list.length === 0 ? 'No deliveries yet.' : list.map(line)));
  }
}

function line(d: WebhookDelivery): string {
  const last = d.lastStatus ?? d.lastError ?? '-';
  const next = d.nextAttemptAt ? `, next ${d.nextAttemptAt}` : '';
  return `${d.id}  ${d.state.padEnd(9)}  ${d.eventType}  ${d.createdAt}  attempts ${d.attempts}, last ${last}${next}`;
}
