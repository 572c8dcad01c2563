import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { badgeContentFromJson, standardBadgeLayout } from '../src/printers/badge-layout.js';
import { openPrinter } from '../src/printers/badge-printer.js';
import { renderBadgeZpl } from '../src/printers/zpl-render.js';
import { fixture, fixturePath } from './support/fixtures.js';
import { openPtyPair } from './support/pty-pair.js';

const hs = (name: string) => readFileSync(fixturePath(`zpl/${name}`));
const layout = () => standardBadgeLayout(badgeContentFromJson(fixture('badges/non-latin.json')));

/** A stand-in for a Zebra on port 9100: stores jobs, answers ~HS with a recorded response. */
async function fakeZebra(
  statusResponse: Buffer,
): Promise<{ server: Server; port: number; jobs: Buffer[] }> {
  const jobs: Buffer[] = [];
  const server = createServer((socket: Socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (Buffer.concat(chunks).toString('latin1').includes('~HS')) socket.end(statusResponse);
    });
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      if (!all.toString('latin1').includes('~HS')) jobs.push(all);
      socket.end();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, port, jobs };
}

describe('ZPL printers', () => {
  it('sends the badge over raw TCP byte for byte', async () => {
    const zebra = await fakeZebra(hs('hs-ready.bin'));
    try {
      const printer = openPrinter(`tcp://127.0.0.1:${zebra.port}`);
      const result = await printer.print(layout());
      expect(result.format).toBe('zpl');
      expect(zebra.jobs).toHaveLength(1);
      expect(zebra.jobs[0]?.toString('utf8')).toBe(renderBadgeZpl(layout()));
      expect(result.bytes).toBe(zebra.jobs[0]?.length);
    } finally {
      zebra.server.close();
    }
  });

  it.each([
    ['hs-ready.bin', true, []],
    ['hs-paper-out-paused.bin', false, ['paper out', 'paused']],
    ['hs-head-open.bin', false, ['head open']],
  ])('reads printer status over TCP from a ~HS answer (%s)', async (file, ready, problems) => {
    const zebra = await fakeZebra(hs(file));
    try {
      const status = await openPrinter(`tcp://127.0.0.1:${zebra.port}`).status();
      expect(status).toMatchObject({ ready, problems, source: 'zpl-host-status' });
    } finally {
      zebra.server.close();
    }
  });

  it('fails with a typed error when nothing listens on the printer port', async () => {
    const zebra = await fakeZebra(hs('hs-ready.bin'));
    const port = zebra.port;
    await new Promise((r) => zebra.server.close(r));
    await expect(openPrinter(`tcp://127.0.0.1:${port}`).print(layout())).rejects.toMatchObject({
      code: 'printer_unreachable',
    });
  });

  it('times out a status query a printer never answers', async () => {
    const silent = createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(
        openPrinter(`tcp://127.0.0.1:${port}`, { timeoutMs: 200 }).status(),
      ).rejects.toMatchObject({ code: 'printer_timeout' });
    } finally {
      silent.close();
    }
  });

  it('sends the badge over a serial line and reads ~HS status back over it', async () => {
    const pty = await openPtyPair();
    // The printer's end of the cable: collect bytes, answer ~HS with a recorded response.
    const printerEnd = new SerialPort({ path: pty.peer, baudRate: 9600 });
    const received: Buffer[] = [];
    printerEnd.on('data', (c: Buffer) => {
      received.push(c);
      if (c.toString('latin1').includes('~HS')) printerEnd.write(hs('hs-paper-out-paused.bin'));
    });
    try {
      await new Promise<void>((r) => printerEnd.once('open', () => r()));
      const printer = openPrinter(`serial://${pty.device}?baud=9600`);
      await printer.print(layout());
      const expected = renderBadgeZpl(layout());
      const deadline = Date.now() + 3000;
      while (Buffer.concat(received).length < Buffer.byteLength(expected) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      expect(Buffer.concat(received).toString('utf8')).toBe(expected);

      const status = await printer.status();
      expect(status.problems).toEqual(['paper out', 'paused']);
    } finally {
      await new Promise((r) => printerEnd.close(r));
      await pty.close();
    }
  });

  it('writes the badge to a device path or plain file', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/lanyard-lp-`);
    const printer = openPrinter(`file://${dir}/lp0`);
    await printer.print(layout());
    expect(readFileSync(`${dir}/lp0`, 'utf8')).toBe(renderBadgeZpl(layout()));
    expect(await printer.status()).toMatchObject({ ready: true, source: 'none' });
    expect(await openPrinter('file:///nonexistent-dir/lp0').status()).toMatchObject({
      ready: false,
    });
    await expect(openPrinter('file:///nonexistent-dir/lp0').print(layout())).rejects.toMatchObject({
      code: 'printer_unreachable',
    });
  });
});
