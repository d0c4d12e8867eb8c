/**
 * The online Q&A's part of the demo (issue 11): ~300 citizens' questions over the six months before the seed, on
 * every topic (questions.demo-text.ts), answered by the demo's team members, officers and agencies — official
 * answers from the accountable roles, some accepted, upvoted and marked helpful —, some unanswered (some for more
 * than 48 hours), some waiting for moderation, a few flagged or hidden, a few locked, closed or merged, and a curated
 * FAQ of 3–6 entries per topic. Written with ctx.db the way the services write: askers' e-mails sealed with their
 * hash and a consent record, the vocabulary of typo-tolerant suggestions filled, the full-text index kept by the
 * migration's triggers (SQLite FTS5) or generated column (PostgreSQL) — rows are enough. No events: the demo's past
 * must not mail anyone.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { foldText } from '../../../shared/text/fold';
import type {
  DB,
  QuestionAnswersTable,
  QuestionCommentsTable,
  QuestionFlagsTable,
  QuestionReactionsTable,
  QuestionsTable,
} from '../../db/schema';
import { sealContact } from '../../platform/crypto/sealed-columns';
import { recordConsents, type ConsentGiven } from '../../platform/privacy/consent';
import type { DemoAccount, DemoSeedContext, SeedRandom } from '../demo/index';
import { DEVICE_HASH_CONTEXT } from './question-readers.service';
import { vocabularyOf } from './question-search';
import { ASKER_NAMES, CLARIFICATIONS, TOPIC_TEXTS, VARIABLES, type TopicText } from './questions.demo-text';
import { curateFaq, mergeDuplicates } from './questions.demo-finish';
import { QUESTION_CONSENT_VERSION, QUESTION_CONTACT_SUBJECT } from './questions.service';

export const DEMO_QUESTION_COUNT = 300;
const DAYS = 182;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Roles whose grant covering the question's place gives the "official answer" badge (questions.policy.ts). */
const ACCOUNTABLE = new Set(['province_admin', 'department_officer', 'commune_officer', 'agency_handler']);
/** Who answers, by weight: the teams most, then officers and agencies. */
const ANSWERER_WEIGHTS: Record<string, number> = {
  team_member: 30,
  team_leader: 18,
  commune_officer: 14,
  youth_union_coordinator: 10,
  agency_handler: 16,
  department_officer: 8,
  province_admin: 4,
};
const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic'] as const;
const sha256Hex = (v: string) => createHash('sha256').update(v).digest('hex');

type Rows = {
  questions: QuestionsTable[];
  answers: QuestionAnswersTable[];
  comments: QuestionCommentsTable[];
  reactions: QuestionReactionsTable[];
  flags: QuestionFlagsTable[];
  consents: ConsentGiven[];
};

function fill(text: string, random: SeedRandom, commune: string): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) =>
    key === 'xa' ? commune : random.pick(VARIABLES[key] ?? [key]),
  );
}
/** Sentence case after a variable opened the text ("mẹ tôi …" → "Mẹ tôi …"). */
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** How people open a question: as the template says, or with a polite lead-in. */
const LEAD_INS = ['', '', '', 'Xin hỏi ', 'Cho hỏi ', 'Nhờ mọi người chỉ giúp: ', 'Hỏi về ', 'Gấp: '];
function phrase(random: SeedRandom, title: string): string {
  const lead = random.pick(LEAD_INS);
  return lead ? lead + title.charAt(0).toLocaleLowerCase('vi') + title.slice(1) : capitalise(title);
}

function pickTopic(random: SeedRandom): TopicText {
  const total = TOPIC_TEXTS.reduce((s, t) => s + t.weight, 0);
  let r = random.next() * total;
  for (const t of TOPIC_TEXTS) if ((r -= t.weight) < 0) return t;
  return TOPIC_TEXTS[TOPIC_TEXTS.length - 1]!;
}

/** Asked times lean recent (the platform grows), at local daytime or evening. */
function askedAt(random: SeedRandom, now: number, maxDays = DAYS): number {
  const days = Math.floor(maxDays * Math.pow(random.next(), 1.4));
  const hourUtc = random.pick([0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14]);
  const t = now - days * DAY - (now % DAY) + hourUtc * HOUR + random.int(0, 59) * 60_000;
  return t >= now ? now - random.int(10, 300) * 60_000 : t;
}

function accountLevel(a: DemoAccount): { communeCode: string | null; provinceWide: boolean } {
  if (a.hamletId) return { communeCode: a.communeCode, provinceWide: false };
  return { communeCode: a.communeCode, provinceWide: a.unitCode.length === 2 };
}

/** An answerer for a question: officers of another commune are left out; the badge follows questions.policy.ts. */
function pickAnswerer(random: SeedRandom, accounts: readonly DemoAccount[], communeCode: string | null) {
  const eligible = accounts.filter((a) => {
    if (!(a.role in ANSWERER_WEIGHTS)) return false;
    const lvl = accountLevel(a);
    return a.role !== 'commune_officer' || (communeCode !== null && lvl.communeCode === communeCode);
  });
  const total = eligible.reduce((s, a) => s + ANSWERER_WEIGHTS[a.role]!, 0);
  let r = random.next() * total;
  let chosen = eligible[eligible.length - 1]!;
  for (const a of eligible)
    if ((r -= ANSWERER_WEIGHTS[a.role]!) < 0) {
      chosen = a;
      break;
    }
  const lvl = accountLevel(chosen);
  const covers = lvl.provinceWide || (communeCode !== null && lvl.communeCode === communeCode);
  return { account: chosen, official: ACCOUNTABLE.has(chosen.role) && covers };
}

/** The demo's questions and everything hanging from them, drawn from `random` alone (deterministic per day). */
export function planDemoQuestions(ctx: DemoSeedContext, firstRowid: number): Rows {
  const { random, sealer } = ctx;
  const now = ctx.clock.now().getTime();
  const rows: Rows = { questions: [], answers: [], comments: [], reactions: [], flags: [], consents: [] };
  const communes = ctx.communes;
  const voters = ctx.accounts.map((a) => `user:${a.userId}`);
  const device = () => `device:${sealer.hash(random.id(), DEVICE_HASH_CONTEXT)}`;

  for (let i = 0; i < DEMO_QUESTION_COUNT; i++) {
    const text = pickTopic(random);
    const template = random.pick(text.questions);
    const commune = random.chance(0.85) ? random.pick(communes) : null;
    const communeName = commune?.name ?? 'xã';
    const title = phrase(random, fill(template.title, random, communeName));
    const body = capitalise(fill(template.body, random, communeName));
    const created = askedAt(random, now);
    const age = now - created;
    const id = random.idAt(created);
    const at = new Date(created).toISOString();
    // Anonymous askers wait for a moderator: the last few days' questions may still be waiting.
    const pending = age < 4 * DAY && random.chance(0.45);
    const publishedMs = pending ? null : Math.min(created + random.int(5, 20 * 60) * 60_000, now);
    const name = random.chance(0.5) ? random.pick(ASKER_NAMES) : null;
    const email = random.chance(0.35) ? `nguoihoi.${i + 1}@example.vn` : null;
    const sealed = email ? sealContact(sealer, 'questions.asker_email', 'email', email) : null;
    const q: QuestionsTable = {
      id,
      search_rowid: firstRowid + i,
      province_code: ctx.provinceCode,
      commune_code: commune?.code ?? null,
      hamlet_id: null,
      topic: text.topic,
      title,
      body,
      search_title: foldText(title),
      search_body: foldText(body),
      status: pending ? 'pending' : 'published',
      hidden_reason: null,
      locked_at: null,
      closed_at: null,
      merged_into_id: null,
      asker_name: name,
      asker_email: sealed?.sealed ?? null,
      asker_email_hash: sealed?.hash ?? null,
      asker_token_hash: sha256Hex(random.id()),
      asker_user_id: null,
      accepted_answer_id: null,
      answer_count: 0,
      has_official_answer: 0,
      upvotes: 0,
      helpful: 0,
      open_flags: 0,
      faq_position: null,
      faq_at: null,
      published_at: publishedMs === null ? null : new Date(publishedMs).toISOString(),
      first_answered_at: null,
      edited_at: null,
      contact_anonymised_at: null,
      created_at: at,
      updated_at: at,
    };
    rows.questions.push(q);
    if (sealed)
      rows.consents.push({
        purpose: 'questions',
        textVersion: QUESTION_CONSENT_VERSION,
        channel: 'web',
        subjectType: QUESTION_CONTACT_SUBJECT,
        subjectId: id,
        provinceCode: ctx.provinceCode,
        contactHash: sealed.hash,
        recordedBy: null,
        givenAt: at,
      });
    if (publishedMs === null) continue;

    // Answered: most older questions; some stay unanswered (the "more than 48 hours" list has its share).
    const answered = random.chance(age > 3 * DAY ? 0.8 : 0.35);
    if (answered)
      addAnswers(q, publishedMs, text, rows, { random, accounts: ctx.accounts, voters, device, now });
    // Flags: a few published questions carry one or two open flags; a few reached three and were hidden.
    if (random.chance(0.06))
      addFlags(q, random.chance(0.45) ? 3 : random.int(1, 2), rows, random, device, now);
    if (q.status === 'published' && random.chance(0.02)) {
      q.status = 'hidden';
      q.hidden_reason = 'moderator';
    }
    if (q.status === 'published' && q.answer_count > 0 && age > 60 * DAY && random.chance(0.06))
      q.closed_at = new Date(created + random.int(20, 50) * DAY).toISOString();
    if (q.status === 'published' && age > 10 * DAY && random.chance(0.02))
      q.locked_at = new Date(created + random.int(3, 9) * DAY).toISOString();
    if (q.status === 'published') {
      q.upvotes = random.chance(0.3) ? random.int(1, Math.min(6, voters.length)) : 0;
      for (const voter of random.shuffle(voters).slice(0, q.upvotes))
        rows.reactions.push(reaction(random, q, 'upvote', 'question', q.id, voter, now));
    }
  }
  mergeDuplicates(rows, random, now);
  curateFaq(rows, now);
  return rows;
}

function reaction(
  random: SeedRandom,
  q: QuestionsTable,
  kind: 'upvote' | 'helpful',
  targetKind: 'question' | 'answer',
  targetId: string,
  voterKey: string,
  now: number,
): QuestionReactionsTable {
  const from = Date.parse(q.published_at ?? q.created_at);
  return {
    id: random.id(),
    question_id: q.id,
    kind,
    target_kind: targetKind,
    target_id: targetId,
    voter_key: voterKey,
    created_at: new Date(from + random.next() * (now - from)).toISOString(),
  };
}

function addAnswers(
  q: QuestionsTable,
  publishedMs: number,
  text: TopicText,
  rows: Rows,
  d: {
    random: SeedRandom;
    accounts: readonly DemoAccount[];
    voters: string[];
    device: () => string;
    now: number;
  },
) {
  const { random, now } = d;
  const count = random.chance(0.6) ? 1 : random.chance(0.7) ? 2 : 3;
  let at = publishedMs;
  const mine: QuestionAnswersTable[] = [];
  for (let k = 0; k < count; k++) {
    at += random.int(1, k === 0 ? 40 : 60) * HOUR;
    if (at >= now) break;
    const { account, official } = pickAnswerer(random, d.accounts, q.commune_code);
    const stamp = new Date(at).toISOString();
    const a: QuestionAnswersTable = {
      id: random.idAt(at),
      question_id: q.id,
      province_code: q.province_code,
      commune_code: q.commune_code,
      body: random.pick(text.answers),
      author_user_id: account.userId,
      author_name: account.name,
      author_role: account.role,
      official: official ? 1 : 0,
      status: 'published',
      upvotes: 0,
      helpful: 0,
      open_flags: 0,
      edited_at: null,
      created_at: stamp,
      updated_at: stamp,
    };
    a.upvotes = random.chance(0.5) ? random.int(1, Math.min(7, d.voters.length)) : 0;
    for (const voter of random.shuffle(d.voters).slice(0, a.upvotes))
      rows.reactions.push(reaction(random, q, 'upvote', 'answer', a.id, voter, now));
    a.helpful = random.chance(0.55) ? random.int(1, 14) : 0;
    for (let h = 0; h < a.helpful; h++)
      rows.reactions.push(reaction(random, q, 'helpful', 'answer', a.id, d.device(), now));
    mine.push(a);
  }
  if (mine.length === 0) return;
  rows.answers.push(...mine);
  q.answer_count = mine.length;
  q.has_official_answer = mine.some((a) => a.official === 1) ? 1 : 0;
  q.first_answered_at = mine[0]!.created_at;
  q.updated_at = mine[mine.length - 1]!.created_at;
  // The asker (or a moderator) accepts one, usually the official or most upvoted one.
  if (random.chance(0.5)) {
    const best = [...mine].sort((x, y) => y.official - x.official || y.upvotes - x.upvotes)[0]!;
    q.accepted_answer_id = best.id;
  }
  if (random.chance(0.12)) {
    const stamp = new Date(Math.min(Date.parse(mine[0]!.created_at) + random.int(1, 30) * HOUR, now));
    rows.comments.push({
      id: random.idAt(stamp.getTime()),
      question_id: q.id,
      answer_id: mine[0]!.id,
      body: random.pick(CLARIFICATIONS),
      author_user_id: null,
      author_name: q.asker_name,
      by_asker: 1,
      status: 'published',
      created_at: stamp.toISOString(),
    });
  }
}

function addFlags(
  q: QuestionsTable,
  count: number,
  rows: Rows,
  random: SeedRandom,
  device: () => string,
  now: number,
) {
  const reason = random.pick(FLAG_REASONS);
  for (let f = 0; f < count; f++) {
    const from = Date.parse(q.published_at!);
    rows.flags.push({
      id: random.id(),
      question_id: q.id,
      province_code: q.province_code,
      commune_code: q.commune_code,
      target_kind: 'question',
      target_id: q.id,
      reason: random.chance(0.7) ? reason : random.pick(FLAG_REASONS),
      flagger_key: device(),
      resolved_at: null,
      resolved_by: null,
      resolution: null,
      created_at: new Date(from + random.next() * (now - from)).toISOString(),
    });
  }
  q.open_flags = count;
  // The default threshold (3) hides the question until a moderator looks at it.
  if (count >= 3) {
    q.status = 'hidden';
    q.hidden_reason = 'flags';
  }
}

async function insertChunks<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  values: readonly unknown[],
) {
  // Under SQLite's and PostgreSQL's bound-parameter limits for the widest table (questions, ~37 columns).
  for (let i = 0; i < values.length; i += 200)
    await db
      .insertInto(table)
      .values(values.slice(i, i + 200) as never)
      .execute();
}

/** Demo seed extension (after the cases): the Q&A's questions, answers, votes, flags and FAQ. */
export async function seedDemoQuestions(ctx: DemoSeedContext): Promise<void> {
  const { db } = ctx;
  const last = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.max('search_rowid').as('last'))
    .executeTakeFirst();
  const rows = planDemoQuestions(ctx, Number(last?.last ?? 0) + 1);
  await insertChunks(db, 'questions', rows.questions);
  await insertChunks(db, 'question_answers', rows.answers);
  await insertChunks(db, 'question_comments', rows.comments);
  await insertChunks(db, 'question_reactions', rows.reactions);
  await insertChunks(db, 'question_flags', rows.flags);
  // Per question, as asking does (vocabularyOf keeps at most 400 words of one call).
  const terms = [...new Set(rows.questions.flatMap((q) => vocabularyOf([q.search_title, q.search_body])))];
  for (let i = 0; i < terms.length; i += 500)
    await db
      .insertInto('question_terms')
      .values(terms.slice(i, i + 500).map((term) => ({ term })))
      .onConflict((oc) => oc.column('term').doNothing())
      .execute();
  await recordConsents(db, rows.consents);
}
