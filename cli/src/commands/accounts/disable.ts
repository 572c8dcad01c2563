import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class AccountsDisable extends LanyardCommand {
  static override description =
    'Disable an organizer account: it cannot sign in or renew its tokens, and a token it already holds is refused from its next request.';

  static override examples = ['<%= config.bin %> accounts disable ACCOUNT_ID'];

  static override args = {
    id: Args.string({ description: 'the account id (see `accounts list`)', required: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(AccountsDisable);
    const client = await this.client(flags);
    await client.http.json<void>(
      'POST',
      `/api/v1/accounts/${encodeURIComponent(args.id)}/disable`,
      {},
    );
    this.print(flags.json, { id: args.id, disabled: true }, () => `Disabled ${args.id}.`);
  }
}
