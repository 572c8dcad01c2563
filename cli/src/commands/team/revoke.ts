import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { accountId, teamPath } from '../../team/members.js';

export default class TeamRevoke extends LanyardCommand {
  static override description =
    'Take an account’s role on an event away; its tokens are refused there from its next request.';

  static override examples = ['<%= config.bin %> team revoke door@example.org --event EVENT_ID'];

  static override args = {
    account: Args.string({
      description: 'account id, or its email (looking an email up needs an organization admin)',
      required: true,
    }),
  };

  static override flags = { event: Flags.string({ description: 'event id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TeamRevoke);
    const client = await this.client(flags);
    const id = await accountId(client, args.account);
    await client.http.json<void>('DELETE', teamPath(flags.event, id));
    this.print(
      flags.json,
      { eventId: flags.event, accountId: id, revoked: true },
      () => `Revoked ${args.account}'s role on ${flags.event}.`,
    );
  }
}
