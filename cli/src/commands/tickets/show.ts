import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class TicketsShow extends LanyardCommand {
  static override description =
    'Show a ticket: status, holder, ticket type and the token its QR code carries.';

  static override examples = [
    '<%= config.bin %> tickets show TICKET_ID',
    '<%= config.bin %> tickets show TICKET_ID --json',
  ];

  static override args = { id: Args.string({ description: 'ticket id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TicketsShow);
    const t = await (await this.client(flags)).getTicket(args.id);
    this.print(flags.json, t, () => [
      `${t.id} ${t.status} (revision ${t.revision})`,
      `  ${t.attendee.name} <${t.attendee.email}>, ${t.ticketTypeName}`,
      `  token: ${t.token}`,
    ]);
  }
}
