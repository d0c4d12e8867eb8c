import { useTranslation } from 'react-i18next';
import type { PublicCase } from '../../../shared/contracts/cases';
import type { CaseState } from '../../../shared/rules/case-workflow';
import { formatDateTime } from '../../app/format';

const STEPS = ['submitted', 'accepted', 'in_progress', 'answered'] as const;
/** How far along the four steps a state is (refused and merged cases show no stepper). */
const REACHED: Partial<Record<CaseState, number>> = {
  submitted: 0,
  accepted: 1,
  assigned: 1,
  in_progress: 2,
  answered: 3,
  closed: 3,
};

/** Where the case is, as an ordered list a screen reader reads in order ("done", "current step"). */
export function CaseStepper({ state }: { state: CaseState }) {
  const { t } = useTranslation('cases');
  const reached = REACHED[state];
  if (reached === undefined) return null;
  return (
    <ol className="case-stepper" aria-label={t('stepper.label')}>
      {STEPS.map((step, index) => {
        const status = index < reached ? 'done' : index === reached ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`case-stepper__step case-stepper__step--${status}`}
            aria-current={status === 'current' ? 'step' : undefined}
          >
            <span className="case-stepper__dot" aria-hidden="true">
              {status === 'done' ? '✓' : index + 1}
            </span>
            <span>
              {t(`stepper.${step}`)}
              {status !== 'todo' && (
                <span className="visually-hidden">
                  {' '}
                  ({t(status === 'done' ? 'stepper.done' : 'stepper.current')})
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The public timeline: transitions, public updates, the reporter's comments and rating, oldest first. */
export function CaseTimeline({ entries }: { entries: PublicCase['timeline'] }) {
  const { t } = useTranslation('cases');
  return (
    <section className="stack" aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title">{t('track.timeline')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('track.timelineEmpty')}</p>
      ) : (
        <ol className="case-timeline">
          {entries.map((entry) => (
            <li key={entry.id} className="case-timeline__entry">
              <p className="case-timeline__head">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                {' · '}
                <strong>{entry.state ? t(`states.${entry.state}`) : t(`track.entry.${entry.kind}`)}</strong>
                {entry.agencyName && ` · ${entry.agencyName}`}
              </p>
              {entry.body && <p className="case-text">{entry.body}</p>}
              {entry.photos.length > 0 && (
                <ul className="case-photos" role="list">
                  {entry.photos.map((photo, index) => (
                    <li key={photo.id} className="case-photos__item">
                      <a href={photo.url}>
                        <img
                          src={photo.thumbUrl}
                          alt={t('track.photoAlt', { n: index + 1 })}
                          loading="lazy"
                          width={96}
                          height={96}
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
