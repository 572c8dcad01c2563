import type { Client, estypes } from '@elastic/elasticsearch';

// What every Elasticsearch adapter here does to write: make its index once, whoever comes first,
// and send bulk writes that a search right after sees. The client library is loaded on first use
// (~0.3 s): a server that searches and reports from PostgreSQL, as most do, never needs it.

export const elasticsearch = () => import('@elastic/elasticsearch');

/** Creates the index; one that exists already (another replica, an earlier run) is fine. */
export async function createIndex(
  client: Client,
  request: estypes.IndicesCreateRequest,
): Promise<void> {
  try {
    await client.indices.create(request);
  } catch (err) {
    const { errors } = await elasticsearch();
    const exists =
      err instanceof errors.ResponseError &&
      JSON.stringify(err.body).includes('resource_already_exists_exception');
    if (!exists) throw err;
  }
}

/** A bulk write that waits for the refresh; any failed item fails the whole write. */
export async function bulk(client: Client, operations: unknown[]): Promise<void> {
  const res = await client.bulk({ operations, refresh: 'wait_for' });
  if (res.errors) {
    const failed = res.items.find((item) => Object.values(item)[0]?.error);
    throw new Error(`Elasticsearch bulk write failed: ${JSON.stringify(failed)}`);
  }
}
