import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';

export default class DevicesEnroll extends LanyardCommand {
  static override description =
    'Create a kiosk device for an event and print its one-time enrollment code (valid 24 hours); the kiosk redeems it once for a credential limited to this event’s check-in.';

  static override examples = [
    '<%= config.bin %> devices enroll --event EVENT_ID --name "Hall A, left"',
    '<%= config.bin %> devices enroll --event EVENT_ID --name "Hall A, left" --json',
    '<%= config.bin %> kiosk start --server https://lanyard.example.org --enroll CODE',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    name: Flags.string({ description: 'the device’s name, shown in lists', required: true }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(DevicesEnroll);
    const d = await (await this.client(flags)).enrollDevice(flags.event, flags.name);
    this.print(flags.json, d, () => [
      d.enrollmentCode,
      `Device ${d.id} "${d.name}" waits for this code until ${d.enrollmentExpiresAt}; it works once.`,
      `On the kiosk: lanyard kiosk start --server ${this.serverOf(d.enrollmentUri)} --enroll ${d.enrollmentCode}`,
      `As a QR code: ${d.enrollmentUri}`,
    ]);
  }

  /** The server as the enrollment URI names it (the kiosk must reach that address). */
  private serverOf(uri: string): string {
    try {
      const u = new URL(uri);
      return u.searchParams.get('server') ?? u.origin;
    } catch {
      return uri;
    }
  }
}
