import { jest } from '@jest/globals';
import { Webhook as Verifier } from 'standardwebhooks';
import {
  startReceiver,
  type Receiver,
} from '../../server/src/features/webhooks/test-support/receiver.js';
import { startCliUser, type CliUser } from './support/cli.js';

interface Hook {
  id: string;
  url: string;
  secret?: string;
  enabled: boolean;
  previousSecretExpiresAt: string | null;
}
interface Delivery {
  id: string;
  eventType: string;
  state: string;
}

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard webhooks against a real server', () => {
  let u: CliUser;
  let r: Receiver;
  beforeAll(async () => {
    u = await startCliUser({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
    r = await startReceiver();
  });
  afterAll(async () => {
    await r?.stop();
    await u?.stop();
  });

  it('creates, lists, tests, rotates, replays and disables an endpoint', async () => {
    const created = await u.run(['webhooks', 'create', '--url', r.url, '--events', 'order.paid']);
    expect(created.code).toBe(0);
    const secret = created.stdout.split('\n')[0]!;
    expect(secret).toMatch(/^whsec_/);
    const [hook] = await u.json<Hook[]>(['webhooks', 'list']);
    expect(hook).toMatchObject({ url: r.url, enabled: true });
    expect(hook).not.toHaveProperty('secret');

    const sent = await u.json<{ deliveryId: string }>(['webhooks', 'test', hook!.id]);
    const [got] = await r.waitFor(1);
    expect(got!.headers['webhook-id']).toBe(sent.deliveryId);
    const headers = got!.headers as Record<string, string>;
    expect(new Verifier(secret).verify(got!.body, headers)).toMatchObject({ type: 'webhook.test' });

    const listed = await u.json<Delivery[]>(['webhooks', 'deliveries', hook!.id]);
    expect(listed[0]).toMatchObject({ id: sent.deliveryId, eventType: 'webhook.test' });

    const rotated = await u.json<Hook>(['webhooks', 'rotate', hook!.id]);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.previousSecretExpiresAt).not.toBeNull();

    const replayed = await u.json<{ replayed: number }>([
      'webhooks',
      'replay',
      hook!.id,
      '--delivery',
      sent.deliveryId,
    ]);
    expect(replayed).toEqual({ replayed: 1 });
    const [, again] = await r.waitFor(2);
    expect(again!.headers['webhook-id']).toBe(sent.deliveryId);
    const both = again!.headers as Record<string, string>;
    expect(() => new Verifier(rotated.secret!).verify(again!.body, both)).not.toThrow();
    expect(() => new Verifier(secret).verify(again!.body, both)).not.toThrow();

    const disabled = await u.json<Hook>(['webhooks', 'disable', hook!.id]);
    expect(disabled.enabled).toBe(false);
    const human = await u.run(['webhooks', 'list']);
    expect(human.stdout).toContain('disabled (manual)');
  });

  it('exits non-zero naming the problem for a refused URL', async () => {
    const r2 = await u.run(['webhooks', 'create', '--url', 'ftp://example.org/x']);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/https?/);
  });
});
