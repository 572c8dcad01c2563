import { useEffect, useState } from 'react';

// A router of a few lines: the portal has five paths, all matched by one regular expression each.

export interface Location {
  path: string;
  query: URLSearchParams;
}

const current = (): Location => ({
  path: window.location.pathname,
  query: new URLSearchParams(window.location.search),
});

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () =>
      setLoc((prev) => {
        const next = current();
        const same = next.path === prev.path && `${next.query}` === `${prev.query}`;
        return same ? prev : next;
      });
    window.addEventListener('popstate', update);
    // A child's effect may have navigated before this listener existed (effects run child first).
    update();
    return () => window.removeEventListener('popstate', update);
  }, []);
  return loc;
}

/** Goes to another portal page without reloading; `replace` keeps Back from returning to a form. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The access key a portal link carries as `?key=`. */
export const accessKeyOf = (loc: Location): string | null => loc.query.get('key');

/** A link to a page opened by an access key; the key is the only secret in it. */
export const keyedPath = (prefix: 't' | 'o' | 'w', id: string, key: string) =>
  `/${prefix}/${encodeURIComponent(id)}?key=${encodeURIComponent(key)}`;
