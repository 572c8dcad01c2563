import { readFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import type { BroadcastFields } from '../../client/types.js';
import { inputError } from '../../errors.js';

export default class MessagesSend extends LanyardCommand {
  static override description =
    'Send a message to the attendees of an event (all, some ticket types, checked in or not), now or at a time; --preview shows who it reaches and the mail the first of them gets, without sending.';

  static override examples = [
    '<%= config.bin %> messages send --event EVENT_ID --subject "Doors open at 9" --body "See you soon."',
    '<%= config.bin %> messages send --event EVENT_ID --subject "Parking" --body-file parking.txt --ticket-type TYPE_ID --not-checked-in --at 2027-05-01T07:00:00Z',
    '<%= config.bin %> messages send --event EVENT_ID --subject "Hi" --body "Hello" --preview',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    subject: Flags.string({ description: 'the subject line', required: true }),
    body: Flags.string({ description: 'the text', exclusive: ['body-file'] }),
    'body-file': Flags.string({ description: 'read the text from this file' }),
    'ticket-type': Flags.string({
      description: 'only holders of this ticket type (repeat for more)',
      multiple: true,
    }),
    'checked-in': Flags.boolean({
      description: 'only those checked in',
      exclusive: ['not-checked-in'],
    }),
    'not-checked-in': Flags.boolean({ description: 'only those not checked in yet' }),
    at: Flags.string({ description: 'send at this time (ISO 8601 with offset); default now' }),
    preview: Flags.boolean({
      description: 'show the recipients count and the first mail; send nothing',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(MessagesSend);
    const body = flags['body-file'] ? await readFile(flags['body-file'], 'utf8') : flags.body;
    if (!body) throw inputError('usage', 'Give the text with --body or --body-file.');
    const fields: BroadcastFields = {
      subject: flags.subject,
      body,
      ...(flags['ticket-type'] ? { ticketTypeIds: flags['ticket-type'] } : {}),
      ...(flags['checked-in'] ? { checkedIn: true } : {}),
      ...(flags['not-checked-in'] ? { checkedIn: false } : {}),
      ...(flags.at ? { sendAt: flags.at } : {}),
    };
    const client = await this.client(flags);
    if (flags.preview) {
      const p = await client.previewBroadcast(flags.event, fields);
      this.print(flags.json, p, () =>
        p.sample
          ? [
              `Reaches ${p.recipients} address(es). The mail to ${p.sample.to}:`,
              '',
              `Subject: ${p.sample.subject}`,
              '',
              p.sample.text,
            ]
          : 'Reaches nobody: no attendee matches.',
      );
      return;
    }
    const b = await client.sendBroadcast(flags.event, fields);
    this.print(flags.json, b, () => [
      flags.at
        ? `Message ${b.id} is scheduled for ${b.sendAt}.`
        : `Message ${b.id} is going out now, at the server's steady pace.`,
      `Follow it: lanyard messages progress ${b.id} --wait`,
    ]);
  }
}
