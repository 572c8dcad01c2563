import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

interface Entry {
  seq: number;
  at: string;
  eventId: string | null;
  actor: { subject: string | null; clientId: string | null; deviceId: string | null };
  ip: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  payload: Record<string, unknown> | null;
}

export default class AuditList extends LanyardCommand {
  static override description =
    "List audit entries, newest first: who changed what, from where and when. Without --event the whole organization's log (admin token).";

  static override examples = [
    '<%= config.bin %> audit list --event EVENT_ID',
    '<%= config.bin %> audit list --since 2027-05-01T00:00:00Z --actor ACCOUNT_ID --json',
  ];

  static override flags = {
    event: Flags.string({ description: 'only this event' }),
    since: Flags.string({ description: 'only entries at or after this ISO 8601 time' }),
    actor: Flags.string({ description: 'only this account, OAuth client or device id' }),
    action: Flags.string({ description: 'only this action, e.g. ticket.revoked' }),
    limit: Flags.integer({ description: 'at most this many entries', default: 100, min: 1 }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(AuditList);
    const client = await this.client(flags);
    const base = flags.event
      ? `/api/v1/events/${encodeURIComponent(flags.event)}/audit`
      : '/api/v1/audit';
    const items: Entry[] = [];
    let cursor: string | null = null;
    do {
      const q = new URLSearchParams({ limit: String(Math.min(500, flags.limit - items.length)) });
      if (flags.since) q.set('since', flags.since);
      if (flags.actor) q.set('actor', flags.actor);
      if (flags.action) q.set('action', flags.action);
      if (cursor) q.set('cursor', cursor);
      const page: { items: Entry[]; nextCursor: string | null } = await client.http.json(
        'GET',
        `${base}?${q}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && items.length < flags.limit);
    this.print(flags.json, items, () =>
      items.length
        ? items.map(
            (e) =>
              `${e.seq}  ${e.at}  ${e.actor.deviceId ?? e.actor.subject ?? '-'}  ${e.ip ?? '-'}  ${e.action}  ${e.objectType} ${e.objectId ?? ''}`,
          )
        : ['No audit entries match.'],
    );
  }
}
