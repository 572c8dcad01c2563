import type { Queryable } from '../../platform/db/db.js';

// SQL of an event's own message texts (message_texts). They reach the mails through
// insertMessages (store.ts), which copies them into each message as it is queued.

export type MessageTextRow = {
  kind: string;
  subject: string | null;
  intro: string | null;
  updatedAt: Date;
};

export async function listTexts(
  q: Queryable,
  eventId: string,
  lang: string,
): Promise<MessageTextRow[]> {
  const { rows } = await q.query<MessageTextRow>(
    `SELECT kind, subject, intro, updated_at AS "updatedAt" FROM message_texts
     WHERE event_id = $1 AND lang = $2`,
    [eventId, lang],
  );
  return rows;
}

/** Keeps the event's subject and intro of a kind; with neither, the catalog's apply again. */
export async function saveText(
  q: Queryable,
  t: { eventId: string; kind: string; lang: string; subject: string | null; intro: string | null },
): Promise<void> {
  if (t.subject === null && t.intro === null) {
    await q.query(`DELETE FROM message_texts WHERE event_id = $1 AND kind = $2 AND lang = $3`, [
      t.eventId,
      t.kind,
      t.lang,
    ]);
    return;
  }
  await q.query(
    `INSERT INTO message_texts (event_id, kind, lang, subject, intro) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (event_id, kind, lang)
       DO UPDATE SET subject = $4, intro = $5, updated_at = now()`,
    [t.eventId, t.kind, t.lang, t.subject, t.intro],
  );
}

/** The event's latest order with tickets, whose data a preview shows; none before the first. */
export async function latestOrderId(q: Queryable, eventId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT o.id FROM orders o
     WHERE o.event_id = $1 AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id)
     ORDER BY o.created_at DESC LIMIT 1`,
    [eventId],
  );
  return rows[0]?.id;
}
