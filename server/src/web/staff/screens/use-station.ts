import { useSyncExternalStore } from 'react';
import type { Station, StationStatus } from '../lib/station.js';

/** The station's status, re-rendering on every change. */
export function useStation(station: Station): StationStatus {
  return useSyncExternalStore(
    (listener) => station.subscribe(listener),
    () => station.current,
  );
}
