import { LanyardCommand } from '../../base-command.js';

interface Account {
  id: string;
  email: string;
  name: string;
  scopes: string[];
  disabledAt: string | null;
}

export default class AccountsList extends LanyardCommand {
  static override description = "List your organization's organizer accounts.";

  static override examples = [
    '<%= config.bin %> accounts list',
    '<%= config.bin %> accounts list --json',
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(AccountsList);
    const { items } = await (
      await this.client(flags)
    ).http.json<{ items: Account[] }>('GET', '/api/v1/accounts');
    this.print(flags.json, items, () =>
      items.length
        ? items.map(
            (a) =>
              `${a.id}  ${a.email}  ${a.name}  ${a.disabledAt ? `disabled ${a.disabledAt}` : a.scopes.join(' ')}`,
          )
        : ['No organizer accounts yet: lanyard accounts create EMAIL --name NAME'],
    );
  }
}
