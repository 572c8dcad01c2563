import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { streamBackup } from './service.js';

export function backupRoutes(db: Db, config: Pick<Config, 'databaseUrl'>): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/backup',
      operationId: 'backupDatabase',
      summary:
        'A consistent backup of the whole database, taken while the server runs: the embedded database’s data directory (gzipped tar), or pg_dump’s custom format for PostgreSQL',
      tags: ['operations'],
      auth: 'admin',
      responses: {
        200: { description: 'The backup', contentType: 'application/octet-stream' },
        503: { description: '`backup_failed`: pg_dump is missing or failed (detail says why)' },
      },
      handler: async ({ res }) => {
        await streamBackup(db, config, res);
        return undefined;
      },
    }),
  ];
}
