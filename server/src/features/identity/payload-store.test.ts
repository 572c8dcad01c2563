import { describeEachDb } from '../../test-support/databases.js';
import { PayloadStore, purgeExpiredPayloads } from './payload-store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDb('oidc-provider payloads in the database', (get) => {
  const store = (model: string) => new PayloadStore(get().db, model);

  it('finds what was stored, per model, and nothing under another model', async () => {
    await store('Grant').upsert('g1', { accountId: 'a', openid: { scope: 'openid' } }, 60);
    expect(await store('Grant').find('g1')).toEqual({
      accountId: 'a',
      openid: { scope: 'openid' },
    });
    expect(await store('Session').find('g1')).toBeUndefined();
    expect(await store('Grant').find('nope')).toBeUndefined();
  });

  it('replaces a payload on a second upsert', async () => {
    await store('Session').upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    await store('Session').upsert('s1', { uid: 'u2', accountId: 'b' }, 60);
    expect(await store('Session').find('s1')).toEqual({ uid: 'u2', accountId: 'b' });
    expect(await store('Session').findByUid('u1')).toBeUndefined();
    expect(await store('Session').findByUid('u2')).toEqual({ uid: 'u2', accountId: 'b' });
  });

  it('finds a device code by its user code', async () => {
    await store('DeviceCode').upsert('d1', { userCode: 'ABCD-EFGH', clientId: 'kiosk' }, 60);
    expect(await store('DeviceCode').findByUserCode('ABCD-EFGH')).toMatchObject({
      clientId: 'kiosk',
    });
    expect(await store('DeviceCode').findByUserCode('ZZZZ-ZZZZ')).toBeUndefined();
  });

  it('marks a payload consumed with a timestamp in seconds, cleared when it is stored again', async () => {
    await store('AuthorizationCode').upsert('c1', { clientId: 'x' }, 60);
    await store('AuthorizationCode').consume('c1');
    const consumed = await store('AuthorizationCode').find('c1');
    expect(Math.abs((consumed!.consumed as number) - Date.now() / 1000)).toBeLessThan(5);
    await store('AuthorizationCode').upsert('c1', { clientId: 'x' }, 60);
    expect((await store('AuthorizationCode').find('c1'))!.consumed).toBeUndefined();
  });

  it('hides a payload once its lifetime is over, and purges it later', async () => {
    await store('Interaction').upsert('short', { a: 1 }, 0.05);
    await store('Interaction').upsert('long', { a: 2 }, 3600);
    await store('Client').upsert('forever', { client_id: 'forever' }, undefined);
    await sleep(120);
    expect(await store('Interaction').find('short')).toBeUndefined();
    expect(await purgeExpiredPayloads(get().db)).toBeGreaterThanOrEqual(1);
    expect(await store('Interaction').find('long')).toEqual({ a: 2 });
    expect(await store('Client').find('forever')).toEqual({ client_id: 'forever' });
  });

  it('revokes every artifact of a grant across models, and only those', async () => {
    await store('AccessToken').upsert('at1', { grantId: 'G' }, 60);
    await store('RefreshToken').upsert('rt1', { grantId: 'G' }, 60);
    await store('AccessToken').upsert('at2', { grantId: 'OTHER' }, 60);
    await store('Grant').revokeByGrantId('G');
    expect(await store('AccessToken').find('at1')).toBeUndefined();
    expect(await store('RefreshToken').find('rt1')).toBeUndefined();
    expect(await store('AccessToken').find('at2')).toEqual({ grantId: 'OTHER' });
  });

  it('destroys one payload', async () => {
    await store('Grant').upsert('gone', { x: 1 }, 60);
    await store('Grant').destroy('gone');
    expect(await store('Grant').find('gone')).toBeUndefined();
  });
});
