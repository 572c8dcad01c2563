import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

interface Progress {
  scope: string;
  kind: string | null;
  indexed: number;
  done: boolean;
  startedAt: string;
  finishedAt: string | null;
}

export default class SearchReindex extends LanyardCommand {
  static override description =
    'Backfill Elasticsearch (attendee search and reports) from the database, after ELASTICSEARCH_URL was switched on for an existing one (admin token). Tickets, then orders, refunds and waitlist entries, in bounded bulk requests; the server records its progress after each, so running the command again after an interruption resumes where it stopped. Once a reindex finished, the next one starts over.';

  static override examples = [
    '<%= config.bin %> search reindex',
    '<%= config.bin %> search reindex --event EVENT_ID --json',
  ];

  static override flags = {
    event: Flags.string({ description: 'only this event’s documents (default: every event)' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(SearchReindex);
    const client = await this.client(flags);
    const body = flags.event ? { eventId: flags.event } : {};
    // Each call is one bounded step on the server; the loop is the whole reindex.
    for (;;) {
      const step = await client.http.json<Progress>('POST', '/api/v1/search/reindex', body);
      if (step.done) {
        this.print(flags.json, step, () => [
          `reindexed ${step.indexed} documents of ${step.scope === 'all' ? 'every event' : `event ${step.scope}`} (started ${step.startedAt}, finished ${step.finishedAt})`,
        ]);
        return;
      }
      if (!flags.json) this.logToStderr(`${step.kind}: ${step.indexed} documents indexed so far`);
    }
  }
}
