import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class TicketsReissue extends LanyardCommand {
  static override description =
    'Reissue a ticket: it gets a new token and the previous one is refused.';

  static override examples = [
    '<%= config.bin %> tickets reissue TICKET_ID --reason "lost phone"',
    '<%= config.bin %> tickets reissue TICKET_ID --json',
  ];

  static override args = { id: Args.string({ description: 'ticket id', required: true }) };

  static override flags = { reason: Flags.string({ description: 'kept in the ticket history' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TicketsReissue);
    const t = await (await this.client(flags)).reissueTicket(args.id, flags.reason);
    this.print(flags.json, t, () => `Ticket ${t.id} is ${t.status} (revision ${t.revision}).`);
  }
}
