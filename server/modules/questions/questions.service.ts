import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { EmailSchema } from '../../../shared/contracts/accounts';
import type { Page } from '../../../shared/contracts/paging';
import type {
  AskQuestionBody,
  QuestionDetail,
  QuestionListQuery,
  QuestionSummary,
} from '../../../shared/contracts/questions';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { sealContact } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { AppError, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { pageFromRows, readCursor } from '../../platform/paging';
import { recordConsents } from '../../platform/privacy/consent';
import { resolveUnitPlacement } from '../geography/index';
import type { Challenges } from './question-challenge';
import { queryGroups, type QuestionSearch, type SearchFilters } from './question-search';
import type { QuestionSuggest } from './question-suggest';
import type { Topics } from './question-topics';
import { mayModerate, questionActions } from './questions.policy';
import { presentDetail, presentSummary } from './questions.presenter';
import type { QuestionRow, QuestionsRepository } from './questions.repository';
import { answerResend, derivedAskerToken, senderKey } from './questions.resend';

/** The version of the register's "questions" consent text an asker who leaves an e-mail agrees to. */
export const QUESTION_CONSENT_VERSION = findPurpose('questions').consent!.version;
/** The consent record's subject: one per question whose asker left an e-mail. */
export const QUESTION_CONTACT_SUBJECT = 'question_contact';

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

export const questionNotFound = () =>
  notFound(
    'This question does not exist or is not public.',
    'Câu hỏi không tồn tại hoặc chưa được công khai.',
  );

/** True when `token` is the asker's private link token for this question (compared in constant time). */
export function isAskerToken(row: Pick<QuestionRow, 'asker_token_hash'>, token: string | undefined): boolean {
  if (!token || !row.asker_token_hash) return false;
  const a = Buffer.from(sha256Hex(token));
  const b = Buffer.from(row.asker_token_hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface QuestionsServiceDeps {
  db: Kysely<DB>;
  repo: QuestionsRepository;
  search: QuestionSearch;
  suggestions: QuestionSuggest;
  topics: Topics;
  challenges: Challenges;
  clock: Clock;
  sealer: Sealer;
  /** The deployment's province: questions are asked and listed there. */
  provinceCode: string;
  publicUrl: string;
}

/**
 * The citizens' side of the Q&A (issue 11): asking (anonymous allowed, with the proof-of-work challenge), the public
 * list and search, suggestions while typing, and a question's page. Writes are one transaction each: the row (its
 * full-text entry follows by trigger or generated column), the vocabulary, the consent record, audit and event.
 */
export function createQuestionsService(deps: QuestionsServiceDeps) {
  const { db, repo, search, clock, sealer, provinceCode } = deps;

  async function communeOf(code: string | undefined, field: string): Promise<string | null> {
    if (!code) return null;
    const unit = await resolveUnitPlacement(db, code);
    if (!unit || unit.level !== 'commune' || unit.provinceCode !== provinceCode) {
      throw validation([
        {
          path: field,
          message: 'This commune is not in the province.',
          messageVi: 'Xã, phường này không thuộc tỉnh.',
        },
      ]);
    }
    return unit.communeCode;
  }

  /**
   * Asks a question; anonymous askers send a solved challenge and, by default, wait for a moderator. `created` is
   * false for a resend under a client id (the stored question answers it).
   */
  async function ask(actor: Actor, body: AskQuestionBody, ctx: AuditContext) {
    const now = clock.now();
    const at = now.toISOString();
    const signedIn = actor.kind === 'user';
    const clientId = body.id?.toLowerCase() ?? null;
    const resend = async () => {
      const stored = clientId ? await repo.findQuestion(clientId) : undefined;
      return stored ? answerResend({ sealer, challenges: deps.challenges, now }, actor, body, stored) : null;
    };
    // Before the challenge: the first send spent it, and the resend carries the same one.
    const resent = await resend();
    if (resent) return resent;
    let challenge: { id: string; expiresAt: string } | null = null;
    if (!signedIn) {
      if (!body.challenge) throw deps.challenges.invalidChallenge();
      challenge = deps.challenges.verify(body.challenge, now);
    }
    const topic = await deps.topics.check(body.topic ?? 'other');
    const communeCode = await communeOf(body.communeCode, 'body.communeCode');
    let email: string | null = null;
    if (body.email) {
      const parsed = EmailSchema.safeParse(body.email);
      if (!parsed.success)
        throw validation([
          {
            path: 'body.email',
            message: 'Give a valid e-mail address.',
            messageVi: 'Hãy nhập địa chỉ e-mail hợp lệ.',
          },
        ]);
      email = parsed.data;
      if (body.consentVersion !== QUESTION_CONSENT_VERSION)
        throw validation([
          {
            path: 'body.consentVersion',
            message: 'Agree to the consent text shown with the e-mail field (reload the page if it changed).',
            messageVi:
              'Hãy đồng ý với lời đồng ý hiện bên ô e-mail (tải lại trang nếu nội dung đã thay đổi).',
          },
        ]);
    }
    const settings = await repo.settingsFor(provinceCode);
    const status = !signedIn && settings.moderateAnonymous ? 'pending' : 'published';
    const id = clientId ?? uuidv7();
    const sender = senderKey(actor, challenge?.id ?? null);
    // With a client id, a resend must get the same token back (questions.resend.ts).
    const token =
      clientId && sender ? derivedAskerToken(sealer, id, sender) : randomBytes(24).toString('base64url');
    const sealed = email ? sealContact(sealer, 'questions.asker_email', 'email', email) : null;
    const searchTitle = foldText(body.title);
    const searchBody = foldText(body.body);
    const store = () =>
      db.transaction().execute(async (trx) => {
        if (challenge && !(await repo.spendChallenge(trx, challenge.id, challenge.expiresAt)))
          throw deps.challenges.invalidChallenge();
        await repo.insertQuestion(trx, {
          id,
          search_rowid: search.nextRowid(),
          province_code: provinceCode,
          commune_code: communeCode,
          hamlet_id: null,
          topic,
          title: body.title.trim(),
          body: body.body.trim(),
          search_title: searchTitle,
          search_body: searchBody,
          status,
          hidden_reason: null,
          locked_at: null,
          closed_at: null,
          merged_into_id: null,
          asker_name: body.name?.trim() || null,
          asker_email: sealed?.sealed ?? null,
          asker_email_hash: sealed?.hash ?? null,
          asker_token_hash: sha256Hex(token),
          asker_user_id: signedIn ? actor.user.id : null,
          accepted_answer_id: null,
          answer_count: 0,
          has_official_answer: 0,
          upvotes: 0,
          helpful: 0,
          open_flags: 0,
          faq_position: null,
          faq_at: null,
          published_at: status === 'published' ? at : null,
          first_answered_at: null,
          edited_at: null,
          contact_anonymised_at: null,
          created_at: at,
          updated_at: at,
        });
        await search.addTerms(trx, [searchTitle, searchBody]);
        if (sealed) {
          await recordConsents(trx, [
            {
              purpose: 'questions',
              textVersion: QUESTION_CONSENT_VERSION,
              channel: 'web',
              subjectType: QUESTION_CONTACT_SUBJECT,
              subjectId: id,
              provinceCode,
              contactHash: sealed.hash,
              recordedBy: signedIn ? actor.user.id : null,
              givenAt: at,
            },
          ]);
        }
        // Nothing personal in the trail or the event: the id finds the rest for those allowed to see it.
        await recordAudit(trx, ctx, {
          action: 'question.asked',
          entityType: 'question',
          entityId: id,
          provinceCode,
          communeCode,
          after: { topic, status, withEmail: sealed !== null },
        });
        await recordEvent(
          trx,
          {
            type: 'question.asked',
            entityType: 'question',
            entityId: id,
            payload: { provinceCode, communeCode, topic, status },
          },
          at,
        );
      });
    try {
      await store();
    } catch (error) {
      // A concurrent resend stored it first: the id is taken, or (anonymous) the challenge is spent already.
      const meanwhile = clientId ? await resend() : null;
      if (meanwhile) return meanwhile;
      throw error;
    }
    return { id, status, askerToken: token, created: true } as const;
  }

  async function unitFilter(unit: string | undefined): Promise<{ none: boolean; communeCode?: string }> {
    if (!unit) return { none: false };
    const placed = await resolveUnitPlacement(db, unit);
    if (!placed || placed.level === 'hamlet')
      throw validation([
        { path: 'query.unit', message: 'Unknown unit code.', messageVi: 'Mã đơn vị không tồn tại.' },
      ]);
    if (placed.provinceCode !== provinceCode) return { none: true };
    return placed.level === 'commune' ? { none: false, communeCode: placed.communeCode! } : { none: false };
  }

  /** Published questions: ranked by relevance when `q` is given (cursor = score, id), else newest first. */
  async function list(query: QuestionListQuery): Promise<Page<QuestionSummary>> {
    if (query.topic) await deps.topics.check(query.topic, 'query.topic');
    const unit = await unitFilter(query.unit);
    if (unit.none) return { items: [], nextCursor: null };
    const filters: SearchFilters = {
      provinceCode,
      topic: query.topic,
      communeCode: unit.communeCode,
      answered: query.answered,
    };
    const groups = query.q ? queryGroups(query.q) : [];
    if (groups.length > 0) {
      const after = readCursor(query.cursor, ['number', 'string'] as const);
      const hits = await search.search(filters, groups, {
        mode: 'all',
        limit: query.limit + 1,
        after: after ? { score: after[0], id: after[1] } : null,
      });
      const rows = new Map((await repo.findQuestions(hits.map((h) => h.id))).map((r) => [r.id, r]));
      return pageFromRows(
        hits,
        query.limit,
        (h) => [h.score, h.id],
        (h) => presentSummary(rows.get(h.id)!),
      );
    }
    const after = readCursor(query.cursor, ['string', 'string'] as const);
    const rows = await repo.listPublished(filters, after, query.limit);
    return pageFromRows(rows, query.limit, (r) => [r.published_at ?? '', r.id], presentSummary);
  }

  async function suggest(q: string, limit: number) {
    return { items: await deps.suggestions.suggest({ provinceCode }, q, limit) };
  }

  /**
   * A question with its answers and clarifications. Published (and merged) questions are public; one waiting for
   * moderation or hidden is shown to moderators in scope and to the asker's link, and does not exist for others.
   */
  async function detail(actor: Actor, id: string, askerToken?: string): Promise<QuestionDetail> {
    const row = await repo.findQuestion(id.toLowerCase());
    if (!row) throw questionNotFound();
    const moderator = mayModerate(actor, row);
    const isPublic = row.status === 'published' || row.status === 'merged';
    if (!isPublic && !moderator && !isAskerToken(row, askerToken)) throw questionNotFound();
    const [answers, comments] = await Promise.all([repo.listAnswers(row.id), repo.listComments(row.id)]);
    return presentDetail(row, answers, comments, {
      actions: questionActions(actor, row),
      showHidden: moderator,
      publicUrl: deps.publicUrl,
    });
  }

  /** The challenge for an asker without an account. */
  function challenge() {
    return deps.challenges.issue(clock.now());
  }

  return { ask, list, suggest, detail, challenge };
}
export type QuestionsService = ReturnType<typeof createQuestionsService>;

/** Thrown by the writing services when a question no longer takes answers or comments. */
export const questionNotOpen = () =>
  new AppError('CONFLICT', 'This question is locked or closed.', {
    messageVi: 'Câu hỏi này đã bị khoá hoặc đã đóng.',
  });
