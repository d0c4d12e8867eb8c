import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { Alert, Button, EmptyState, PageHeader, Skeleton } from '../../ui';
import { questionPath } from '../questions/paths';
import { faqQueryKey } from '../questions/question-query';
import { fetchFaq } from '../questions/questions-api';
import { demoteFromFaq, orderFaq } from './staff-api';
import '../questions/questions.css';

/** FAQ curation: each topic's entries in order, moved up or down (the whole topic's order is sent) or taken out. */
export function FaqCurationPage() {
  const { t, i18n } = useTranslation('question-handling');
  const english = i18n.language.startsWith('en');
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: faqQueryKey(), queryFn: ({ signal }) => fetchFaq(signal) });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(step: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      await step();
      await queryClient.invalidateQueries({ queryKey: faqQueryKey() });
    } catch (error) {
      setFailure(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
    } finally {
      setBusy(false);
    }
  }
  if (query.isPending) return <Skeleton title lines={8} />;
  if (query.isError) return <Alert tone="error">{t('faq.failed')}</Alert>;
  const topics = query.data.topics.filter((topic) => topic.items.length > 0);
  return (
    <div className="stack questions">
      <PageHeader title={t('faq.title')} description={t('faq.lead')} />
      {failure && (
        <Alert tone="error" live>
          {failure}
        </Alert>
      )}
      {topics.length === 0 && <EmptyState title={t('faq.empty')} />}
      {topics.map((topic) => {
        const ids = topic.items.map((item) => item.id);
        const move = (index: number, by: -1 | 1) => {
          const next = [...ids];
          const [moved] = next.splice(index, 1);
          next.splice(index + by, 0, moved!);
          void run(() => orderFaq(topic.topic, next));
        };
        return (
          <section key={topic.topic} className="stack" aria-labelledby={`curate-${topic.topic}`}>
            <h2 id={`curate-${topic.topic}`}>{english ? topic.nameEn : topic.name}</h2>
            <ol className="faq-list">
              {topic.items.map((item, index) => (
                <li key={item.id} className="question-card stack">
                  <Link to={questionPath(item.id)}>{item.title}</Link>
                  <div className="question-actions">
                    <Button
                      variant="secondary"
                      disabled={busy || index === 0}
                      aria-label={t('faq.upLabel', { title: item.title })}
                      onClick={() => move(index, -1)}
                    >
                      {t('faq.up')}
                    </Button>
                    <Button
                      variant="secondary"
                      disabled={busy || index === topic.items.length - 1}
                      aria-label={t('faq.downLabel', { title: item.title })}
                      onClick={() => move(index, 1)}
                    >
                      {t('faq.down')}
                    </Button>
                    <Button
                      variant="danger"
                      disabled={busy}
                      aria-label={t('faq.demoteLabel', { title: item.title })}
                      onClick={() => void run(() => demoteFromFaq(item.id))}
                    >
                      {t('faq.demote')}
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
