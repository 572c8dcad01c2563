import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { diffLines, scheduleApi } from '../../client/schedule.js';

export default class ScheduleDiff extends LanyardCommand {
  static override description = `What changed between two releases of the event's schedule: new, cancelled, moved (time or room), renamed, speakers changed.
Without versions: the latest release against the one before. 0 stands for "nothing released".`;

  static override examples = [
    '<%= config.bin %> schedule diff --event EVENT_ID',
    '<%= config.bin %> schedule diff --event EVENT_ID 1 3 --json',
  ];

  static override args = {
    from: Args.integer({ description: 'older release (N)', min: 0 }),
    to: Args.integer({ description: 'newer release (M)', min: 1 }),
  };

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ScheduleDiff);
    const api = scheduleApi((await this.client(flags)).http);
    const r = await api.diff(flags.event, args.from, args.to);
    this.print(flags.json, r, () => {
      const lines = diffLines(r.diff);
      return [`Release ${r.from} → ${r.to}:`, ...(lines.length ? lines : ['no changes'])];
    });
  }
}
