import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

interface CreatedAccount {
  id: string;
  email: string;
  name: string;
  scopes: string[];
  organizationAdmin: boolean;
  password?: string;
}

export default class AccountsCreate extends LanyardCommand {
  static override description =
    'Create an organizer account: a person who signs in with `lanyard login` (and the dashboard). A password is generated and printed once; pass it on privately.';

  static override examples = [
    '<%= config.bin %> accounts create ada@example.org --name "Ada Lovelace"',
    '<%= config.bin %> accounts create door@example.org --name "Door team" --scope events:read --scope checkin',
  ];

  static override args = {
    email: Args.string({
      description: 'the email address the person signs in with',
      required: true,
    }),
  };

  static override flags = {
    name: Flags.string({ description: 'the person’s name', required: true }),
    scope: Flags.string({
      description: 'an API scope the account may hold (repeat; default: all but admin)',
      multiple: true,
    }),
    'organization-admin': Flags.boolean({
      description:
        'reach every event of the organization (default: only events the account is given a role on with `lanyard team grant`, or creates)',
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(AccountsCreate);
    const client = await this.client(flags);
    const a = await client.http.json<CreatedAccount>('POST', '/api/v1/accounts', {
      email: args.email,
      name: flags.name,
      ...(flags.scope ? { scopes: flags.scope } : {}),
      ...(flags['organization-admin'] ? { organizationAdmin: true } : {}),
    });
    this.print(flags.json, a, () => [
      `Created ${a.email} (${a.id}) with ${a.scopes.join(' ')}${a.organizationAdmin ? ', organization admin' : ''}.`,
      ...(a.password ? [`Password (shown once): ${a.password}`] : []),
      `They sign in with: lanyard login --server ${client.http.server}`,
    ]);
  }
}
