import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormErrorItem {
  /** The id of the field to jump to. */
  fieldId: string;
  message: string;
}

/**
 * The list of a form's errors above it, each linking to its field. It takes focus when it appears, so keyboard and
 * screen-reader users learn at once that the form was not sent and what to fix.
 */
export function FormErrorSummary({ errors, title }: { errors: readonly FormErrorItem[]; title?: string }) {
  const { t } = useTranslation('ui');
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.fieldId}:${e.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;

  const jumpTo = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const target = document.getElementById(fieldId);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };

  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {title ?? t('errorSummaryTitle')}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`} onClick={(event) => jumpTo(event, error.fieldId)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
