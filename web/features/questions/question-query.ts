/**
 * The question page's and the FAQ's query keys, on their own so the public document can seed them with the data the
 * server rendered the page with (web/public-site/page-data.ts) without loading the Q&A code.
 */
export const QUESTIONS_QUERY_KEY = 'questions' as const;

/** The anonymous reader's view (the one the server renders); a signed-in reader or the asker has their own key. */
export function questionQueryKey(id: string | undefined, viewer: string = 'public') {
  return [QUESTIONS_QUERY_KEY, 'detail', id, viewer] as const;
}

export function faqQueryKey() {
  return [QUESTIONS_QUERY_KEY, 'faq'] as const;
}
