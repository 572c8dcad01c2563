import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { inputError } from '../../errors.js';

export default class MessagesRetry extends LanyardCommand {
  static override description =
    'Give a dead message (or every dead one) a fresh round of attempts; --to sends it to a corrected address.';

  static override examples = [
    '<%= config.bin %> messages retry MESSAGE_ID',
    '<%= config.bin %> messages retry MESSAGE_ID --to right@example.org',
    '<%= config.bin %> messages retry --all-dead [--event EVENT_ID]',
  ];

  static override args = { id: Args.string({ description: 'message id' }) };

  static override flags = {
    'all-dead': Flags.boolean({ description: 'retry every dead message' }),
    event: Flags.string({ description: 'with --all-dead: only this event’s' }),
    to: Flags.string({ description: 'send to this address instead' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(MessagesRetry);
    if (flags['all-dead'] === (args.id !== undefined)) {
      throw inputError('usage', 'Give a message id or --all-dead (one of them).');
    }
    const client = await this.client(flags);
    if (args.id === undefined) {
      const r = await client.retryDeadMessages(flags.event);
      this.print(flags.json, r, () => `Queued ${r.retried} dead message(s) again.`);
      return;
    }
    const m = await client.retryMessage(args.id, flags.to);
    this.print(flags.json, m, () => `Message ${m.id} to ${m.recipient} is ${m.status} again.`);
  }
}
