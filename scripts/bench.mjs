#!/usr/bin/env node
// `npm run bench -w <package> [-- NAME]`: lists the package's bench/*.ts, or runs one with tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';

const require = createRequire(import.meta.url);
const dir = 'bench';
const benches = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
      .map((f) => basename(f, '.ts'))
  : [];
const [name, ...rest] = process.argv.slice(2);
if (!name) {
  console.log(
    benches.length ? `benchmarks: ${benches.join(', ')}` : 'no benchmarks in this package',
  );
  process.exit(0);
}
if (!benches.includes(name)) {
  console.error(`no benchmark "${name}"; choose one of: ${benches.join(', ') || '(none)'}`);
  process.exit(2);
}
const tsx = require.resolve('tsx');
const run = spawnSync(process.execPath, ['--import', tsx, `${dir}/${name}.ts`, ...rest], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
