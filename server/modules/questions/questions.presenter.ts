import type { Answer, QuestionDetail, QuestionSummary } from '../../../shared/contracts/questions';
import type { Action } from '../../../shared/rules/permissions';
import type { QuestionCommentsTable } from '../../db/schema';
import type { AnswerRow, QuestionRow } from './questions.repository';

/** Escapes text for HTML: nothing a citizen typed ever becomes markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text as HTML: escaped, blank lines → paragraphs, single line breaks → <br>. No other markup, ever. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

function excerptOf(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function presentSummary(row: QuestionRow): QuestionSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.body),
    topic: row.topic,
    communeCode: row.commune_code,
    askerName: row.asker_name,
    answerCount: row.answer_count,
    hasAcceptedAnswer: row.accepted_answer_id !== null,
    hasOfficialAnswer: row.has_official_answer === 1,
    upvotes: row.upvotes,
    publishedAt: row.published_at,
  };
}

export function presentAnswer(row: AnswerRow, acceptedId: string | null): Answer {
  return {
    id: row.id,
    body: row.body,
    bodyHtml: textToHtml(row.body),
    authorName: row.author_name,
    authorRole: row.author_role,
    official: row.official === 1,
    accepted: row.id === acceptedId,
    status: row.status,
    upvotes: row.upvotes,
    helpful: row.helpful,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

/** schema.org QAPage for the public page: the accepted answer, the others as suggested answers. */
function qaPageJsonLd(q: QuestionRow, answers: readonly AnswerRow[], publicUrl: string) {
  const url = (a?: AnswerRow) => `${publicUrl}/questions/${q.id}${a ? `#answer-${a.id}` : ''}`;
  const toLd = (a: AnswerRow) => ({
    '@type': 'Answer',
    text: a.body,
    dateCreated: a.created_at,
    upvoteCount: a.upvotes,
    url: url(a),
    author: { '@type': 'Person', name: a.author_name },
  });
  const accepted = answers.find((a) => a.id === q.accepted_answer_id);
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: q.title,
      text: q.body,
      answerCount: answers.length,
      upvoteCount: q.upvotes,
      datePublished: q.published_at ?? q.created_at,
      ...(q.asker_name ? { author: { '@type': 'Person', name: q.asker_name } } : {}),
      ...(accepted ? { acceptedAnswer: toLd(accepted) } : {}),
      suggestedAnswer: answers.filter((a) => a.id !== q.accepted_answer_id).map(toLd),
    },
  };
}

export function presentDetail(
  q: QuestionRow,
  answers: readonly AnswerRow[],
  comments: readonly QuestionCommentsTable[],
  opts: { actions: Action[]; showHidden: boolean; publicUrl: string },
): QuestionDetail {
  const shown = answers.filter((a) => a.status === 'published' || opts.showHidden);
  const published = answers.filter((a) => a.status === 'published');
  return {
    id: q.id,
    title: q.title,
    body: q.body,
    bodyHtml: textToHtml(q.body),
    topic: q.topic,
    communeCode: q.commune_code,
    askerName: q.asker_name,
    status: q.status,
    locked: q.locked_at !== null,
    closed: q.closed_at !== null,
    mergedIntoId: q.merged_into_id,
    acceptedAnswerId: q.accepted_answer_id,
    inFaq: q.faq_position !== null,
    upvotes: q.upvotes,
    helpful: q.helpful,
    publishedAt: q.published_at,
    editedAt: q.edited_at,
    answers: shown.map((a) => presentAnswer(a, q.accepted_answer_id)),
    comments: comments.map((c) => ({
      id: c.id,
      answerId: c.answer_id,
      body: c.body,
      authorName: c.author_name,
      byAsker: c.by_asker === 1,
      createdAt: c.created_at,
    })),
    actions: opts.actions,
    jsonLd: qaPageJsonLd(q, published, opts.publicUrl),
  };
}
