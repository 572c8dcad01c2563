import { readFile, writeFile } from 'node:fs/promises';
import { Command, Flags } from '@oclif/core';
import {
  badgeContentFromJson,
  isHardwareError,
  renderBadge,
  standardBadgeLayout,
} from '@lanyard/hardware';

export default class BadgeRender extends Command {
  static override description =
    'Render a badge to a PDF or ZPL file, to check a layout or a printer before the doors open.';

  static override examples = [
    '<%= config.bin %> badge render --data badge.json --format pdf --out badge.pdf',
    '<%= config.bin %> badge render --data badge.json --format zpl --dpi 300 --out badge.zpl --json',
  ];

  static override flags = {
    data: Flags.string({
      description:
        'JSON file: {"name", "company"?, "ticketType"?, "token"}; the token becomes the QR code',
      required: true,
    }),
    format: Flags.string({ description: 'output format', options: ['pdf', 'zpl'], required: true }),
    out: Flags.string({ description: 'file to write', required: true }),
    dpi: Flags.integer({
      description: 'ZPL printer resolution (203, 300 or 600)',
      default: 203,
      min: 100,
      max: 600,
    }),
    json: Flags.boolean({ description: 'print the result as JSON' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BadgeRender);
    try {
      const content = badgeContentFromJson(JSON.parse(await readFile(flags.data, 'utf8')));
      const format = flags.format === 'zpl' ? 'zpl' : 'pdf';
      const { bytes, warnings } = await renderBadge(standardBadgeLayout(content), format, {
        zpl: { dpi: flags.dpi },
      });
      await writeFile(flags.out, bytes);
      const summary = { out: flags.out, format, bytes: bytes.length, warnings };
      if (flags.json) this.log(JSON.stringify(summary));
      else {
        this.log(`wrote ${flags.out} (${format.toUpperCase()}, ${bytes.length} bytes)`);
        for (const w of warnings) this.warn(w);
      }
    } catch (err) {
      const code = isHardwareError(err)
        ? err.code
        : err instanceof SyntaxError
          ? 'badge_invalid'
          : 'io_failed';
      const message = err instanceof Error ? err.message : String(err);
      if (flags.json) this.log(JSON.stringify({ error: { code, message } }));
      this.error(`${code}: ${message}`, { exit: 2 });
    }
  }
}
