import { useEffect, useState } from 'react';
import type { SalesSnapshot } from '../../features/sales/schema.js';
import { authorization } from './api.js';

// The sales monitor's live figures. EventSource cannot send an Authorization header, so the
// stream is read with fetch and a ReadableStream; a dropped stream is opened again. Its figures
// are typed by the server's response schema (types only).

export type { SalesTimeline } from '../../features/sales/schema.js';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'signed_out' | 'not_found';

const RETRY_MS = 3000;

/** Yields the `data` of each server-sent event in the body. */
async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      // Comment-only blocks are the server's heartbeat.
      if (data) yield data;
    }
  }
}

export function useSalesStream(eventId: string): {
  snapshot: SalesSnapshot | undefined;
  state: StreamState;
} {
  return useEventStream<SalesSnapshot>(
    `/api/v1/events/${encodeURIComponent(eventId)}/sales/stream`,
  );
}

/** Any of the server's live streams (sales, door) by its path: the latest snapshot and state. */
export function useEventStream<T>(path: string): {
  snapshot: T | undefined;
  state: StreamState;
} {
  const [snapshot, setSnapshot] = useState<T>();
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = async (renew: boolean) => {
      const auth = await authorization(renew);
      if (abort.signal.aborted) return;
      if (!auth) return setState('signed_out');
      try {
        const res = await fetch(path, {
          headers: { accept: 'text/event-stream', authorization: auth },
          signal: abort.signal,
        });
        if (res.status === 401 && !renew) return void open(true);
        if (res.status === 401) return setState('signed_out');
        if (res.status === 404) return setState('not_found');
        if (res.ok && res.body) {
          for await (const data of events(res.body)) {
            setSnapshot(JSON.parse(data) as T);
            setState('live');
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      setState('reconnecting');
      retry = setTimeout(() => void open(false), RETRY_MS);
    };
    void open(false);
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, [path]);
  return { snapshot, state };
}
