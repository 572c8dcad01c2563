#!/usr/bin/env node
// What `npm test` runs before jest: the build, the typecheck and the lint. The TypeScript build
// goes first (the typecheck reads the kiosk's and the server's declarations from their dist).
// Then the bundles, the typecheck and the lint, each single-threaded and none reading what
// another writes, run side by side on the machine's cores. Each step's output is printed whole
// when it ends, so the logs do not interleave; any failing step fails the run.
import { spawn } from 'node:child_process';

const run = (args) =>
  new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(out));
      if (code !== 0) console.error(`checks: npm ${args.join(' ')} failed (exit ${code})`);
      resolve(code === 0);
    });
  });

if (!(await run(['exec', '--', 'tsc', '-b']))) process.exit(1);
const results = await Promise.all(
  ['build:bundles', 'typecheck', 'lint'].map((script) => run(['run', script])),
);
process.exit(results.every(Boolean) ? 0 : 1);
