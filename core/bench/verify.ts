// Ticket token verifications per second on one core (this thread): decode + keyring lookup +
// Ed25519 verify + claim checks, over 1 000 distinct tokens so nothing can be served from a cache.
// Also measures the bare crypto.verify on the same key as the ceiling this machine allows.
import { randomUUID, sign, verify } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  PublicKeyring,
  generateSigningKey,
  signTicketToken,
  toPublicKeyMaterial,
  verifyTicketToken,
} from '../src/index.js';
import { importSigningKey } from '../src/ticket-token/keys.js';

const TARGET = 20_000;
const RUNS = 5;
const RUN_MS = 1_000;

const key = generateSigningKey('bench');
const keys = new PublicKeyring([
  toPublicKeyMaterial(key),
  generateSigningKey('other'),
  generateSigningKey('old'),
]);
const eventId = randomUUID();
const now = new Date();
const tokens = Array.from({ length: 1_000 }, () =>
  signTicketToken(
    {
      eventId,
      ticketId: randomUUID(),
      ticketTypeId: randomUUID(),
      notBefore: Math.floor(now.getTime() / 1000) - 3600,
      expiresAt: Math.floor(now.getTime() / 1000) + 86_400,
    },
    key,
  ),
);

/** Runs `op` in batches for `ms` and returns operations per second. */
function rate(op: (i: number) => void, ms: number): number {
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 500; i++) op(count + i);
    count += 500;
    elapsed = performance.now() - started;
  }
  return (count / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

let failures = 0;
const verifyToken = (i: number) => {
  const result = verifyTicketToken(tokens[i % tokens.length], { keys, eventId, now });
  if (!result.ok) failures++;
};

const message = Buffer.from('LY1:' + 'x'.repeat(130));
const privateKey = importSigningKey(key);
const publicKey = keys.get('bench')!;
const signature = sign(null, message, privateKey);
const bareVerify = () => {
  if (!verify(null, message, publicKey, signature)) failures++;
};

const claims = { eventId, ticketId: randomUUID(), ticketTypeId: randomUUID() };
const signToken = () => {
  signTicketToken(claims, key);
};

// Warm-up: let V8 optimise the codec and OpenSSL fill its caches before anything is counted.
rate(verifyToken, 1_500);
rate(bareVerify, 500);

const tokenRuns: number[] = [];
const bareRuns: number[] = [];
for (let r = 0; r < RUNS; r++) {
  tokenRuns.push(rate(verifyToken, RUN_MS));
  bareRuns.push(rate(bareVerify, RUN_MS));
}
const signPerSec = rate(signToken, RUN_MS);

/** Verifications per second with one worker per core, all running at once. */
async function allCores(): Promise<{ perSec: number; workers: number }> {
  const workers = availableParallelism();
  const runMs = 2_000;
  const counts = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<{ count: number; failures: number }>((resolve, reject) => {
          // tsx's hooks are per thread and --import races the worker's entry on Node 20, so the
          // worker registers them itself before importing its TypeScript entry.
          const entry = new URL('./_verify-worker.ts', import.meta.url).href;
          const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
          const worker = new Worker(boot, {
            eval: true,
            workerData: {
              tokens,
              publicKey: toPublicKeyMaterial(key),
              eventId,
              warmupMs: 1_000,
              runMs,
            },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  for (const c of counts) failures += c.failures;
  return {
    perSec: Math.round(counts.reduce((sum, c) => sum + c.count, 0) / (runMs / 1000)),
    workers,
  };
}
const all = await allCores();

const perSec = Math.round(median(tokenRuns));
const rawEd25519PerSec = Math.round(median(bareRuns));
const usPerVerify = Math.round((1e6 / perSec) * 10) / 10;
const codecOverheadPct = Math.round((1 - perSec / rawEd25519PerSec) * 1000) / 10;

console.log(`ticket token verify, one core, ${RUNS} runs of ${RUN_MS} ms after warm-up (median)`);
console.log(
  `  token verifications/s: ${perSec} (${usPerVerify} µs each; runs: ${tokenRuns.map(Math.round).join(', ')})`,
);
console.log(
  `  bare Ed25519 crypto.verify/s: ${rawEd25519PerSec} (the ceiling on this CPU with Node ${process.versions.node}, OpenSSL ${process.versions.openssl})`,
);
console.log(`  codec overhead: ${codecOverheadPct}%`);
console.log(`  token signing/s: ${Math.round(signPerSec)}`);
console.log(`  all ${all.workers} cores together (one worker each): ${all.perSec} verifications/s`);
console.log(
  `  target: ${TARGET}/s → ${perSec >= TARGET ? 'met' : 'NOT met'}${failures ? `; ${failures} FAILED verifications` : ''}`,
);
console.log(
  JSON.stringify({
    bench: 'verify',
    perSec,
    target: TARGET,
    ok: perSec >= TARGET && failures === 0,
    usPerVerify,
    rawEd25519PerSec,
    codecOverheadPct,
    signPerSec: Math.round(signPerSec),
    allCoresPerSec: all.perSec,
    cores: all.workers,
    failures,
  }),
);
