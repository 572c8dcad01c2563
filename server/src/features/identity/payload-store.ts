import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Queryable } from '../../platform/db/db.js';

/**
 * oidc-provider's storage adapter on the Db port (table `oidc_payloads`), so every replica sees
 * the same clients, grants and sessions. Expired rows are invisible at once and purged later.
 */
export class PayloadStore implements Adapter {
  constructor(
    private readonly q: Queryable,
    readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void> {
    // Replacing the payload clears `consumed`, as oidc-provider's own memory adapter does.
    await this.q.query(
      `INSERT INTO oidc_payloads (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, now() + $7::double precision * interval '1 second', NULL)
       ON CONFLICT (model, id) DO UPDATE SET
         payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, user_code = EXCLUDED.user_code,
         uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at, consumed_at = NULL`,
      [
        this.model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        typeof expiresIn === 'number' ? expiresIn : null,
      ],
    );
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findOne('id', id);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findOne('user_code', userCode);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findOne('uid', uid);
  }

  async consume(id: string): Promise<void> {
    await this.q.query(
      'UPDATE oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = $2',
      [this.model, id],
    );
  }

  async destroy(id: string): Promise<void> {
    await this.q.query('DELETE FROM oidc_payloads WHERE model = $1 AND id = $2', [this.model, id]);
  }

  /** Revoking a grant removes every artifact issued under it, whatever its model. */
  async revokeByGrantId(grantId: string): Promise<void> {
    await this.q.query('DELETE FROM oidc_payloads WHERE grant_id = $1', [grantId]);
  }

  private async findOne(
    column: 'id' | 'user_code' | 'uid',
    value: string,
  ): Promise<AdapterPayload | undefined> {
    const { rows } = await this.q.query<{ payload: AdapterPayload; consumed: number | null }>(
      `SELECT payload, floor(extract(epoch FROM consumed_at))::integer AS consumed
       FROM oidc_payloads
       WHERE model = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now())
       LIMIT 1`,
      [this.model, value],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.consumed === null ? row.payload : { ...row.payload, consumed: row.consumed };
  }
}

/** The `adapter` option of oidc-provider: one store per model name, all on the same database. */
export function payloadAdapter(q: Queryable): (model: string) => Adapter {
  return (model) => new PayloadStore(q, model);
}

/** Deletes rows whose lifetime is over (they are already invisible); returns how many. */
export async function purgeExpiredPayloads(q: Queryable): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM oidc_payloads WHERE expires_at <= now()');
  return rowCount;
}
