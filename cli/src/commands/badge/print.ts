import { Flags } from '@oclif/core';
import { openPrinter, standardBadgeLayout } from '@lanyard/hardware';
import { PlainCommand } from '../../base-command.js';
import { CliError } from '../../errors.js';
import { badgeError, readBadgeData } from '../../badge/badge-data.js';

export default class BadgePrint extends PlainCommand {
  static override description =
    'Print one badge on a printer given by URI: tcp://host:port (raw ZPL), serial:///dev/ttyX, cups://QUEUE (PDF via lp), file:///path.';

  static override examples = [
    '<%= config.bin %> badge print --printer tcp://192.168.1.50:9100 --data badge.json',
    '<%= config.bin %> badge print --printer cups://FrontDesk --data badge.json --json',
    '<%= config.bin %> badge print --printer serial:///dev/ttyUSB0?baud=115200 --data badge.json --status',
  ];

  static override flags = {
    printer: Flags.string({ description: 'printer URI', required: true }),
    data: Flags.string({
      description:
        'JSON file: {"name", "company"?, "ticketType"?, "token"}; the token becomes the QR code',
      required: true,
    }),
    dpi: Flags.integer({
      description: 'ZPL printer resolution (203, 300 or 600)',
      default: 203,
      min: 100,
      max: 600,
    }),
    status: Flags.boolean({
      description: 'ask the printer for its status first and do not print if it is not ready',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BadgePrint);
    const content = await readBadgeData(flags.data);
    try {
      const printer = openPrinter(flags.printer, { zpl: { dpi: flags.dpi } });
      if (flags.status) {
        const status = await printer.status();
        if (!status.ready) {
          const message = `printer not ready: ${status.problems.join(', ')}`;
          throw new CliError('printer_not_ready', message, 3, { status });
        }
      }
      const result = await printer.print(standardBadgeLayout(content));
      const summary = { printer: flags.printer, ...result };
      if (flags.json) this.log(JSON.stringify(summary));
      else {
        this.log(
          `sent ${result.format.toUpperCase()} badge (${result.bytes} bytes) to ${flags.printer}${result.jobId ? ` as job ${result.jobId}` : ''}`,
        );
        for (const w of result.warnings) this.warn(w);
      }
    } catch (err) {
      throw badgeError(err);
    }
  }
}
