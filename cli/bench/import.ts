// 100 000 generated attendees imported by the built CLI into a server on real PostgreSQL, both in
// their own processes. Targets: < 30 s end to end, < 300 MB peak RSS of the CLI process.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLanyardProcess } from '../../server/bench/_processes.js';
import { createPostgresDatabase } from '../../server/src/test-support/databases.js';

const ROWS = Number(process.env.ROWS ?? 100_000);
const TARGET_SECONDS = 30;
const TARGET_RSS_MB = 300;
const LANYARD = fileURLToPath(new URL('../../bin/lanyard', import.meta.url));

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('name,email,ticket_type,Company\n');
  for (let i = 0; i < ROWS; i++) {
    const line = `Attendee ${i},attendee-${i}@example.org,${i % 10 === 0 ? 'Speaker' : 'Regular'},Company ${i % 97}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/** Runs the CLI and samples its resident set from /proc every 20 ms. */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{
  code: number;
  stdout: string;
  peakRssMb: number;
  seconds: number;
  cpuSeconds: number;
}> {
  const started = performance.now();
  const child = spawn(process.execPath, [LANYARD, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  let peak = 0;
  let cpuTicks = 0;
  const sample = setInterval(() => {
    readFile(`/proc/${child.pid}/status`, 'utf8')
      .then((s) => {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0);
        peak = Math.max(peak, kb);
      })
      .catch(() => undefined);
    readFile(`/proc/${child.pid}/stat`, 'utf8')
      .then((s) => {
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        cpuTicks = Math.max(cpuTicks, Number(f[11]) + Number(f[12]));
      })
      .catch(() => undefined);
  }, 20);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(sample);
      resolve({
        code: code ?? 1,
        stdout,
        peakRssMb: Math.round(peak / 1024),
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: cpuTicks / 100,
      });
    });
  });
}

const db = await createPostgresDatabase();
const server = await startLanyardProcess({ DATABASE_URL: db.url });
const dir = await mkdtemp(join(tmpdir(), 'lanyard-import-bench-'));
try {
  const env = {
    XDG_CONFIG_HOME: join(dir, 'config'),
    LANYARD_SERVER: server.url,
    LANYARD_TOKEN: await server.token(),
  };
  const eventFile = join(dir, 'event.yaml');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(
    eventFile,
    `event: {name: Import bench, startsAt: "2027-05-01T09:00:00Z", endsAt: "2027-05-02T09:00:00Z", timezone: UTC}
ticketTypes:
  - {name: Regular, priceCents: 0, currency: EUR, quantity: ${ROWS}}
  - {name: Speaker, priceCents: 0, currency: EUR, quantity: ${ROWS}}
questions:
  - {label: Company, kind: text}
`,
  );
  const applied = await runCli(['apply', '-f', eventFile, '--json'], env);
  const eventId = (JSON.parse(applied.stdout) as { eventId: string }).eventId;
  const csv = join(dir, 'attendees.csv');
  await writeCsv(csv);

  const run = await runCli(['import', 'attendees', csv, '--event', eventId, '--json'], env);
  const report = JSON.parse(run.stdout) as { imported: number; skipped: number; errors: unknown[] };
  const again = await runCli(['import', 'attendees', csv, '--event', eventId, '--json'], env);
  const second = JSON.parse(again.stdout) as { imported: number; skipped: number };

  const rowsPerSec = Math.round(ROWS / run.seconds);
  const ok =
    report.imported === ROWS &&
    report.errors.length === 0 &&
    second.imported === 0 &&
    run.seconds < TARGET_SECONDS &&
    run.peakRssMb < TARGET_RSS_MB;
  console.log(
    `import of ${ROWS} attendees into PostgreSQL through bin/lanyard (server in its own process)`,
  );
  console.log(
    `  first run:  ${run.seconds.toFixed(1)} s end to end, ${rowsPerSec} rows/s, peak RSS of the CLI ${run.peakRssMb} MB (targets < ${TARGET_SECONDS} s, < ${TARGET_RSS_MB} MB)`,
  );
  console.log(
    `  CPU of the CLI process: ${run.cpuSeconds.toFixed(1)} s (the rest is the server and the network); load average ${(await readFile('/proc/loadavg', 'utf8')).split(' ')[0]} on ${cpus().length} cores`,
  );
  console.log(
    `  imported ${report.imported}, skipped ${report.skipped}, errors ${report.errors.length}`,
  );
  console.log(
    `  re-run:     ${again.seconds.toFixed(1)} s, imported ${second.imported}, skipped ${second.skipped}`,
  );
  console.log(
    JSON.stringify({
      bench: 'import',
      rows: ROWS,
      seconds: Number(run.seconds.toFixed(2)),
      rowsPerSec,
      peakRssMb: run.peakRssMb,
      cliCpuSeconds: run.cpuSeconds,
      rerunSeconds: Number(again.seconds.toFixed(2)),
      rerunImported: second.imported,
      targetSeconds: TARGET_SECONDS,
      targetRssMb: TARGET_RSS_MB,
      ok,
    }),
  );
  if (!ok) process.exitCode = 1;
} finally {
  await server.stop();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
