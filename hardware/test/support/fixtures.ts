import { readFileSync } from 'node:fs';

/** Reads a JSON fixture from hardware/test/fixtures. */
export function fixture<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${relative}`, import.meta.url), 'utf8')) as T;
}

export function fixturePath(relative: string): string {
  return new URL(`../fixtures/${relative}`, import.meta.url).pathname;
}

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
