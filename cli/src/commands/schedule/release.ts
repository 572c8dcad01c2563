import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { diffLines, scheduleApi } from '../../client/schedule.js';

export default class ScheduleRelease extends LanyardCommand {
  static override description = `Freeze the event's draft schedule as the next release, with a comment.
Refused while blocking conflicts remain, or while the release checklist (unscheduled, unconfirmed, no room) is not clear unless --allow-incomplete. Attendees and speakers affected by the changes are notified.`;

  static override examples = [
    '<%= config.bin %> schedule release --event EVENT_ID -m "First programme"',
    '<%= config.bin %> schedule release --event EVENT_ID -m "Room change for the keynote" --json',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    message: Flags.string({
      char: 'm',
      description: 'what changed (shown with the release)',
      required: true,
    }),
    'allow-incomplete': Flags.boolean({
      description:
        'release with unscheduled or unconfirmed sessions (blocking conflicts still refuse)',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ScheduleRelease);
    const api = scheduleApi((await this.client(flags)).http);
    const r = await api.release(flags.event, flags.message, flags['allow-incomplete'] === true);
    this.print(flags.json, r, () => [
      `Released version ${r.version}: ${r.comment}`,
      ...diffLines(r.diff),
    ]);
  }
}
