import type { Kysely } from 'kysely';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import {
  queryGroups,
  type QueryGroup,
  type QuestionSearch,
  type RankedHit,
  type SearchFilters,
} from './question-search';

/**
 * Similar questions while the title is typed, tolerant of small typos (issue 11). The approach, the same on both
 * databases:
 *
 * 1. Each folded word the index does not know is expanded to the indexed words within a small edit distance
 *    (optimal string alignment: ≤ 1 for words of 2–6 letters — "ki" finds "ky" —, ≤ 2 from 7 letters). Candidates
 *    come from the vocabulary table `question_terms` (every word ever indexed without digits, a few thousand for
 *    Vietnamese syllables), read by a primary-key range on the first letter (cached briefly: QuestionSearch.vocabulary)
 *    and filtered by length — a typo in the first letter is not corrected. A word the index knows is taken as typed.
 * 2. The engine (FTS5 / tsvector, question-search.ts) is asked for the top 50 questions whose title has every word
 *    in any of its spellings (a title is being typed: titles are what resemble it, and far fewer rows are ranked);
 *    when that finds too few, it is asked again without the words nothing in the index resembles, or else without
 *    the last word (still being typed); when titles give nothing, titles and texts are searched. Any-word matching is never used: Vietnamese
 *    syllables are so common that it would rank most of the index.
 * 3. Those candidates are re-ranked in memory by how well the typed words cover the title (exact 1, prefix of the
 *    last word 0.9, one edit 0.7, two edits 0.4), then by the engine's rank.
 */
const CANDIDATES = 50;

/** Optimal-string-alignment distance (adjacent transpositions count one), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    cur[0] = i;
    let best = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length]!;
}

const allowedEdits = (word: string) => (word.length >= 7 ? 2 : word.length >= 2 ? 1 : 0);

function wordScore(typed: string, titleWords: readonly string[], isPrefix: boolean): number {
  let best = 0;
  for (const w of titleWords) {
    if (w === typed) return 1;
    if (isPrefix && w.startsWith(typed)) best = Math.max(best, 0.9);
    const max = allowedEdits(typed);
    if (max > 0) {
      const d = editDistance(typed, w, max);
      if (d === 1) best = Math.max(best, 0.7);
      else if (d === 2) best = Math.max(best, 0.4);
    }
  }
  return best;
}

export interface Suggestion {
  id: string;
  title: string;
  answerCount: number;
  hasAcceptedAnswer: boolean;
}

export function createQuestionSuggest(deps: { db: Kysely<DB>; search: QuestionSearch }) {
  const { db, search } = deps;

  /** The indexed words a typed word may have meant (itself included). */
  async function spellings(word: string): Promise<{ terms: string[]; resolved: boolean }> {
    const max = allowedEdits(word);
    if (max === 0) return { terms: [word], resolved: false };
    const terms = await search.vocabulary(word[0]!);
    // A word the index knows is taken as typed: correcting it would only widen the query.
    if (terms.includes(word)) return { terms: [word], resolved: true };
    const near = terms
      .filter((t) => t !== word && Math.abs(t.length - word.length) <= max)
      .map((t) => ({ t, d: editDistance(word, t, max) }))
      .filter((x) => x.d <= max)
      .sort((a, b) => a.d - b.d || (a.t < b.t ? -1 : 1))
      .slice(0, 8)
      .map((x) => x.t);
    return { terms: [word, ...near], resolved: near.length > 0 };
  }

  async function suggest(filters: SearchFilters, query: string, limit: number): Promise<Suggestion[]> {
    const typed = queryGroups(query);
    if (typed.length === 0) return [];
    const spelled = await Promise.all(
      typed.map(async (g) => ({ ...(await spellings(g.terms[0]!)), prefix: g.prefix })),
    );
    const groups: QueryGroup[] = spelled.map((g) => ({ terms: g.terms, prefix: g.prefix }));
    const hits: RankedHit[] = await search.search(filters, groups, {
      mode: 'all',
      limit: CANDIDATES,
      titleOnly: true,
      approximate: true,
    });
    if (hits.length < limit && groups.length >= 2) {
      // Without the words nothing indexed resembles (a prefix still being typed counts as resolved), or else
      // without the last word.
      const resolved = groups.filter((g, i) => spelled[i]!.resolved || g.prefix);
      const fewer = resolved.length < groups.length && resolved.length > 0 ? resolved : groups.slice(0, -1);
      const seen = new Set(hits.map((h) => h.id));
      const more = await search.search(filters, fewer, {
        mode: 'all',
        limit: CANDIDATES,
        titleOnly: true,
        approximate: true,
      });
      hits.push(...more.filter((h) => !seen.has(h.id)));
    }
    // Nothing in the titles: questions that say it in their text.
    if (hits.length === 0)
      hits.push(
        ...(await search.search(filters, groups, { mode: 'all', limit: CANDIDATES, approximate: true })),
      );
    if (hits.length === 0) return [];
    const rows = await db
      .selectFrom('questions')
      .select(['id', 'title', 'search_title', 'answer_count', 'accepted_answer_id'])
      .where(
        'id',
        'in',
        hits.map((h) => h.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const words = typed.map((g) => ({ w: g.terms[0]!, prefix: g.prefix }));
    return hits
      .map((h, order) => {
        const row = byId.get(h.id);
        const titleWords = row ? foldText(row.search_title).split(' ') : [];
        const cover = words.reduce((sum, x) => sum + wordScore(x.w, titleWords, x.prefix), 0) / words.length;
        return { row, order, cover };
      })
      .filter((x) => x.row !== undefined)
      .sort((a, b) => b.cover - a.cover || a.order - b.order)
      .slice(0, limit)
      .map(({ row }) => ({
        id: row!.id,
        title: row!.title,
        answerCount: row!.answer_count,
        hasAcceptedAnswer: row!.accepted_answer_id !== null,
      }));
  }

  return { suggest, spellings };
}
export type QuestionSuggest = ReturnType<typeof createQuestionSuggest>;
