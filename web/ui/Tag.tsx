import type { ReactNode } from 'react';

export type TagTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status word. The word carries the meaning; the colour only repeats it. */
export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: ReactNode }) {
  return <span className={`tag tag--${tone}`}>{children}</span>;
}
