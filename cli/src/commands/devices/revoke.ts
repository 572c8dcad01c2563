import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class DevicesRevoke extends LanyardCommand {
  static override description =
    'Revoke a kiosk device: its credential is deleted and its tokens are refused at once (an unused enrollment code stops working too).';

  static override examples = [
    '<%= config.bin %> devices revoke --event EVENT_ID DEVICE_ID',
    '<%= config.bin %> devices revoke --event EVENT_ID DEVICE_ID --json',
  ];

  static override args = { id: Args.string({ description: 'device id', required: true }) };

  static override flags = { event: Flags.string({ description: 'event id', required: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DevicesRevoke);
    const d = await (await this.client(flags)).revokeDevice(flags.event, args.id);
    this.print(flags.json, d, () => `Device ${d.id} "${d.name}" is revoked (${d.revokedAt}).`);
  }
}
