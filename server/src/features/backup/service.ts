import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Response } from 'express';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';

const failed = (detail: string) => new DomainError('unavailable', 'backup_failed', detail);

/** Writes the backup to `res`; a failure before the first byte throws (a 503), after it cuts the connection. */
export async function streamBackup(
  db: Db,
  config: Pick<Config, 'databaseUrl'>,
  res: Response,
): Promise<void> {
  const stamp = new Date().toISOString().replaceAll(':', '').slice(0, 15);
  if (db.dumpDataDir) {
    const tarball = Buffer.from(await (await db.dumpDataDir()).arrayBuffer());
    res.status(200).set({
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename="lanyard-${stamp}.tar.gz"`,
      'content-length': String(tarball.length),
    });
    res.end(tarball);
    return;
  }
  await streamPgDump(config.databaseUrl!, stamp, res);
}

/**
 * pg_dump takes one snapshot of the database (a repeatable-read transaction), so the dump is
 * consistent while sales go on. Its custom format is what pg_restore reads.
 */
async function streamPgDump(databaseUrl: string, stamp: string, res: Response): Promise<void> {
  const child = spawn('pg_dump', ['--format=custom', '--no-owner', '--dbname', databaseUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const spawned = once(child, 'spawn').then(
    () => true,
    (err: Error) => {
      stderr = err.message;
      return false;
    },
  );
  if (!(await spawned)) throw failed(`pg_dump could not start: ${stderr}`);
  let started = false;
  child.stdout.once('data', () => {
    started = true;
    res.status(200).set({
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="lanyard-${stamp}.pgdump"`,
    });
  });
  child.stdout.pipe(res, { end: false });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code === 0) res.end();
  else if (!started) throw failed(`pg_dump failed: ${stderr.trim()}`);
  // Headers are gone: cutting the connection tells the client the backup is incomplete.
  else res.destroy();
}
