import { useEffect, useSyncExternalStore } from 'react';
import { chooseLanguage } from './choose-language.js';
import { rememberedLanguage, showLanguage } from './i18n.js';

// The languages of the event the page shows: pages name them once their event is loaded, the
// language switch offers them.
let offered: readonly string[] = [];
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** A page's event speaks `languages`: the portal changes to the best of them for this reader. */
export function useEventLanguages(languages: readonly string[] | undefined): void {
  const key = languages?.join(',') ?? '';
  useEffect(() => {
    if (!languages?.length) return;
    offered = languages;
    listeners.forEach((l) => l());
    void showLanguage(chooseLanguage(languages, rememberedLanguage(), navigator.languages ?? []));
  }, [key]);
}

/** The languages the current event offers (none before an event is shown). */
export const useOfferedLanguages = () => useSyncExternalStore(subscribe, () => offered);
