import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { badgeContentFromJson, renderBadgeZpl, standardBadgeLayout } from '@lanyard/hardware';
import BadgePrint from './print.js';
import BadgeRender from './render.js';
import { runLanyard } from '../../../test/support/cli.js';

const cliRoot = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'lanyard-badge-cli-'));
const data = {
  name: 'Ana Li',
  company: 'Lanyard',
  ticketType: 'Speaker',
  token: 'eyJ0IjoiYTEifQ.c2ln',
};
const dataFile = join(dir, 'badge.json');
writeFileSync(dataFile, JSON.stringify(data));

/** Runs a command class as the binary would and returns what it printed on stdout. */
async function run(
  command: typeof BadgeRender | typeof BadgePrint,
  argv: string[],
): Promise<{ out: string; exit: number }> {
  const config = await Config.load({ root: cliRoot });
  let out = '';
  // oclif prints through console.log; capture it as the terminal would see it.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    out += `${args.map(String).join(' ')}\n`;
  };
  try {
    await command.run(argv, config);
    return { out, exit: 0 };
  } catch (err) {
    const exit = (err as { oclif?: { exit?: number } }).oclif?.exit;
    if (exit === undefined) throw err;
    return { out, exit };
  } finally {
    console.log = log;
  }
}

describe('lanyard badge render', () => {
  it('writes a ZPL badge identical to the library rendering and reports it as JSON', async () => {
    const out = join(dir, 'badge.zpl');
    const result = await run(BadgeRender, [
      '--data',
      dataFile,
      '--format',
      'zpl',
      '--out',
      out,
      '--json',
    ]);
    const expected = renderBadgeZpl(standardBadgeLayout(badgeContentFromJson(data)));
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(JSON.parse(result.out)).toEqual({
      out,
      format: 'zpl',
      bytes: Buffer.byteLength(expected),
      warnings: [],
    });
  });

  it('writes a PDF badge', async () => {
    const out = join(dir, 'badge.pdf');
    const result = await run(BadgeRender, ['--data', dataFile, '--format', 'pdf', '--out', out]);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.out).toMatch(/wrote .*badge\.pdf \(PDF, \d+ bytes\)/);
  });

  it('refuses badge data without a token, with a JSON error and exit code 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'No Token' }));
    const result = await run(BadgeRender, [
      '--data',
      bad,
      '--format',
      'pdf',
      '--out',
      join(dir, 'x.pdf'),
      '--json',
    ]);
    expect(result.exit).toBe(2);
    expect(JSON.parse(result.out)).toEqual({
      error: { code: 'badge_invalid', message: 'badge data needs "token"' },
    });
  });

  it("reports a missing data file in the CLI's own error form, exit 2", async () => {
    const missing = join(dir, 'missing.json');
    const args = [
      'badge',
      'render',
      '--data',
      missing,
      '--format',
      'pdf',
      '--out',
      join(dir, 'm.pdf'),
    ];
    const human = await runLanyard(args, {});
    expect(human.code).toBe(2);
    expect(human.stderr).toBe(
      `error [file_not_found]: badge data file ${missing} does not exist\n`,
    );
    const json = await runLanyard([...args, '--json'], {});
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe('file_not_found');
    // Two runs of the binary: a busy machine can take longer than the default 30 s.
  }, 90_000);

  it('refuses a data file that is not JSON', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'name: Ana');
    const result = await run(BadgeRender, [
      '--data',
      bad,
      '--format',
      'zpl',
      '--out',
      join(dir, 'x.zpl'),
      '--json',
    ]);
    expect(result.exit).toBe(2);
    expect(JSON.parse(result.out).error.code).toBe('badge_invalid');
  });
});

describe('lanyard badge print', () => {
  it('sends raw ZPL to a tcp:// printer', async () => {
    const received: Buffer[] = [];
    const server = createServer((s) =>
      s.on('data', (c: Buffer) => received.push(c)).on('end', () => s.end()),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await run(BadgePrint, [
        '--printer',
        `tcp://127.0.0.1:${port}`,
        '--data',
        dataFile,
        '--json',
      ]);
      const summary = JSON.parse(result.out);
      expect(summary).toMatchObject({
        printer: `tcp://127.0.0.1:${port}`,
        format: 'zpl',
        warnings: [],
      });
      expect(Buffer.concat(received).toString('utf8')).toBe(
        renderBadgeZpl(standardBadgeLayout(badgeContentFromJson(data))),
      );
    } finally {
      server.close();
    }
  });

  it('writes a PDF to a file:// printer ending in .pdf', async () => {
    const out = join(dir, 'printed.pdf');
    const result = await run(BadgePrint, ['--printer', `file://${out}`, '--data', dataFile]);
    expect(result.exit).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('rejects an unknown printer scheme with a JSON error', async () => {
    const result = await run(BadgePrint, ['--printer', 'ipp://x', '--data', dataFile, '--json']);
    expect(result.exit).toBe(2);
    expect(JSON.parse(result.out).error.code).toBe('printer_uri_invalid');
  });

  it('does not print when --status finds the printer not ready', async () => {
    const paperOut =
      '\u0002030,1,0,0812,000,0,0,0,000,0,0,0\u0003\r\n\u0002001,0,0,0,1,2,6,0,00000000,1,000\u0003\r\n\u00021234,0\u0003\r\n';
    const jobs: string[] = [];
    const server = createServer((s) => {
      let got = '';
      s.on('data', (c: Buffer) => {
        got += c.toString();
        if (got.includes('~HS')) s.end(paperOut);
      });
      s.on('end', () => {
        if (!got.includes('~HS')) jobs.push(got);
        s.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await run(BadgePrint, [
        '--printer',
        `tcp://127.0.0.1:${port}`,
        '--data',
        dataFile,
        '--status',
        '--json',
      ]);
      expect(result.exit).toBe(3);
      expect(JSON.parse(result.out).error).toMatchObject({
        code: 'printer_not_ready',
        message: 'printer not ready: paper out',
      });
      expect(jobs).toEqual([]);
    } finally {
      server.close();
    }
  });
});
