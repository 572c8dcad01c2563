import type { Db } from '../../platform/db/db.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { appendAudit } from '../audit/service.js';
import type { CheckinCaller } from '../devices/checkin-access.js';
import type { Principal } from '../identity/principal.js';
import * as store from './corrections-store.js';
import { chooseList, defaultList, toCoreList } from './list-choice.js';
import type { CheckinDeps } from './online-checkin.js';
import { reflag } from './scan-upload.js';
import * as scans from './scan-store.js';
import type { AnnulInput, Annulment, Passage } from './schema.js';

/**
 * How long after a scan door staff and kiosks may annul it; organizers (who may change the
 * event) may annul any admission. A mistaken scan is noticed at once, at the door; later
 * corrections are the organizer's call.
 */
export const STAFF_ANNUL_WINDOW_MS = 15 * 60_000;

/**
 * Annuls an admission (a wrong check-in): it stops counting, so the ticket may enter again, and
 * offline kiosks hear of it through the change feed. The scan itself stays, as does the
 * annulment: both are history. Under the ticket's state row lock, so a scan deciding at the same
 * moment re-decides; the list's offline duplicates are re-resolved without it. Annulling twice
 * answers the first annulment.
 */
export async function annulAdmission(
  deps: CheckinDeps,
  who: Pick<Principal, 'subject' | 'clientId' | 'organizationId'>,
  caller: CheckinCaller,
  mayAnnulAnyTime: boolean,
  eventId: string,
  scanId: string,
  input: AnnulInput,
  now = new Date(),
): Promise<Annulment> {
  const lists = await deps.lists.get(eventId);
  const annulment = await deps.db.transaction(async (tx) => {
    const scan = await store.scanOfEvent(tx, eventId, scanId);
    if (!scan) throw notFound('scan', scanId);
    if (scan.result !== 'admitted' || !scan.ticketId)
      throw conflict('not_an_admission', 'Only a scan that let someone in or out can be annulled.');
    const pair = { ticketId: scan.ticketId, listId: scan.listId };
    await scans.lockPassages(tx, [pair]);
    const earlier = await store.annulmentOf(tx, scanId);
    if (earlier) return { ...earlier, replayed: true };
    if (!mayAnnulAnyTime && now.getTime() - scan.scannedAt.getTime() > STAFF_ANNUL_WINDOW_MS)
      throw forbidden(
        'annul_window_passed',
        `Door staff may annul a scan within ${STAFF_ANNUL_WINDOW_MS / 60_000} minutes; ask an organizer.`,
      );
    const annulment = await store.insertAnnulment(tx, {
      scanId,
      eventId,
      ticketId: scan.ticketId,
      listId: scan.listId,
      actor: caller.actor,
      reason: input.reason ?? null,
    });
    const choice = chooseList(eventId, lists, { listId: scan.listId }, true);
    const list = 'list' in choice ? choice.list : defaultList(eventId);
    const admitted = await scans.admittedScans(tx, [scan.ticketId]);
    await reflag(tx, eventId, [pair], admitted, new Map([[scan.listId, toCoreList(list)]]));
    // Last: the audit head stays locked until commit, so no row lock is taken after it.
    await appendAudit(tx, who, {
      action: 'checkin.annulled',
      objectType: 'scan',
      objectId: scanId,
      eventId,
      deviceId: caller.kind === 'device' ? caller.deviceId : null,
      details: { ticketId: scan.ticketId, listId: scan.listId, reason: input.reason ?? null },
    });
    return { ...annulment, replayed: false };
  });
  if (!annulment.replayed) deps.changed(eventId);
  return annulment;
}

/** The current token of a ticket of this event: what a check-in by hand decides on. */
export async function ticketToken(db: Db, eventId: string, ticketId: string): Promise<string> {
  const token = await store.currentToken(db, eventId, ticketId.toLowerCase());
  if (token === undefined) throw notFound('ticket', ticketId);
  return token;
}

/** Every scan of a ticket, newest first, with its annulment and whether it was made by hand. */
export async function ticketPassages(
  db: Db,
  eventId: string,
  ticketId: string,
): Promise<Passage[]> {
  await ticketToken(db, eventId, ticketId);
  return store.passages(db, ticketId);
}
