#!/usr/bin/env node
// Runs jest in native ESM mode and enforces the CI rule: the only tests allowed to skip are the
// Kafka and Elasticsearch adapter tests (no broker or cluster can run on these machines).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const results = '.jest-results.json';
rmSync(results, { force: true });
const run = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    join(dirname(require.resolve('jest/package.json')), 'bin/jest.js'),
    '--json',
    `--outputFile=${results}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let report;
try {
  report = JSON.parse(readFileSync(results, 'utf8'));
} catch {
  console.error('run-tests: jest wrote no results');
  process.exit(run.status || 1);
}

const mayBeSkipped = /kafka|elasticsearch/i;
const badSkips = [];
const allowedSkips = [];
for (const file of report.testResults) {
  for (const t of file.assertionResults) {
    if (t.status !== 'pending' && t.status !== 'skipped' && t.status !== 'todo') continue;
    if (mayBeSkipped.test(t.fullName)) allowedSkips.push(t.fullName);
    else badSkips.push(`${file.name}: ${t.fullName}`);
  }
}
// Their names carry the reason, e.g. "(skipped: ELASTICSEARCH_URL not set)".
for (const name of new Set(allowedSkips)) console.log(`run-tests: skipped ${name}`);
if (badSkips.length > 0) {
  console.error(`run-tests: ${badSkips.length} test(s) skipped that must run here:`);
  for (const s of badSkips) console.error(`  - ${s}`);
}
const passed = report.numPassedTests;
const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
console.log(
  `jest: ${passed} passed, ${failed} failed, ${allowedSkips.length + badSkips.length} skipped`,
);
process.exit(run.status !== 0 || badSkips.length > 0 || !report.success ? 1 : 0);
