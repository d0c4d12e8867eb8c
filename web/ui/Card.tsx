import type { HTMLAttributes, ReactNode } from 'react';

type HeadingLevel = 2 | 3 | 4;

/** A white panel. Give `title` and the right `level` so the page's headings stay in order. */
export function Card({
  title,
  level = 2,
  children,
  className,
  ...rest
}: { title?: ReactNode; level?: HeadingLevel; children: ReactNode } & HTMLAttributes<HTMLElement>) {
  const Heading = `h${level}` as const;
  return (
    <section className={['card', className].filter(Boolean).join(' ')} {...rest}>
      {title && <Heading className="card__title">{title}</Heading>}
      {children}
    </section>
  );
}
