/** UUIDs travel in tokens as their 16 raw bytes; text form is the canonical lower-case one. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in 8-4-4-4-12 hex form (any version, either case). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Writes a UUID's 16 bytes into `target` at `offset`; the caller has checked `isUuid`. */
export function writeUuid(uuid: string, target: Uint8Array, offset: number): void {
  const hex = uuid.replace(/-/g, '');
  for (let i = 0; i < 16; i++) target[offset + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Reads 16 bytes at `offset` as a lower-case UUID string. */
export function readUuid(source: Uint8Array, offset: number): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[source[offset + i]!];
  }
  return s;
}
