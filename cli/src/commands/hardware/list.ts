import { Command, Flags } from '@oclif/core';
import { takeInventory } from '@lanyard/hardware';

export default class HardwareList extends Command {
  static override description =
    'List scanners, serial ports, HID devices and CUPS printer queues on this machine, and which ones Lanyard would use.';

  static override examples = [
    '<%= config.bin %> hardware list',
    '<%= config.bin %> hardware list --json',
  ];

  static override flags = {
    all: Flags.boolean({
      description: 'also list HID devices that are neither scanners nor printers',
    }),
    json: Flags.boolean({ description: 'print the inventory as JSON' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(HardwareList);
    const inv = await takeInventory();
    const hid = flags.all ? inv.hid : inv.hid.filter((d) => d.role !== 'other');
    if (flags.json) {
      this.log(JSON.stringify({ ...inv, hid }));
      return;
    }
    this.log(`Scanners Lanyard would open (${inv.scanners.length}):`);
    for (const s of inv.scanners) this.log(`  ${s.kind.padEnd(12)} ${s.deviceId}  ${s.name}`);
    this.log(
      `HID devices (${hid.length}${flags.all ? '' : ' scanners and printers; --all for every one'}):`,
    );
    for (const d of hid) {
      const page = d.usagePage === undefined ? '' : ` usage page 0x${d.usagePage.toString(16)}`;
      this.log(
        `  ${d.id}  ${d.role.padEnd(12)} ${d.path ?? '(no path)'}  ${[d.manufacturer, d.product].filter(Boolean).join(' ')}${page}`,
      );
    }
    this.log(`Serial ports (${inv.serial.length}):`);
    for (const s of inv.serial)
      this.log(`  ${s.path}  ${s.role}${s.vendor ? `  ${s.vendor}` : ''}`);
    this.log(`CUPS queues (${inv.cupsQueues.length}): ${inv.cupsQueues.join(', ') || '-'}`);
    for (const p of inv.problems) this.warn(p);
  }
}
