import { readFile } from 'node:fs/promises';
import { Command, Flags } from '@oclif/core';
import {
  badgeContentFromJson,
  isHardwareError,
  openPrinter,
  standardBadgeLayout,
} from '@lanyard/hardware';

export default class BadgePrint extends Command {
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
    json: Flags.boolean({ description: 'print the result as JSON' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BadgePrint);
    try {
      const content = badgeContentFromJson(JSON.parse(await readFile(flags.data, 'utf8')));
      const printer = openPrinter(flags.printer, { zpl: { dpi: flags.dpi } });
      if (flags.status) {
        const status = await printer.status();
        if (!status.ready) {
          const message = `printer not ready: ${status.problems.join(', ')}`;
          if (flags.json)
            this.log(JSON.stringify({ error: { code: 'printer_not_ready', message, status } }));
          this.error(message, { exit: 3 });
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
      if (!(err instanceof Error) || isOclifExit(err)) throw err;
      const code = isHardwareError(err)
        ? err.code
        : err instanceof SyntaxError
          ? 'badge_invalid'
          : 'io_failed';
      if (flags.json) this.log(JSON.stringify({ error: { code, message: err.message } }));
      this.error(`${code}: ${err.message}`, { exit: 2 });
    }
  }
}

function isOclifExit(err: Error): boolean {
  return 'oclif' in err;
}
