import { LanyardCommand } from '../base-command.js';
import { claimsOf } from '../client/token-claims.js';
import { resolveConnection } from '../config/connection.js';

export default class Whoami extends LanyardCommand {
  static override description =
    'Show which server and identity commands use, and check that the server accepts the token.';

  static override examples = ['<%= config.bin %> whoami', '<%= config.bin %> whoami --json'];

  async run(): Promise<void> {
    const { flags } = await this.parse(Whoami);
    const conn = await resolveConnection(flags);
    const token = await conn.token();
    const client = await this.client(flags);
    // Any authenticated read proves the token is accepted.
    await client.http.json('GET', '/api/v1/events?limit=1');
    const c = claimsOf(token);
    const out = {
      server: conn.server,
      profile: process.env.LANYARD_TOKEN ? null : conn.profileName,
      subject: c.sub ?? null,
      email: c.email ?? null,
      clientId: c.client_id ?? c.azp ?? null,
      organizationId: c.org ?? null,
      scopes: typeof c.scope === 'string' ? c.scope.split(' ') : [],
      expiresAt: typeof c.exp === 'number' ? new Date(c.exp * 1000).toISOString() : null,
    };
    this.print(flags.json, out, () => [
      `${out.email ?? out.clientId ?? out.subject ?? 'unknown'} on ${out.server}${out.profile ? ` (profile "${out.profile}")` : ' (LANYARD_TOKEN)'}`,
      `scopes: ${out.scopes.join(' ') || '-'}`,
      ...(out.expiresAt ? [`token expires ${out.expiresAt}`] : []),
    ]);
  }
}
