import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { accountId, ROLES, teamPath, type TeamMember } from '../../team/members.js';

export default class TeamGrant extends LanyardCommand {
  static override description =
    'Give an organizer account its role on an event (replacing the one it had). owner: everything, the team included; organizer: the event, sales and attendees; viewer: reports and attendee data, read only; staff: check-in, find a person, reprint; kiosk: check-in only. Effective on the account’s next request.';

  static override examples = [
    '<%= config.bin %> team grant door@example.org --event EVENT_ID --role staff',
    '<%= config.bin %> team grant ACCOUNT_ID --event EVENT_ID --role viewer --json',
  ];

  static override args = {
    account: Args.string({
      description: 'account id, or its email (looking an email up needs an organization admin)',
      required: true,
    }),
  };

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    role: Flags.string({ description: 'the role', options: [...ROLES], required: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TeamGrant);
    const client = await this.client(flags);
    const id = await accountId(client, args.account);
    const m = await client.http.json<TeamMember>('PUT', teamPath(flags.event, id), {
      role: flags.role,
    });
    this.print(flags.json, m, () => `${m.email} is ${m.role} on ${flags.event}.`);
  }
}
