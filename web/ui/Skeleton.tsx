import { useTranslation } from 'react-i18next';

/** Grey placeholder bars while data loads; one "Loading…" is announced politely, the bars themselves are hidden. */
export function Skeleton({
  lines = 3,
  title = false,
  block = false,
}: {
  lines?: number;
  title?: boolean;
  block?: boolean;
}) {
  const { t } = useTranslation('ui');
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <div aria-hidden="true">
        {title && <span className="skeleton skeleton--title" />}
        {block && <span className="skeleton skeleton--block" />}
        {Array.from({ length: lines }, (_, i) => (
          <span key={i} className="skeleton" />
        ))}
      </div>
    </div>
  );
}
