import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy.js';

/** What one attempt came to. `status` is absent when no answer came. */
export interface PostOutcome {
  status?: number;
  /** Why no answer came (refused, timed out, address not allowed). */
  error?: string;
  latencyMs: number;
  /** The first `bodyLimit` bytes of the answer. */
  body?: string;
  retryAfter?: string;
}

export interface PostOptions {
  policy: AddressPolicy;
  timeoutMs: number;
  bodyLimit: number;
}

/** Refusal of a URL's host by the address policy; thrown at creation, recorded at send time. */
export class AddressRefused extends Error {
  override name = 'AddressRefused';
}

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Every address the host resolves to, when all of them are allowed; a host with one forbidden
 * address is refused as a whole, so a DNS answer mixing public and private cannot slip through.
 */
export async function allowedAddresses(
  host: string,
  policy: AddressPolicy,
): Promise<{ address: string; family: number }[]> {
  const found =
    isIP(host) !== 0
      ? [{ address: host, family: isIP(host) }]
      : await dnsLookup(host, { all: true, verbatim: true });
  const bad = found.find((a) => !policy.allows(a.address));
  if (bad) throw new AddressRefused(`${host} resolves to ${bad.address}, which is not allowed`);
  if (found.length === 0) throw new AddressRefused(`${host} does not resolve`);
  return found;
}

/**
 * POSTs `body` to `url` without following redirects, connecting only to an address the policy
 * allows: the host is resolved here, once, and the socket goes to the checked address (a
 * custom `lookup`), so a second DNS answer cannot point it elsewhere. Never throws.
 */
export async function safePost(
  url: URL,
  headers: Record<string, string>,
  body: string,
  o: PostOptions,
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let checked: { address: string; family: number };
  try {
    checked = (await allowedAddresses(hostOf(url), o.policy))[0]!;
  } catch (err) {
    return { error: message(err), latencyMs: elapsed() };
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [checked]);
    else callback(null, checked.address, checked.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    const req = client.request(url, {
      method: 'POST',
      lookup,
      agent: false,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Lanyard-Webhooks/1',
      },
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${o.timeoutMs / 1000} s`));
    }, o.timeoutMs);
    const finish = (outcome: Omit<PostOutcome, 'latencyMs'>) => {
      clearTimeout(timer);
      resolve({ ...outcome, latencyMs: elapsed() });
    };
    req.on('error', (err) => finish({ error: message(err) }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        finish({
          status: res.statusCode,
          body: Buffer.concat(chunks).subarray(0, o.bodyLimit).toString('utf8'),
          ...(typeof res.headers['retry-after'] === 'string'
            ? { retryAfter: res.headers['retry-after'] }
            : {}),
        });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // The rest of a long answer is not read.
        if (size >= o.bodyLimit) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(body);
  });
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
