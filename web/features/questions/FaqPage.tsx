import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, buttonClass, EmptyState, PageHeader, Skeleton } from '../../ui';
import { JsonLd } from './JsonLd';
import { ASK_PATH, QUESTIONS_PATH, questionPath } from './paths';
import { PlainText } from './PlainText';
import { faqQueryKey } from './question-query';
import { fetchFaq } from './questions-api';
import './questions.css';

/**
 * /faq — the curated questions by topic, in the curators' order, with schema.org FAQPage JSON-LD. Rendered on the
 * server with its data (seeded by web/public-site/page-data.ts), so search engines and slow phones get the text.
 */
export function FaqPage() {
  const { t, i18n } = useTranslation('questions');
  const english = i18n.language.startsWith('en');
  const query = useQuery({ queryKey: faqQueryKey(), queryFn: ({ signal }) => fetchFaq(signal) });
  const header = (
    <PageHeader
      title={t('faq.title')}
      description={t('faq.lead')}
      actions={
        <>
          <Link className={buttonClass('primary')} to={ASK_PATH}>
            {t('faq.ask')}
          </Link>
          <Link className={buttonClass('secondary')} to={QUESTIONS_PATH}>
            {t('faq.all')}
          </Link>
        </>
      }
    />
  );
  if (query.isPending)
    return (
      <div className="stack">
        {header}
        <Skeleton lines={8} />
      </div>
    );
  if (query.isError)
    return (
      <div className="stack">
        {header}
        <Alert tone="error">{t('faq.failed')}</Alert>
      </div>
    );
  const topics = query.data.topics.filter((topic) => topic.items.length > 0);
  return (
    <div className="stack questions">
      {topics.length > 0 && <JsonLd data={query.data.jsonLd} />}
      {header}
      {topics.length === 0 && <EmptyState title={t('faq.empty')} />}
      {topics.map((topic) => (
        <section key={topic.topic} className="stack" aria-labelledby={`faq-${topic.topic}`}>
          <h2 id={`faq-${topic.topic}`}>{english ? topic.nameEn : topic.name}</h2>
          <ul className="faq-list">
            {topic.items.map((item) => (
              <li key={item.id} className="question-card">
                <details>
                  <summary className="question-card__title">{item.title}</summary>
                  {item.answer && <PlainText text={item.answer} className="answer-card__body" />}
                  <Link to={questionPath(item.id)}>{t('faq.open')}</Link>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
