/**
 * The last touches of the Q&A demo (questions.demo.ts), once every question is drawn: a few duplicates merged into
 * an answered question, and the curated FAQ of each topic.
 */
import { createHash } from 'node:crypto';
import type { QuestionsTable } from '../../db/schema';
import type { SeedRandom } from '../demo/index';
import { TOPIC_TEXTS } from './questions.demo-text';

const DAY = 86_400_000;
const sha256Hex = (v: string) => createHash('sha256').update(v).digest('hex');
type Rows = { questions: QuestionsTable[] };

/** Two unanswered duplicates merged into an answered question of the same topic (answers moved: none here). */
export function mergeDuplicates(rows: Rows, random: SeedRandom, now: number) {
  const open = rows.questions.filter(
    (q) => q.status === 'published' && q.answer_count === 0 && now - Date.parse(q.created_at) > 5 * DAY,
  );
  for (const dup of random.shuffle(open).slice(0, 3)) {
    const into = rows.questions.find(
      (q) => q.topic === dup.topic && q.id !== dup.id && q.status === 'published' && q.answer_count > 0,
    );
    if (!into) continue;
    dup.status = 'merged';
    dup.merged_into_id = into.id;
    dup.updated_at = new Date(Date.parse(dup.created_at) + 2 * DAY).toISOString();
  }
}

/** 3–6 promoted Q&As per topic: open, answered, accepted or official, best voted first. */
export function curateFaq(rows: Rows, now: number) {
  const size = (topic: string) => 3 + (sha256Hex(topic).charCodeAt(0) % 4);
  for (const { topic } of TOPIC_TEXTS) {
    const candidates = rows.questions
      .filter(
        (q) =>
          q.topic === topic &&
          q.status === 'published' &&
          q.answer_count > 0 &&
          (q.accepted_answer_id !== null || q.has_official_answer === 1),
      )
      .sort((a, b) => b.upvotes - a.upvotes || (a.id < b.id ? -1 : 1))
      .slice(0, size(topic));
    candidates.forEach((q, i) => {
      q.faq_position = i + 1;
      q.faq_at = new Date(Math.min(Date.parse(q.first_answered_at!) + 3 * DAY, now)).toISOString();
    });
  }
}
