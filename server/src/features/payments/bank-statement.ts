import type { Db } from '../../platform/db/db.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { idSuffixOf, referencesIn } from '../orders/payment-reference.js';
import * as orders from '../orders/store.js';
import type { BankStatementResult } from './schema.js';
import { markPaid } from './service.js';
import { matchEntry, type PayableOrder, type StatementEntry } from './statement-match.js';

/**
 * Bank transfers matched against the organization's orders by the payment reference in their
 * purpose. Without `apply` nothing changes (the organizer reviews the report first); with it,
 * each exactly matched order is marked paid with its reference, in a transaction of its own, so
 * one order that changed meanwhile does not hold up the others. Reading the same statement twice
 * pays nothing twice: those orders come back `already_paid`.
 */
export async function matchBankStatement(
  db: Db,
  actor: Principal,
  entries: readonly StatementEntry[],
  apply: boolean,
): Promise<BankStatementResult> {
  const suffixes = new Set<string>();
  for (const e of entries) {
    for (const r of referencesIn(e.text)) suffixes.add(idSuffixOf(r)!);
  }
  const found = await orders.findOrdersByIdSuffix(db, actor.organizationId, [...suffixes]);
  const byReference = new Map<string, PayableOrder>(found.map((o) => [o.reference, o]));

  const results: BankStatementResult['results'] = [];
  for (const entry of entries) {
    const match = matchEntry(entry, byReference);
    if (!apply || match.outcome !== 'matched') {
      results.push({ ...match, applied: false });
      continue;
    }
    try {
      const paid = await markPaid(db, actor, match.orderId!, match.reference);
      results.push({ ...match, applied: true, paymentOutcome: paid.outcome });
      // A second line paying the same order finds it paid.
      byReference.set(match.reference!, { ...paid.order });
    } catch (err) {
      // Paid or cancelled by someone else since it was read: reported, the others go on.
      if (!(err instanceof DomainError) || err.kind !== 'conflict') throw err;
      const outcome = err.code === 'order_already_paid' ? 'already_paid' : 'not_payable';
      results.push({ ...match, outcome, applied: false });
    }
  }
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  return {
    applied: apply,
    matched: count('matched'),
    amountMismatch: count('amount_mismatch'),
    alreadyPaid: count('already_paid'),
    notPayable: count('not_payable'),
    unknown: count('unknown'),
    results,
  };
}
