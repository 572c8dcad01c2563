import { Command, Flags } from '@oclif/core';
import { parseTerminator, SerialScannerSource, type ScanEvent } from '@lanyard/hardware';

export default class HardwareListen extends Command {
  static override description =
    'Read codes from a serial (or USB-CDC) scanner and print each one; for checking a scanner at the venue.';

  static override examples = [
    '<%= config.bin %> hardware listen --serial /dev/ttyACM0',
    '<%= config.bin %> hardware listen --serial /dev/ttyUSB0 --baud 115200 --terminator CR --json',
  ];

  static override flags = {
    serial: Flags.string({ description: 'serial device path', required: true }),
    baud: Flags.integer({ description: 'baud rate', default: 9600, min: 1 }),
    terminator: Flags.string({
      description: 'what ends a code: auto (CR, LF or CRLF), CR, LF, CRLF or any text',
      default: 'auto',
    }),
    'duplicate-window': Flags.integer({
      description:
        'ms within which the same code again counts as the same scan (0: report every read)',
      default: 1500,
      min: 0,
    }),
    count: Flags.integer({ description: 'exit after this many codes', min: 1 }),
    json: Flags.boolean({
      description: 'one JSON line per code: {"source": "serial", "data": "..."}',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(HardwareListen);
    const source = new SerialScannerSource({
      path: flags.serial,
      baudRate: flags.baud,
      terminator: parseTerminator(flags.terminator),
      duplicateWindowMs: flags['duplicate-window'],
    });
    let seen = 0;
    const finished = new Promise<number>((resolve) => {
      source.on('scan', (scan: ScanEvent) => {
        this.log(
          flags.json
            ? JSON.stringify({ source: scan.source, data: scan.data })
            : `scan: ${scan.data}`,
        );
        seen++;
        if (flags.count !== undefined && seen >= flags.count) resolve(0);
      });
      source.on('error', (err) => {
        process.stderr.write(
          flags.json
            ? `${JSON.stringify({ error: { code: err.code, message: err.message } })}\n`
            : `warning: ${err.message}\n`,
        );
      });
      source.on('detach', () => resolve(1));
      process.once('SIGINT', () => resolve(0));
      process.once('SIGTERM', () => resolve(0));
    });
    try {
      await source.open();
    } catch (err) {
      this.error(err instanceof Error ? err.message : String(err), { exit: 2 });
    }
    if (!flags.json) this.log(`listening on ${flags.serial} at ${flags.baud} baud; Ctrl-C to stop`);
    const code = await finished;
    await source.close();
    if (code !== 0) this.error(`${flags.serial} went away`, { exit: code });
  }
}
