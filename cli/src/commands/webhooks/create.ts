import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { webhooksApi } from '../../client/webhooks.js';

export default class WebhooksCreate extends LanyardCommand {
  static override description =
    'Register a webhook endpoint for the organization (or one event) and print its signing secret, shown only now and on rotation.';

  static override examples = [
    '<%= config.bin %> webhooks create --url https://crm.example.org/lanyard --events registration.confirmed,order.cancelled',
    '<%= config.bin %> webhooks create --url https://doors.example.org/hook --events "*" --event EVENT_ID --json',
  ];

  static override flags = {
    url: Flags.string({ description: 'https URL the events are POSTed to', required: true }),
    events: Flags.string({
      description: 'comma-separated event types, or "*" for all (docs/webhooks.md lists them)',
      default: '*',
    }),
    event: Flags.string({ description: 'only this event’s messages (event id)' }),
    description: Flags.string({ description: 'what the endpoint is for' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(WebhooksCreate);
    const api = webhooksApi((await this.client(flags)).http);
    const w = await api.create({
      url: flags.url,
      events: flags.events.split(',').map((e) => e.trim()),
      ...(flags.event ? { eventId: flags.event } : {}),
      ...(flags.description ? { description: flags.description } : {}),
    });
    this.print(flags.json, w, () => [
      w.secret,
      `Webhook ${w.id} → ${w.url} (${w.events.join(', ')}). Keep the secret above: receivers verify signatures with it.`,
    ]);
  }
}
