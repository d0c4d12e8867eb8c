import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A bar of actions kept at the bottom of the screen while a list scrolls under it. While it is shown the page's
 * scroll padding equals its height, so whatever gets focus or is scrolled into view stops above it instead of
 * under it (the review list's "approve all" bar once covered every row but one).
 */
export function StickyBar({ children, label }: { children: ReactNode; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const root = document.documentElement;
    const apply = () => root.style.setProperty('--sticky-bar-height', `${bar.offsetHeight}px`);
    apply();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : null;
    observer?.observe(bar);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--sticky-bar-height');
    };
  }, []);
  return (
    <div ref={ref} className="sticky-bar" role="region" aria-label={label}>
      {children}
    </div>
  );
}
