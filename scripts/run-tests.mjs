#!/usr/bin/env node
// Runs jest in native ESM mode and enforces the CI rule: the only tests allowed to skip are the
// Kafka and Elasticsearch adapter tests (no broker or cluster can run on these machines).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const jestBin = join(dirname(require.resolve('jest/package.json')), 'bin/jest.js');

// Most test files wait on PostgreSQL, Chromium or child processes, so two run at once even on a
// two-core machine. The few that time the user's experience (a scan answered within 300 ms, a
// kiosk falling back to offline within its timeout, three replicas restarted one by one under
// 200 requests/s) run afterwards, one at a time, so a neighbour cannot make them miss.
const TIMED = [
  '/server/test/replicas',
  '/kiosk/test/e2e/',
  '/kiosk/test/crash-safety',
  '/kiosk/src/agent/decide/online-first',
];
// Both passes keep jest.config's own ignores; path patterns given on the command line narrow both.
// Each ignore pattern goes in its own `--opt=value`, so jest does not take the caller's patterns
// for more of them.
const ignore = (...patterns) => patterns.map((p) => `--testPathIgnorePatterns=${p}`);
const passes = [
  { name: 'parallel', args: ['--maxWorkers=2', ...ignore('/node_modules/', '/dist/', ...TIMED)] },
  {
    name: 'timed',
    args: ['--runInBand', ...ignore('/node_modules/', '/dist/', `^(?!.*(${TIMED.join('|')}))`)],
  },
];

const reports = [];
let status = 0;
for (const pass of passes) {
  const results = `.jest-results.${pass.name}.json`;
  rmSync(results, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      jestBin,
      // The caller's path patterns first: jest's array options would swallow what follows them.
      ...process.argv.slice(2),
      '--json',
      `--outputFile=${results}`,
      '--passWithNoTests',
      ...pass.args,
    ],
    { stdio: 'inherit' },
  );
  try {
    reports.push(JSON.parse(readFileSync(results, 'utf8')));
  } catch {
    console.error(`run-tests: jest wrote no results (${pass.name} pass)`);
    process.exit(run.status || 1);
  }
  status ||= run.status ?? 1;
}
const report = {
  success: reports.every((r) => r.success),
  numPassedTests: reports.reduce((n, r) => n + r.numPassedTests, 0),
  numFailedTests: reports.reduce((n, r) => n + r.numFailedTests, 0),
  numRuntimeErrorTestSuites: reports.reduce((n, r) => n + r.numRuntimeErrorTestSuites, 0),
  testResults: reports.flatMap((r) => r.testResults),
};

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
process.exit(status !== 0 || badSkips.length > 0 || !report.success ? 1 : 0);
