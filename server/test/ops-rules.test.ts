import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from './harness.js';
import {
  checkIn,
  enrolledKiosk,
  eventWithTickets,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

// The alerting rules and /metrics are read by Prometheus's own tool, not by our code: promtool
// (Debian's prometheus package, installed by .ci/run) checks the rule file, runs its unit tests,
// and lints what a running server exposes.
const run = promisify(execFile);
const opsDir = fileURLToPath(new URL('../../docs/ops/', import.meta.url));

async function promtool(args: string[], input?: string) {
  const child = run('promtool', args, { cwd: opsDir });
  if (input !== undefined) child.child.stdin!.end(input);
  return child;
}

describe('Prometheus rules and metrics', () => {
  it('the SLO rule file is valid and its unit tests pass', async () => {
    const check = await promtool(['check', 'rules', 'lanyard.rules.yml']);
    expect(check.stdout).toMatch(/SUCCESS: \d+ rules found/);
    const test = await promtool(['test', 'rules', 'lanyard.rules.test.yml']);
    expect(test.stdout).toContain('SUCCESS');
  });

  describe('a running server [postgres]', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer('postgres');
    });
    afterAll(() => t.stop());

    it('exposes metrics that promtool accepts, with every SLI series the rules read', async () => {
      const ev = await eventWithTickets(t, 1);
      const kiosk = await enrolledKiosk(t, ev.eventId, 'Door 1');
      await checkIn(t, ev.eventId, { token: ev.tickets[0]!.token }, kiosk.token);
      await fetch(`${t.url}/e/${ev.eventId}`);
      const text = await (await fetch(`${t.url}/metrics`)).text();

      // promtool exits non-zero on any lint problem, which rejects here with its output.
      await promtool(['check', 'metrics'], text);
      expect(text).toContain(
        'lanyard_http_requests_total{method="POST",route="/api/v1/events/:eventId/checkins",status="200"} 1',
      );
      expect(text).toMatch(
        /lanyard_http_requests_total\{method="GET",route="\/e\/:id",status="200"\} 1/,
      );
      expect(text).toMatch(
        new RegExp(
          `lanyard_device_last_seen_age_seconds\\{event_id="${ev.eventId}",device_id="${kiosk.deviceId}",device="Door 1"\\} \\d`,
        ),
      );
      expect(text).toMatch(/^lanyard_outbox_lag_seconds \d/m);
    });
  });
});
