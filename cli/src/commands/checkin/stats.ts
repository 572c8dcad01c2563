import { setTimeout as sleep } from 'node:timers/promises';
import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import type { CheckinStats } from '../../client/types.js';
import { renderCheckinStats } from '../../output/checkin-stats-view.js';

// Clear the screen and home the cursor: the figures redraw in place on a terminal.
const REDRAW = '\u001b[H\u001b[2J';

export default class CheckinStatsCommand extends LanyardCommand {
  static override description =
    'Show check-in progress: valid tickets admitted of all and inside now, for the event and each check-in list; admitted and exits at each gate. --watch refreshes every 2 seconds until Ctrl-C (with --json: one JSON line per refresh).';

  static override examples = [
    '<%= config.bin %> checkin stats --event EVENT_ID',
    '<%= config.bin %> checkin stats --event EVENT_ID --watch',
    '<%= config.bin %> checkin stats --event EVENT_ID --watch --json | jq .admitted',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    watch: Flags.boolean({ description: 'refresh every 2 seconds until interrupted' }),
    interval: Flags.integer({
      description: 'seconds between refreshes with --watch',
      default: 2,
      min: 1,
      hidden: true,
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(CheckinStatsCommand);
    const client = await this.client(flags);
    const show = (s: CheckinStats, redraw: boolean) => {
      if (flags.json) return this.log(JSON.stringify(s));
      const lines = renderCheckinStats(s);
      if (redraw) process.stdout.write(REDRAW);
      for (const line of lines) this.log(line);
      if (flags.watch && !redraw) this.log('');
    };
    if (!flags.watch) return show(await client.checkinStats(flags.event), false);

    // Ctrl-C ends the watch as a success; the pending sleep is cut short.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const redraw = Boolean(process.stdout.isTTY) && !flags.json;
    try {
      while (!stop.signal.aborted) {
        show(await client.checkinStats(flags.event), redraw);
        await sleep(flags.interval * 1000, undefined, { signal: stop.signal }).catch(() => {});
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}
