import { readFile } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { scheduleApi } from '../../client/schedule.js';
import { inputError } from '../../errors.js';

export default class ScheduleImport extends LanyardCommand {
  static override description = `Import a pretalx or frab schedule.json export into the event's draft schedule.
Rooms and tracks are matched by name, speakers and sessions by their ids in the file, so importing the same file again changes nothing. Release the draft afterwards with "schedule release".`;

  static override examples = [
    '<%= config.bin %> schedule import schedule.json --event EVENT_ID',
    '<%= config.bin %> schedule import pretalx-export.json --event EVENT_ID --json',
  ];

  static override args = {
    file: Args.file({
      description: 'schedule.json (pretalx/frab format)',
      required: true,
      exists: true,
    }),
  };

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ScheduleImport);
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(args.file, 'utf8'));
    } catch (err) {
      throw inputError('invalid_file', `${args.file} is not JSON: ${(err as Error).message}`);
    }
    const api = scheduleApi((await this.client(flags)).http);
    const r = await api.import(flags.event, doc);
    this.print(
      flags.json,
      r,
      () =>
        `Imported ${r.sessions} sessions, ${r.speakers} speakers, ${r.rooms} rooms, ${r.tracks} tracks: ${r.created} created, ${r.updated} sessions updated, ${r.unchanged} unchanged.`,
    );
  }
}
