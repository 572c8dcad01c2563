import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import type { Broadcast } from '../../client/types.js';

// How often --wait asks again.
const POLL_MS = 1000;

/** Whether every mail of the message was sent or given up. */
const settled = (b: Broadcast) =>
  b.status === 'queued' && b.progress.queued === 0 && b.progress.failed === 0;

function progressLine(b: Broadcast): string {
  if (b.status === 'scheduled') return `"${b.subject}" is scheduled for ${b.sendAt}.`;
  const p = b.progress;
  return (
    `"${b.subject}" to ${b.recipients ?? 0} address(es): ${p.sent} sent, ${p.queued} waiting` +
    (p.failed ? `, ${p.failed} failed and retrying` : '') +
    (p.dead
      ? `, ${p.dead} given up (lanyard messages list --status dead --event ${b.eventId})`
      : '')
  );
}

export default class MessagesProgress extends LanyardCommand {
  static override description =
    'How far an organizer message got: addresses, and its mails sent, waiting, failed and retrying, given up. With --wait, follows it until every mail was sent or given up.';

  static override examples = [
    '<%= config.bin %> messages progress MESSAGE_ID',
    '<%= config.bin %> messages progress MESSAGE_ID --wait',
  ];

  static override args = {
    id: Args.string({ description: 'the message (as `messages send` printed it)', required: true }),
  };

  static override flags = {
    wait: Flags.boolean({ description: 'follow it until every mail was sent or given up' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(MessagesProgress);
    const client = await this.client(flags);
    let b = await client.getBroadcast(args.id);
    let shown = '';
    while (flags.wait && !settled(b)) {
      const line = progressLine(b);
      // Each change on a line of its own, so a log of the run reads as the send went.
      if (!flags.json && line !== shown) this.log((shown = line));
      await new Promise((r) => setTimeout(r, POLL_MS));
      b = await client.getBroadcast(args.id);
    }
    const line = progressLine(b);
    if (flags.json || line !== shown) this.print(flags.json, b, () => line);
  }
}
