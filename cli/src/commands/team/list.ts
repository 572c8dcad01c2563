import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { teamPath, type TeamMember } from '../../team/members.js';

export default class TeamList extends LanyardCommand {
  static override description =
    'List the accounts holding a role on an event (organization admins reach every event besides).';

  static override examples = [
    '<%= config.bin %> team list --event EVENT_ID',
    '<%= config.bin %> team list --event EVENT_ID --json',
  ];

  static override flags = { event: Flags.string({ description: 'event id', required: true }) };

  async run(): Promise<void> {
    const { flags } = await this.parse(TeamList);
    const { items } = await (
      await this.client(flags)
    ).http.json<{ items: TeamMember[] }>('GET', teamPath(flags.event));
    this.print(flags.json, items, () =>
      items.length === 0
        ? 'Nobody has a role on this event yet: lanyard team grant EMAIL --event ID --role ROLE'
        : items.map((m) => `${m.role.padEnd(9)}  ${m.email}  ${m.name}  (${m.accountId})`),
    );
  }
}
