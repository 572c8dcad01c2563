import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { localTime } from '../../output/local-time.js';

export default class EventsShow extends LanyardCommand {
  static override description =
    'Show an event with its ticket types and how many seats are sold, held and left.';

  static override examples = [
    '<%= config.bin %> events show EVENT_ID',
    '<%= config.bin %> events show EVENT_ID --json',
  ];

  static override args = { id: Args.string({ description: 'event id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(EventsShow);
    const client = await this.client(flags);
    const [event, ticketTypes] = await Promise.all([
      client.getEvent(args.id),
      client.ticketTypes.list(args.id),
    ]);
    this.print(flags.json, { ...event, ticketTypes }, () => [
      `${event.name} (${event.status})`,
      `  ${localTime(event.startsAt, event.timezone)} → ${localTime(event.endsAt, event.timezone)} ${event.timezone}${event.venue ? `, ${event.venue}` : ''}`,
      ...ticketTypes.map(
        (t) =>
          `  ${t.name}: ${(t.priceCents / 100).toFixed(2)} ${t.currency}, ${t.sold} sold, ${t.held} held, ${t.available} available of ${t.quantity}`,
      ),
    ]);
  }
}
