import { Command, Flags } from '@oclif/core';

export default class ServerStart extends Command {
  static override description =
    'Start the Lanyard server (API, OAuth2 issuer, portal) on embedded defaults unless configured.';

  static override examples = [
    '<%= config.bin %> server start',
    '<%= config.bin %> server start --port 9090 --data-dir /var/lib/lanyard',
    'DATABASE_URL=postgres://lanyard@db/lanyard <%= config.bin %> server start',
  ];

  static override flags = {
    port: Flags.integer({
      description: 'TCP port to listen on (env PORT, default 8080)',
      min: 0,
      max: 65535,
    }),
    'data-dir': Flags.string({
      description: 'data directory (env LANYARD_DATA_DIR, default ./data)',
    }),
    json: Flags.boolean({ description: 'print the start-up line as JSON' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ServerStart);
    // Loaded here, not at the top: `lanyard --help` must not pay for the server's start-up.
    const { ConfigError, startServer } = await import('@lanyard/server');
    let server;
    try {
      server = await startServer({
        env: process.env,
        overrides: { port: flags.port, dataDir: flags['data-dir'] },
      });
    } catch (err) {
      if (err instanceof ConfigError) this.error(err.message, { exit: 2 });
      throw err;
    }
    const summary = { url: server.url, dataDir: server.config.dataDir, database: server.db.kind };
    this.log(
      flags.json
        ? JSON.stringify(summary)
        : `Lanyard is listening on ${server.url} (data in ${server.config.dataDir})`,
    );
    const stop = () => void server.close();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await server.closed;
  }
}
