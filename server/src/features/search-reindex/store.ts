import type { Queryable } from '../../platform/db/db.js';
import type { DocumentKind } from '../reports/report-documents.js';

// The progress of reindex runs (migration 0026), one row per scope.

export interface ReindexRun {
  scope: string;
  kind: DocumentKind;
  afterId: string | null;
  indexed: number;
  startedAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `scope, kind, after_id AS "afterId", indexed::int AS indexed,
                 started_at AS "startedAt", finished_at AS "finishedAt"`;

/** The scope's unfinished run, or a new one starting at `first` when there is none. */
export async function startOrResume(
  db: Queryable,
  scope: string,
  first: DocumentKind,
): Promise<ReindexRun> {
  await db.query(
    `INSERT INTO search_reindex_runs (scope, kind) VALUES ($1, $2)
     ON CONFLICT (scope) DO UPDATE SET kind = EXCLUDED.kind, after_id = NULL, indexed = 0,
       started_at = now(), updated_at = now(), finished_at = NULL
     WHERE search_reindex_runs.finished_at IS NOT NULL`,
    [scope, first],
  );
  const { rows } = await db.query<ReindexRun & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM search_reindex_runs WHERE scope = $1`,
    [scope],
  );
  return rows[0]!;
}

/**
 * Moves the run from where the caller read it to `next` (same kind, a later id; another kind
 * from its start; or finished when `next` is undefined). False when the run is no longer where
 * the caller read it: another reindex of the scope moved it meanwhile.
 */
export async function advance(
  db: Queryable,
  from: ReindexRun,
  next: { kind: DocumentKind; afterId: string | null } | undefined,
  indexed: number,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE search_reindex_runs
     SET kind = coalesce($4, kind), after_id = $5, indexed = indexed + $6, updated_at = now(),
         finished_at = CASE WHEN $7 THEN now() END
     WHERE scope = $1 AND kind = $2 AND after_id IS NOT DISTINCT FROM $3::uuid
       AND finished_at IS NULL`,
    [
      from.scope,
      from.kind,
      from.afterId,
      next?.kind ?? null,
      next?.afterId ?? null,
      indexed,
      next === undefined,
    ],
  );
  return r.rowCount === 1;
}

export async function eventOfOrganization(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM events WHERE id = $1 AND organization_id = $2', [
    eventId,
    organizationId,
  ]);
  return r.rows.length === 1;
}
