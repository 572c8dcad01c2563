import { useEffect, useSyncExternalStore } from 'react';
import { call } from '../api.js';
import { chooseLanguage } from './choose-language.js';
import { rememberedLanguage, showLanguage } from './i18n.js';

// The languages of the event the page shows: pages name them once their event is loaded, the
// language switch offers them.
let offered: readonly string[] = [];
/** The order the page shows (its own or its ticket's), opened by the buyer's key. */
let order: { id: string; accessKey: string } | null = null;
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * A page's event speaks `languages`: the portal changes to the best of them for this reader. A
 * page of an order names it, so a language chosen there becomes the order's.
 */
export function useEventLanguages(
  languages: readonly string[] | undefined,
  of?: { orderId: string; accessKey: string | null },
): void {
  const key = languages?.join(',') ?? '';
  const orderId = of?.accessKey ? of.orderId : null;
  const accessKey = of?.accessKey ?? null;
  useEffect(() => {
    order = orderId && accessKey ? { id: orderId, accessKey } : null;
  }, [orderId, accessKey]);
  useEffect(() => {
    if (!languages?.length) return;
    offered = languages;
    listeners.forEach((l) => l());
    void showLanguage(chooseLanguage(languages, rememberedLanguage(), navigator.languages ?? []));
  }, [key]);
}

/**
 * Records a language chosen on an order's page as the order's, so its messages follow. A ticket
 * passed on holds a key of its own, which opens no order: refused, and nothing is changed.
 */
export function chooseForOrder(lang: string): void {
  if (!order) return;
  void call(`/api/v1/orders/${encodeURIComponent(order.id)}/locale`, {
    method: 'PUT',
    body: { locale: lang },
    accessKey: order.accessKey,
  }).catch(() => undefined);
}

/** The languages the current event offers (none before an event is shown). */
export const useOfferedLanguages = () => useSyncExternalStore(subscribe, () => offered);
