import { LanyardCommand } from '../../base-command.js';
import { webhooksApi, type Webhook } from '../../client/webhooks.js';

export default class WebhooksList extends LanyardCommand {
  static override description = 'List the organization’s webhook endpoints, oldest first.';

  static override examples = [
    '<%= config.bin %> webhooks list',
    '<%= config.bin %> webhooks list --json',
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(WebhooksList);
    const hooks = await webhooksApi((await this.client(flags)).http).list();
    this.print(flags.json, hooks, () =>
      hooks.length === 0
        ? 'No webhooks yet: lanyard webhooks create --url URL --events TYPES'
        : hooks.map(line),
    );
  }
}

function line(w: Webhook): string {
  const state = w.enabled ? 'enabled' : `disabled (${w.disabledReason ?? 'manual'})`;
  const scope = w.eventId ? ` event ${w.eventId}` : '';
  return `${w.id}  ${state}  ${w.url}  [${w.events.join(', ')}]${scope}`;
}
