import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the kiosk shows of its event: the name (idle screen, badges) and the default language. */
export interface EventProfile {
  name: string | null;
  language: string | null;
}

/** The event's profile as the kiosk last learned it from the server, kept in the data dir. */
export interface KeptEventProfile {
  /** From the server's last answer; before one, what a former start kept (nulls if nothing). */
  readonly current: EventProfile;
  /** Asks the server's public event page once; a failure leaves `current` as it was. */
  refresh(timeoutMs?: number): Promise<void>;
}

export const EVENT_PROFILE_FILE = 'event.json';
// Where starts before the profile kept the name (the CLI wrote it); read once so an upgraded
// kiosk started without the network still names its event.
const FORMER_NAME_FILE = 'event-name.txt';

/**
 * Reads the event's name and first language (its default) from the public event page and keeps
 * them in `dataDir`, so a kiosk started while the venue network is down still names the event
 * and speaks its language.
 */
export function eventProfile(
  serverUrl: string,
  eventId: string,
  dataDir: string,
  fetchImpl: typeof fetch,
): KeptEventProfile {
  const url = `${serverUrl.replace(/\/+$/, '')}/api/v1/public/events/${encodeURIComponent(eventId)}`;
  const kept = join(dataDir, EVENT_PROFILE_FILE);
  const state = {
    current: keptProfile(dataDir),
    async refresh(timeoutMs = 2000) {
      try {
        const res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) return;
        const body = (await res.json()) as { name?: unknown; languages?: unknown };
        const first = Array.isArray(body.languages) ? body.languages[0] : undefined;
        state.current = {
          name: typeof body.name === 'string' ? body.name : state.current.name,
          language: typeof first === 'string' ? first : state.current.language,
        };
        await writeFile(kept, JSON.stringify(state.current));
      } catch {
        // Offline, slow or a full disk: the kiosk keeps what it had and the next start asks again.
      }
    },
  };
  return state;
}

function keptProfile(dataDir: string): EventProfile {
  const read = (file: string) => {
    try {
      return readFileSync(join(dataDir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  try {
    const p = JSON.parse(read(EVENT_PROFILE_FILE) ?? 'null') as Partial<EventProfile> | null;
    if (p) return { name: p.name ?? null, language: p.language ?? null };
  } catch {
    // A torn or foreign file: as if nothing was kept.
  }
  return { name: read(FORMER_NAME_FILE) ?? null, language: null };
}
