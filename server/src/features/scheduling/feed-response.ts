import type { Request, Response } from 'express';

/**
 * Sends a rendered public feed: its ETag (If-None-Match answered with 304), gzipped when the
 * client accepts it (kept gzipped once per release).
 */
export async function sendFeed(
  req: Request,
  res: Response,
  feed: { tag: string; body: () => Promise<{ raw: Buffer; gzip: Buffer }> },
  contentType: string,
  cacheControl: string,
): Promise<undefined> {
  res.setHeader('etag', feed.tag);
  res.setHeader('cache-control', cacheControl);
  if (req.headers['if-none-match'] === feed.tag) {
    res.status(304).end();
    return undefined;
  }
  const { raw, gzip } = await feed.body();
  const zipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.status(200).type(contentType);
  res.setHeader('vary', 'Accept-Encoding');
  if (zipped) res.setHeader('content-encoding', 'gzip');
  res.end(zipped ? gzip : raw);
  return undefined;
}
