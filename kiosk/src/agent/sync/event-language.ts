/** The event's default language as the kiosk last learned it from the server. */
export interface EventLanguage {
  /** null until the server has answered. */
  current: string | null;
  /** Asks the server's public event page once; a failure leaves `current` as it was. */
  refresh(timeoutMs?: number): Promise<void>;
}

/**
 * Reads the first of the event's languages (its default) from the public event page: what the
 * kiosk's screens speak unless the kiosk is set to a language of its own.
 */
export function eventLanguage(
  serverUrl: string,
  eventId: string,
  fetchImpl: typeof fetch,
): EventLanguage {
  const url = `${serverUrl.replace(/\/+$/, '')}/api/v1/public/events/${encodeURIComponent(eventId)}`;
  const state: EventLanguage = {
    current: null,
    async refresh(timeoutMs = 2000) {
      try {
        const res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) return;
        const body = (await res.json()) as { languages?: unknown };
        const first = Array.isArray(body.languages) ? body.languages[0] : undefined;
        if (typeof first === 'string') state.current = first;
      } catch {
        // Offline or slow: the screens keep their language and the next start asks again.
      }
    },
  };
  return state;
}
