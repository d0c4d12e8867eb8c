import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { questionPath } from './paths';
import { fetchSuggestions } from './questions-api';

/** How long the title must rest before similar questions are asked for (one request per pause, not per key). */
export const SUGGEST_DEBOUNCE_MS = 350;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * "Câu hỏi tương tự đã có lời đáp": while the title is typed, published questions like it (tone-insensitive, tolerant
 * of small typos on the server) with an answer, as links — the asker may find the answer without asking.
 */
export function SimilarQuestions({ title }: { title: string }) {
  const { t } = useTranslation('questions');
  const q = useDebounced(title.trim(), SUGGEST_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['questions', 'suggestions', q],
    queryFn: ({ signal }) => fetchSuggestions(q, signal),
    enabled: q.length >= 4,
    staleTime: 60_000,
  });
  const items = (query.data?.items ?? []).filter((item) => item.answerCount > 0);
  return (
    <div aria-live="polite">
      {q.length >= 4 && items.length > 0 && (
        <section className="suggestions" aria-labelledby="ask-similar-title">
          <h2 id="ask-similar-title" className="field__label">
            {t('ask.similar')}
          </h2>
          <p className="field__hint">{t('ask.similarHint')}</p>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <Link to={questionPath(item.id)} target="_blank" rel="noopener">
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
