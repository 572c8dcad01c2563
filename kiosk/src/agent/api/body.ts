import type { IncomingMessage } from 'node:http';
import { LocalApiError } from './problem.js';

/** A scan request is a few hundred bytes; anything near this is not a scan. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads a JSON body, refusing other media types (which also makes a browser on another origin
 * preflight, and the agent answers no preflight), oversized bodies and broken JSON.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new LocalApiError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    throw new LocalApiError(
      413,
      'body_too_large',
      `the body must be under ${MAX_BODY_BYTES} bytes`,
    );
  }
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // Stop keeping it, but drain the rest so the refusal can still be sent on this socket.
      req.off('data', onData);
      req.resume();
      reject(
        new LocalApiError(413, 'body_too_large', `the body must be under ${MAX_BODY_BYTES} bytes`),
      );
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new LocalApiError(400, 'bad_json', 'the body is not valid JSON');
  }
}
