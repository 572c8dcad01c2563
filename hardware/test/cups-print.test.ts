import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameDecoder } from '../src/camera/frame-decoder.js';
import { badgeContentFromJson, standardBadgeLayout } from '../src/printers/badge-layout.js';
import { openPrinter } from '../src/printers/badge-printer.js';
import { waitForCupsJob } from '../src/printers/cups-transport.js';
import { fixture } from './support/fixtures.js';
import { setUpCupsPdfQueue } from './support/cups-queue.js';
import { pdfToFrame } from './support/png-frame.js';

const queue = 'lanyardtest';
const outdir = '/var/spool/lanyard-cups-pdf';
setUpCupsPdfQueue(queue, outdir);

async function landedPdf(jobId: string): Promise<Buffer> {
  const number = jobId.slice(jobId.lastIndexOf('-') + 1);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const file = readdirSync(outdir).find(
      (f) => f.startsWith(`job_${number}-`) && f.endsWith('.pdf'),
    );
    if (file) return readFileSync(join(outdir, file));
    if (Date.now() > deadline) throw new Error(`job ${jobId} never landed in ${outdir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('CUPS printing', () => {
  it('prints a badge through lp to the virtual PDF printer, and the landed file QR decodes', async () => {
    const data = fixture<{ token: string }>('badges/short-name.json');
    const printer = openPrinter(`cups://${queue}`);
    expect((await printer.status()).ready).toBe(true);
    const result = await printer.print(standardBadgeLayout(badgeContentFromJson(data)));
    expect(result.format).toBe('pdf');
    expect(result.jobId).toMatch(new RegExp(`^${queue}-\\d+$`));
    expect(await waitForCupsJob(queue, result.jobId ?? '', 20_000)).toBe('completed');
    expect(await printer.jobState(result.jobId ?? '')).toBe('completed');
    const pdf = await landedPdf(result.jobId ?? '');
    expect(new FrameDecoder({ formats: ['qr'] }).decode(pdfToFrame(pdf, 150))?.text).toBe(
      data.token,
    );
  });

  it('says a queue that does not exist cannot be asked, and refuses to print to it', async () => {
    const printer = openPrinter('cups://lanyard-no-such-queue');
    // The agent shows this message as the printer's problem (BadgePrinting.check).
    await expect(printer.status()).rejects.toMatchObject({
      code: 'printer_status_unavailable',
      message: expect.stringMatching(/lanyard-no-such-queue/),
    });
    await expect(printer.print(standardBadgeLayout({ name: 'A', qr: 'x' }))).rejects.toMatchObject({
      code: 'printer_rejected',
    });
  });

  it('has no job queue to ask for raw printers', async () => {
    await expect(openPrinter('tcp://127.0.0.1:9').jobState('x-1')).rejects.toMatchObject({
      code: 'printer_status_unavailable',
    });
  });
});
