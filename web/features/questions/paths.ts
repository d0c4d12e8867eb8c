/** The citizens' Q&A pages (issue 11). Plain strings, no JSX: web/public-site/pages.ts reads them at build time. */
export const QUESTIONS_PATH = '/questions';
export const ASK_PATH = '/questions/ask';
export const QUESTION_PATH = '/questions/:id';
export const FAQ_PATH = '/faq';

/** A question's public page; with the asker's token it is the private link (accept an answer, clarify). */
export function questionPath(id: string, askerToken?: string | null): string {
  const base = `${QUESTIONS_PATH}/${encodeURIComponent(id)}`;
  return askerToken ? `${base}?askerToken=${encodeURIComponent(askerToken)}` : base;
}
