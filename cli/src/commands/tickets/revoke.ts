import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class TicketsRevoke extends LanyardCommand {
  static override description =
    'Revoke a ticket: its token is refused from now on, online and (after sync) offline.';

  static override examples = [
    '<%= config.bin %> tickets revoke TICKET_ID --reason "lost phone"',
    '<%= config.bin %> tickets revoke TICKET_ID --json',
  ];

  static override args = { id: Args.string({ description: 'ticket id', required: true }) };

  static override flags = { reason: Flags.string({ description: 'kept in the ticket history' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TicketsRevoke);
    const t = await (await this.client(flags)).revokeTicket(args.id, flags.reason);
    this.print(flags.json, t, () => `Ticket ${t.id} is ${t.status} (revision ${t.revision}).`);
  }
}
