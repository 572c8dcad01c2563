import { Command, Flags } from '@oclif/core';
import { startServer } from '@lanyard/server';

export default class ServerStart extends Command {
  static override description =
    'Start the Lanyard server (API, OAuth2 issuer, portal) on embedded defaults unless configured.';

  static override examples = [
    '<%= config.bin %> server start',
    '<%= config.bin %> server start --port 9090 --data-dir /var/lib/lanyard',
    'DATABASE_URL=postgres://lanyard@db/lanyard <%= config.bin %> server start',
  ];

  static override flags = {
    port: Flags.integer({ description: 'TCP port to listen on (env PORT, default 8080)' }),
    'data-dir': Flags.string({ description: 'data directory (env LANYARD_DATA_DIR, default ./data)' }),
    json: Flags.boolean({ description: 'print the start-up summary as JSON' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ServerStart);
    const server = await startServer({
      env: process.env,
      overrides: { port: flags.port, dataDir: flags['data-dir'] },
    });
    const summary = { url: server.url, dataDir: server.config.dataDir };
    if (flags.json) this.log(JSON.stringify(summary));
    else this.log(`Lanyard is listening on ${server.url} (data in ${server.config.dataDir})`);
    await server.closed;
  }
}
