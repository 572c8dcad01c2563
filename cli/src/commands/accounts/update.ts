import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { CliError } from '../../errors.js';

interface OrganizerAccount {
  id: string;
  email: string;
  name: string;
  scopes: string[];
  organizationAdmin: boolean;
}

export default class AccountsUpdate extends LanyardCommand {
  static override description =
    'Change an organizer account: its name, its scopes, or whether it is an organization admin (reaches every event). Takes effect from its next request; the last administrator cannot be demoted.';

  static override examples = [
    '<%= config.bin %> accounts update ACCOUNT_ID --organization-admin',
    '<%= config.bin %> accounts update ACCOUNT_ID --no-organization-admin',
    '<%= config.bin %> accounts update ACCOUNT_ID --scope events:read --scope checkin',
  ];

  static override args = {
    id: Args.string({ description: 'the account id (see `accounts list`)', required: true }),
  };

  static override flags = {
    name: Flags.string({ description: 'the person’s name' }),
    scope: Flags.string({
      description: 'replaces the account’s scopes (repeat for each)',
      multiple: true,
    }),
    'organization-admin': Flags.boolean({
      description:
        'reach every event of the organization (--no-organization-admin: only events with a role)',
      allowNo: true,
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(AccountsUpdate);
    const change = {
      ...(flags.name !== undefined ? { name: flags.name } : {}),
      ...(flags.scope ? { scopes: flags.scope } : {}),
      ...(flags['organization-admin'] !== undefined
        ? { organizationAdmin: flags['organization-admin'] }
        : {}),
    };
    if (Object.keys(change).length === 0)
      throw new CliError(
        'usage',
        'say what to change: --name, --scope or --[no-]organization-admin',
        2,
      );
    const client = await this.client(flags);
    const a = await client.http.json<OrganizerAccount>(
      'PATCH',
      `/api/v1/accounts/${encodeURIComponent(args.id)}`,
      change,
    );
    this.print(
      flags.json,
      a,
      () =>
        `Updated ${a.email} (${a.id}): ${a.scopes.join(' ')}${a.organizationAdmin ? ', organization admin' : ''}.`,
    );
  }
}
