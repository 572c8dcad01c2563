import { open, rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Args } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { CliError } from '../../errors.js';

export default class DbBackup extends LanyardCommand {
  static override description =
    'Back up the running server’s database to FILE (admin token): the embedded database as a gzipped tar for `lanyard db restore`, PostgreSQL in pg_dump’s custom format for pg_restore. Consistent while the server takes sales and scans.';

  static override examples = ['<%= config.bin %> db backup lanyard-$(date +%F).backup'];

  static override args = {
    file: Args.string({ description: 'where to write the backup', required: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DbBackup);
    const client = await this.client(flags);
    const res = await client.http.request('GET', '/api/v1/backup', undefined, {
      accept: 'application/octet-stream, application/problem+json',
    });
    if (!res.ok || !res.body) return client.http.read<never>(res);
    const format = /gzip/.test(res.headers.get('content-type') ?? '') ? 'embedded' : 'pg_dump';
    // Written beside FILE and renamed at the end: a cut download never looks like a backup.
    const partial = `${args.file}.partial`;
    const out = await open(partial, 'w', 0o600);
    try {
      await pipeline(Readable.fromWeb(res.body as never), out.createWriteStream());
      await out.sync().catch(() => {});
    } catch (err) {
      await rm(partial, { force: true });
      throw new CliError(
        'backup_cut',
        `the backup stopped before its end (${(err as Error).message}); run it again`,
      );
    } finally {
      await out.close().catch(() => {});
    }
    await rename(partial, args.file);
    const { size } = await stat(args.file);
    this.print(
      flags.json,
      { file: args.file, bytes: size, format },
      () =>
        `backup written to ${args.file} (${size} bytes, ${format === 'embedded' ? 'embedded database: restore with `lanyard db restore`' : 'pg_dump custom format: restore with pg_restore'})`,
    );
  }
}
