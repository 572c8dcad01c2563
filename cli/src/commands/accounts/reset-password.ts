import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

interface LinkSent {
  purpose: 'invite' | 'reset';
  expiresAt: string;
}

export default class AccountsResetPassword extends LanyardCommand {
  static override description =
    'Mail an account a one-time link to set a new password (or its invite again, when it has none yet); its older links stop working, its password works until the new one is set.';

  static override examples = ['<%= config.bin %> accounts reset-password ACCOUNT_ID'];

  static override args = {
    id: Args.string({ description: 'the account id (see `accounts list`)', required: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(AccountsResetPassword);
    const client = await this.client(flags);
    const sent = await client.http.json<LinkSent>(
      'POST',
      `/api/v1/accounts/${encodeURIComponent(args.id)}/password-link`,
      {},
    );
    this.print(
      flags.json,
      { id: args.id, ...sent },
      () =>
        `Mailed ${sent.purpose === 'invite' ? 'the invite' : 'a reset link'} to ${args.id}; it works until ${sent.expiresAt}.`,
    );
  }
}
