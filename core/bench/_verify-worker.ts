// Worker for the all-cores figure of bench/verify.ts: verifies the tokens it is given in a loop
// and posts how many it verified in the measured window.
import { parentPort, workerData } from 'node:worker_threads';
import { PublicKeyring, verifyTicketToken, type PublicKeyMaterial } from '../src/index.js';

const { tokens, publicKey, eventId, warmupMs, runMs } = workerData as {
  tokens: string[];
  publicKey: PublicKeyMaterial;
  eventId: string;
  warmupMs: number;
  runMs: number;
};
const keys = new PublicKeyring([publicKey]);
const now = new Date();

function loop(ms: number): { count: number; failures: number } {
  let count = 0;
  let failures = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    for (let i = 0; i < 200; i++) {
      if (!verifyTicketToken(tokens[(count + i) % tokens.length], { keys, eventId, now }).ok)
        failures++;
    }
    count += 200;
  }
  return { count, failures };
}

loop(warmupMs);
parentPort!.postMessage(loop(runMs));
