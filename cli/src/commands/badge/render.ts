import { writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { renderBadge, standardBadgeLayout } from '@lanyard/hardware';
import { PlainCommand } from '../../base-command.js';
import { badgeError, readBadgeData } from '../../badge/badge-data.js';

export default class BadgeRender extends PlainCommand {
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
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BadgeRender);
    const content = await readBadgeData(flags.data);
    try {
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
      throw badgeError(err);
    }
  }
}
