import type { Db } from '../../platform/db/db.js';
import { conflict } from '../../platform/errors.js';
import { attendeeDocuments } from '../attendee-search/store.js';
import type { SearchIndex } from '../attendee-search/search-index.js';
import { documentsOf, nextIds } from '../reports/documents-store.js';
import { DOCUMENT_KINDS, type ReportIndex } from '../reports/report-documents.js';
import * as store from './store.js';

/** The indexes a reindex fills: attendee search's and reports'. */
export interface ReindexTargets {
  attendees: SearchIndex;
  reports: ReportIndex;
}

export interface ReindexProgress {
  /** `all`, or the event's id. */
  scope: string;
  /** The kind of document being indexed; null once done. */
  kind: string | null;
  /** Documents indexed by this run so far (rows: a ticket is one, in both indexes). */
  indexed: number;
  done: boolean;
  startedAt: string;
  finishedAt: string | null;
}

export interface StepLimits {
  /** Rows per bulk request. */
  pageSize: number;
  /** Pages one call indexes at most before it reports progress. */
  pages: number;
}

const DEFAULT_LIMITS: StepLimits = { pageSize: 500, pages: 20 };

/**
 * One step of the scope's reindex: resumes its unfinished run (or starts one when the last
 * finished), indexes up to `pages` pages of rows in id order, kind after kind (tickets, orders,
 * refunds, waitlist entries), and records after each page where it stands. A run killed between
 * a page's bulk request and its record indexes that page again on resume: at most one page of
 * documents twice, never one skipped. Callers repeat steps until `done`.
 */
export async function reindexStep(
  db: Db,
  targets: ReindexTargets,
  eventId: string | null,
  limits: StepLimits = DEFAULT_LIMITS,
): Promise<ReindexProgress> {
  let run = await store.startOrResume(db, eventId ?? 'all', DOCUMENT_KINDS[0]!);
  for (let page = 0; page < limits.pages && !run.finishedAt; page++) {
    const ids = await nextIds(db, run.kind, eventId, run.afterId, limits.pageSize);
    let next: { kind: (typeof DOCUMENT_KINDS)[number]; afterId: string | null } | undefined;
    if (ids.length > 0) {
      if (run.kind === 'tickets') await targets.attendees.index(await attendeeDocuments(db, ids));
      await targets.reports.index({ [run.kind]: await documentsOf(db, run.kind, ids) });
      next = { kind: run.kind, afterId: ids.at(-1)! };
    } else {
      const following = DOCUMENT_KINDS[DOCUMENT_KINDS.indexOf(run.kind) + 1];
      next = following ? { kind: following, afterId: null } : undefined;
    }
    if (!(await store.advance(db, run, next, ids.length)))
      throw conflict(
        'reindex_running',
        `Another reindex of ${run.scope} moved on meanwhile; let it finish, or run this one again to resume from where it is.`,
      );
    run = next
      ? { ...run, ...next, indexed: run.indexed + ids.length }
      : { ...run, indexed: run.indexed + ids.length, finishedAt: new Date() };
  }
  return {
    scope: run.scope,
    kind: run.finishedAt ? null : run.kind,
    indexed: run.indexed,
    done: run.finishedAt !== null,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
