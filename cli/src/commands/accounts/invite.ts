import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

interface InvitedAccount {
  id: string;
  email: string;
  name: string;
  organizationAdmin: boolean;
}

const ROLES = ['owner', 'organizer', 'viewer', 'staff', 'kiosk'] as const;

export default class AccountsInvite extends LanyardCommand {
  static override description =
    'Invite a team member by email: the account is created without a password, given its role, and mailed a one-time link (72 hours) to choose one.';

  static override examples = [
    '<%= config.bin %> accounts invite mia@example.org --name "Mia Member" --event EVENT_ID --role staff',
    '<%= config.bin %> accounts invite ada@example.org --name "Ada Lovelace" --organization-admin',
  ];

  static override args = {
    email: Args.string({ description: 'the address the invitation goes to', required: true }),
  };

  static override flags = {
    name: Flags.string({ description: 'the person’s name', required: true }),
    event: Flags.string({ description: 'the event the role is on', dependsOn: ['role'] }),
    role: Flags.string({
      description: 'their role on --event',
      options: [...ROLES],
      dependsOn: ['event'],
    }),
    'organization-admin': Flags.boolean({
      description: 'an organization admin: every event, and the accounts',
      exclusive: ['event'],
    }),
    scope: Flags.string({
      description: 'an API scope the account may hold (repeat; default: all but admin)',
      multiple: true,
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(AccountsInvite);
    const client = await this.client(flags);
    const a = await client.http.json<InvitedAccount>('POST', '/api/v1/accounts/invitations', {
      email: args.email,
      name: flags.name,
      ...(flags.scope ? { scopes: flags.scope } : {}),
      ...(flags['organization-admin'] ? { organizationAdmin: true } : {}),
      ...(flags.event && flags.role
        ? { eventRoles: [{ eventId: flags.event, role: flags.role }] }
        : {}),
    });
    this.print(flags.json, a, () => [
      `Invited ${a.email} (${a.id})${flags.role ? ` as ${flags.role} of ${flags.event}` : ''}${a.organizationAdmin ? ' as an organization admin' : ''}.`,
      'The mail’s link sets their password; it works once, for 72 hours.',
    ]);
  }
}
