import { writeFile } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { inputError } from '../../errors.js';

export default class OrdersInvoice extends LanyardCommand {
  static override description =
    "Download a paid order's invoice (or, with --credit-note, the credit note of its cancellation) as PDF.";

  static override examples = [
    '<%= config.bin %> orders invoice ORDER_ID -o invoice.pdf',
    '<%= config.bin %> orders invoice ORDER_ID --credit-note -o credit-note.pdf',
  ];

  static override args = { id: Args.string({ description: 'order id', required: true }) };

  static override flags = {
    output: Flags.string({ char: 'o', description: 'file to write the PDF to', required: true }),
    'credit-note': Flags.boolean({ description: 'the credit note instead of the invoice' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(OrdersInvoice);
    const kind = flags['credit-note'] ? 'credit-note' : 'invoice';
    const pdf = await (await this.client(flags)).orders.pdf(args.id, kind);
    await writeFile(flags.output, pdf).catch((err: NodeJS.ErrnoException) => {
      throw inputError(
        'file_unwritable',
        `cannot write ${flags.output} (${err.code ?? err.message})`,
      );
    });
    const what = kind === 'invoice' ? 'Invoice' : 'Credit note';
    this.print(
      flags.json,
      { orderId: args.id, kind, file: flags.output, bytes: pdf.length },
      () => `${what} of order ${args.id} written to ${flags.output} (${pdf.length} bytes).`,
    );
  }
}
