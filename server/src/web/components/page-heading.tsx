import { useEffect, useRef, type ReactNode } from 'react';

// The first page of a visit is announced by the browser itself, and its focus should stay at
// the top (the skip link comes first); only pages reached without a reload move focus.
let firstPage = true;

/**
 * The page's h1. After a client-side navigation it takes focus, so a screen reader announces
 * the new page as it would after a full load; the document title follows it.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Lanyard`;
    if (firstPage) firstPage = false;
    else ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
