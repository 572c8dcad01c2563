import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LanyardClient } from '../client/lanyard-client.js';
import { CliError } from '../errors.js';

/** Streams an export from the server to stdout, never holding more than a chunk. */
export async function pipeExport(
  client: LanyardClient,
  eventId: string,
  kind: 'attendees' | 'orders' | 'checkins',
  format: 'csv' | 'json',
): Promise<void> {
  const body = await client.exportStream(eventId, kind, format);
  try {
    await pipeline(Readable.fromWeb(body as never), process.stdout, { end: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return; // e.g. piped into `head`
    throw new CliError(
      'export_cut',
      `the export stopped before its end (${(err as Error).message}); run it again`,
    );
  }
}
