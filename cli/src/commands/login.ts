import { Flags } from '@oclif/core';
import { LanyardCommand } from '../base-command.js';
import { deviceLogin } from '../client/device-login.js';
import { clientCredentialsGrant } from '../client/oauth.js';
import { claimsOf } from '../client/token-claims.js';
import { readCredentialsFile, serverOfIssuer } from '../config/bootstrap-file.js';
import { configPath, type Profile } from '../config/config-file.js';
import { normalizeServer, saveProfile } from '../config/connection.js';
import { inputError } from '../errors.js';

export default class Login extends LanyardCommand {
  static override description = `Log in to a Lanyard server and remember it as a profile ($XDG_CONFIG_HOME/lanyard/config.json, mode 0600).

A person signs in with the device login: the command prints a link and a code, you confirm them in any browser with your organizer email and password, and the command finishes by itself. The token carries the scopes your account holds and is renewed with its refresh token while you use the CLI at least once a month.

Scripts and CI use --client-credentials with a credentials file (such as the server's data/bootstrap.json); the token is renewed by re-running that grant.`;

  static override examples = [
    '<%= config.bin %> login --server https://tickets.example.org',
    '<%= config.bin %> login --client-credentials ./data/bootstrap.json',
    '<%= config.bin %> login --server https://tickets.example.org --client-credentials ci.json --profile ci',
  ];

  static override flags = {
    'client-credentials': Flags.file({
      description:
        'log in as an API client instead of a person: a bootstrap.json-shaped file {"token_endpoint", "client_id", "client_secret"}',
      exists: true,
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Login);
    const profile = flags.profile ?? process.env.LANYARD_PROFILE ?? 'default';
    const path = configPath();
    const file = flags['client-credentials']
      ? await readCredentialsFile(flags['client-credentials'])
      : undefined;
    const serverRaw =
      flags.server ?? process.env.LANYARD_SERVER ?? (file ? serverOfIssuer(file) : undefined);
    if (!serverRaw) throw inputError('no_server', 'name the server with --server URL');
    const server = normalizeServer(serverRaw);

    let saved: Profile;
    let who: string;
    if (file) {
      const grant = await clientCredentialsGrant(
        file.token_endpoint,
        file.client_id,
        file.client_secret,
      );
      saved = {
        server,
        tokenEndpoint: file.token_endpoint,
        clientId: file.client_id,
        clientSecret: file.client_secret,
        ...grant,
      };
      who = file.client_id;
    } else {
      // The prompt goes to stderr, so `--json` output stays one JSON document.
      const grant = await deviceLogin(server, ({ url, code, urlWithCode }) => {
        process.stderr.write(
          `To sign in, open ${url} in a browser and enter the code ${code}\n` +
            (urlWithCode ? `(or open ${urlWithCode})\n` : '') +
            'Waiting for you to confirm…\n',
        );
      });
      saved = { server, ...grant };
      const { email } = claimsOf(grant.accessToken);
      who = typeof email === 'string' ? email : 'your account';
    }
    await saveProfile(path, profile, saved, true);
    const out = {
      profile,
      server,
      identity: who,
      expiresAt: new Date(saved.expiresAt ?? Date.now()).toISOString(),
      config: path,
    };
    this.print(flags.json, out, () => `Logged in to ${server} as ${who} (profile "${profile}").`);
  }
}
