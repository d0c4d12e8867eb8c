import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { trackPath } from './paths';
import type { MyReport } from './report-draft';

/**
 * "Phản ánh của tôi" on this device: what was sent from here, each with its private link (the token that lets the
 * reporter rate and dispute). Nothing is asked of the server: the device is the only place that knows.
 */
export function MyReports({
  version = 0,
  hideWhenEmpty = false,
}: {
  version?: number;
  hideWhenEmpty?: boolean;
}) {
  const { t } = useTranslation('cases');
  const [mine, setMine] = useState<MyReport[] | null>(null);
  useEffect(() => {
    let live = true;
    // The device database loads with this list, after the page's first paint.
    void import('./report-store')
      .then(({ myReports, reportDatabase }) => myReports(reportDatabase()))
      .then((rows) => live && setMine(rows))
      .catch(() => live && setMine([]));
    return () => {
      live = false;
    };
  }, [version]);
  if (mine === null || (hideWhenEmpty && mine.length === 0)) return null;
  return (
    <section className="stack case-mine" aria-labelledby="case-mine-title">
      <h2 id="case-mine-title">{t('mine.title')}</h2>
      {mine.length === 0 ? (
        <p className="muted">{t('mine.empty')}</p>
      ) : (
        <ul className="case-list" role="list">
          {mine.map((report) => (
            <li key={report.id} className="case-list__item">
              <Link to={trackPath(report.code, report.token)} className="case-list__title">
                {report.code}
              </Link>
              <span>{report.title}</span>
              <span className="muted">{formatDate(report.submittedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
