import { readFile } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { CliError, inputError } from '../../errors.js';

export default class DbRestore extends LanyardCommand {
  static override description =
    'Restore a `lanyard db backup` of the embedded database into a STOPPED server’s data dir. The restored server serves the same events, tickets and signing keys. An existing database is moved aside only with --force. (A PostgreSQL backup is restored with pg_restore; see docs/operations.md.)';

  static override examples = [
    '<%= config.bin %> db restore lanyard-2027-05-01.backup --data-dir /var/lib/lanyard',
  ];

  static override args = { file: Args.string({ description: 'the backup file', required: true }) };

  static override flags = {
    'data-dir': Flags.string({
      description: 'the stopped server’s data directory',
      required: true,
    }),
    force: Flags.boolean({
      description: 'move an existing database aside (pg.before-restore-…) instead of refusing',
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DbRestore);
    const bytes = await readFile(args.file).catch((err: NodeJS.ErrnoException) => {
      throw inputError(
        'backup_unreadable',
        `cannot read ${args.file} (${err.code ?? err.message})`,
      );
    });
    const { restoreDataDir, RestoreError } = await import('@lanyard/server');
    if (bytes.subarray(0, 5).toString('latin1') === 'PGDMP')
      throw inputError(
        'postgres_backup',
        `${args.file} is a PostgreSQL dump: restore it with pg_restore --clean --if-exists --no-owner -d DATABASE_URL ${args.file}`,
      );
    try {
      const restored = await restoreDataDir(flags['data-dir'], bytes, { replace: flags.force });
      this.print(flags.json, restored, () => [
        `restored into ${flags['data-dir']}: ${restored.events} events, ${restored.orders} orders, ${restored.tickets} tickets`,
        ...(restored.movedAside
          ? [`the database that was there is kept in ${restored.movedAside}`]
          : []),
      ]);
    } catch (err) {
      if (err instanceof RestoreError)
        throw new CliError(err.code, err.message, err.code === 'data_dir_in_use' ? 4 : 2);
      throw err;
    }
  }
}
