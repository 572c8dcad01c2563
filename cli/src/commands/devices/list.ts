import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import type { Device } from '../../client/types.js';

export default class DevicesList extends LanyardCommand {
  static override description =
    'List an event’s kiosk devices, oldest first: pending (code not redeemed yet), active or revoked.';

  static override examples = [
    '<%= config.bin %> devices list --event EVENT_ID',
    '<%= config.bin %> devices list --event EVENT_ID --json',
  ];

  static override flags = { event: Flags.string({ description: 'event id', required: true }) };

  async run(): Promise<void> {
    const { flags } = await this.parse(DevicesList);
    const devices = await (await this.client(flags)).listDevices(flags.event);
    this.print(flags.json, devices, () =>
      devices.length === 0
        ? 'No devices yet: lanyard devices enroll --event ID --name NAME'
        : devices.map(line),
    );
  }
}

function line(d: Device): string {
  const since =
    d.status === 'revoked'
      ? `revoked ${d.revokedAt}`
      : d.status === 'active'
        ? `enrolled ${d.enrolledAt}, last seen ${d.lastSeenAt ?? 'never'}`
        : `code valid until ${d.enrollmentExpiresAt}`;
  return `${d.id}  ${d.status.padEnd(7)}  ${d.name}  (${since})`;
}
