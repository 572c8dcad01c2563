import { Flags } from '@oclif/core';
import { LanyardCommand } from '../base-command.js';
import { clientCredentialsGrant } from '../client/oauth.js';
import { readCredentialsFile, serverOfIssuer } from '../config/bootstrap-file.js';
import { configPath } from '../config/config-file.js';
import { normalizeServer, saveProfile } from '../config/connection.js';
import { inputError } from '../errors.js';

export default class Login extends LanyardCommand {
  static override description =
    'Log in to a Lanyard server and remember it as a profile (in $XDG_CONFIG_HOME/lanyard/config.json, mode 0600). The token is refreshed by re-running the grant when it expires.';

  static override examples = [
    '<%= config.bin %> login --client-credentials ./data/bootstrap.json',
    '<%= config.bin %> login --server https://tickets.example.org --client-credentials ci.json --profile ci',
  ];

  static override flags = {
    'client-credentials': Flags.file({
      description: 'a bootstrap.json-shaped file: {"token_endpoint", "client_id", "client_secret"}',
      exists: true,
      required: true,
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Login);
    const file = await readCredentialsFile(flags['client-credentials']);
    const serverRaw = flags.server ?? process.env.LANYARD_SERVER ?? serverOfIssuer(file);
    if (!serverRaw) throw inputError('no_server', 'name the server with --server URL');
    const server = normalizeServer(serverRaw);
    const grant = await clientCredentialsGrant(
      file.token_endpoint,
      file.client_id,
      file.client_secret,
    );
    const profile = flags.profile ?? process.env.LANYARD_PROFILE ?? 'default';
    const path = configPath();
    await saveProfile(
      path,
      profile,
      {
        server,
        tokenEndpoint: file.token_endpoint,
        clientId: file.client_id,
        clientSecret: file.client_secret,
        ...grant,
      },
      true,
    );
    const out = {
      profile,
      server,
      clientId: file.client_id,
      expiresAt: new Date(grant.expiresAt).toISOString(),
      config: path,
    };
    this.print(
      flags.json,
      out,
      () => `Logged in to ${server} as ${file.client_id} (profile "${profile}").`,
    );
  }
}
