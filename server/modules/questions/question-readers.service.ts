import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Sealer } from '../../platform/crypto/sealing';
import { AppError, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { answeringAs, mayModerate } from './questions.policy';
import type { AnswerRow, QuestionRow, QuestionsRepository } from './questions.repository';
import { isAskerToken, questionNotFound, questionNotOpen } from './questions.service';

/** Device ids are kept only as keyed hashes under this context ("helpful" and flags from people without accounts). */
export const DEVICE_HASH_CONTEXT = 'questions.device';

const answerNotFound = () =>
  validation([
    {
      path: 'body.answerId',
      message: 'No such answer on this question.',
      messageVi: 'Câu hỏi này không có câu trả lời đó.',
    },
  ]);

/**
 * What readers do on a published question (issue 11): clarifications (the asker by their link, or the network),
 * accepting an answer (the asker by their link, or a moderator), upvotes (one per account), "helpful" (one per
 * device) and flags (one per account or device), which hide the question or answer once the province's threshold of
 * open flags is reached — until a moderator decides.
 */
export function createQuestionReadersService(deps: {
  db: Kysely<DB>;
  repo: QuestionsRepository;
  clock: Clock;
  sealer: Sealer;
}) {
  const { db, repo, clock, sealer } = deps;

  async function publishedQuestion(id: string): Promise<QuestionRow> {
    const row = await repo.findQuestion(id.toLowerCase());
    if (!row || row.status !== 'published') throw questionNotFound();
    return row;
  }

  async function publishedAnswer(row: QuestionRow, answerId: string): Promise<AnswerRow> {
    const answer = await repo.findAnswer(row.id, answerId.toLowerCase());
    if (!answer || answer.status !== 'published') throw answerNotFound();
    return answer;
  }

  /** A clarification: the asker (their link's token) or anyone who may answer or moderate the question. */
  async function comment(
    actor: Actor,
    id: string,
    body: { body: string; answerId?: string | undefined; askerToken?: string | undefined },
    ctx: AuditContext,
  ) {
    const row = await repo.findQuestion(id.toLowerCase());
    if (
      !row ||
      (row.status !== 'published' && !(row.status === 'pending' && isAskerToken(row, body.askerToken)))
    )
      throw questionNotFound();
    const byAsker = isAskerToken(row, body.askerToken);
    let authorName: string | null = row.asker_name;
    let authorUserId: string | null = null;
    if (!byAsker) {
      if (body.askerToken) throw new AppError('FORBIDDEN');
      if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
      if (!answeringAs(actor, row) && !mayModerate(actor, row)) throw new AppError('FORBIDDEN');
      authorName = actor.user.name;
      authorUserId = actor.user.id;
    }
    if (row.locked_at !== null || row.closed_at !== null) throw questionNotOpen();
    if (body.answerId) await publishedAnswer(row, body.answerId);
    const at = clock.now().toISOString();
    const comment = {
      id: uuidv7(),
      question_id: row.id,
      answer_id: body.answerId?.toLowerCase() ?? null,
      body: body.body.trim(),
      author_user_id: authorUserId,
      author_name: authorName,
      by_asker: byAsker ? 1 : 0,
      status: 'published' as const,
      created_at: at,
    };
    await db.transaction().execute(async (trx) => {
      await repo.insertComment(trx, comment);
      await repo.updateQuestion(trx, row.id, { updated_at: at });
      await recordAudit(trx, ctx, {
        action: 'question.commented',
        entityType: 'question',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { commentId: comment.id, byAsker },
      });
    });
    return {
      id: comment.id,
      answerId: comment.answer_id,
      body: comment.body,
      authorName: comment.author_name,
      byAsker,
      createdAt: at,
    };
  }

  /** Accepts an answer: the asker by their link's token, or a moderator in scope. */
  async function accept(
    actor: Actor,
    id: string,
    body: { answerId: string; askerToken?: string | undefined },
    ctx: AuditContext,
  ) {
    const row = await publishedQuestion(id);
    const byAsker = isAskerToken(row, body.askerToken);
    if (!byAsker) {
      if (body.askerToken) throw new AppError('FORBIDDEN');
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      if (!mayModerate(actor, row)) throw new AppError('FORBIDDEN');
    }
    const answer = await publishedAnswer(row, body.answerId);
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await repo.updateQuestion(trx, row.id, { accepted_answer_id: answer.id, updated_at: at });
      await recordAudit(trx, ctx, {
        action: 'question.answer_accepted',
        entityType: 'question',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { acceptedAnswerId: row.accepted_answer_id },
        after: { acceptedAnswerId: answer.id, byAsker },
      });
      await recordEvent(
        trx,
        {
          type: 'question.answer_accepted',
          entityType: 'question',
          entityId: row.id,
          payload: { answerId: answer.id, byAsker },
        },
        at,
      );
    });
    return { acceptedAnswerId: answer.id };
  }

  async function react(
    kind: 'upvote' | 'helpful',
    id: string,
    answerId: string | undefined,
    voterKey: string,
  ): Promise<{ count: number; counted: boolean }> {
    const row = await publishedQuestion(id);
    const target = answerId
      ? {
          kind: 'answer' as const,
          id: (await publishedAnswer(row, answerId)).id,
          table: 'question_answers' as const,
        }
      : { kind: 'question' as const, id: row.id, table: 'questions' as const };
    const column = kind === 'upvote' ? 'upvotes' : 'helpful';
    return db.transaction().execute(async (trx) => {
      const counted = await repo.insertReaction(trx, {
        id: uuidv7(),
        question_id: row.id,
        kind,
        target_kind: target.kind,
        target_id: target.id,
        voter_key: voterKey,
        created_at: clock.now().toISOString(),
      });
      if (counted) await repo.bump(trx, target.table, target.id, column, 1);
      return { count: await repo.counterOf(trx, target.table, target.id, column), counted };
    });
  }

  /** One upvote per account on the question or one of its answers. */
  async function upvote(actor: Actor, id: string, answerId?: string) {
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
    return react('upvote', id, answerId, `user:${actor.user.id}`);
  }

  /** "This helped me", once per device (the device id is kept only as a keyed hash). */
  async function helpful(id: string, body: { answerId?: string | undefined; deviceId: string }) {
    return react('helpful', id, body.answerId, `device:${sealer.hash(body.deviceId, DEVICE_HASH_CONTEXT)}`);
  }

  /**
   * A flag with its reason, once per account or device and target. When the target's open flags reach the
   * province's threshold (default 3) it is hidden at once, in the same transaction, and waits in the moderators'
   * queue.
   */
  async function flag(
    actor: Actor,
    id: string,
    body: {
      reason: 'spam' | 'offensive' | 'personal_data' | 'off_topic';
      answerId?: string | undefined;
      deviceId: string;
    },
    ctx: AuditContext,
  ) {
    const row = await publishedQuestion(id);
    const answer = body.answerId ? await publishedAnswer(row, body.answerId) : null;
    const flaggerKey =
      actor.kind === 'user'
        ? `user:${actor.user.id}`
        : `device:${sealer.hash(body.deviceId, DEVICE_HASH_CONTEXT)}`;
    const { flagThreshold } = await repo.settingsFor(row.province_code);
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const target = answer
        ? { kind: 'answer' as const, id: answer.id, table: 'question_answers' as const }
        : { kind: 'question' as const, id: row.id, table: 'questions' as const };
      const added = await repo.insertFlag(trx, {
        id: uuidv7(),
        question_id: row.id,
        province_code: row.province_code,
        commune_code: row.commune_code,
        target_kind: target.kind,
        target_id: target.id,
        reason: body.reason,
        flagger_key: flaggerKey,
        resolved_at: null,
        resolved_by: null,
        resolution: null,
        created_at: at,
      });
      if (!added) return;
      await repo.bump(trx, target.table, target.id, 'open_flags', 1);
      const current =
        target.kind === 'question'
          ? await repo.findQuestion(row.id, trx)
          : await repo.findAnswer(row.id, target.id, trx);
      if (!current || current.open_flags < flagThreshold || current.status !== 'published') return;
      if (target.kind === 'question') {
        await repo.updateQuestion(trx, row.id, { status: 'hidden', hidden_reason: 'flags', updated_at: at });
      } else {
        await repo.updateAnswer(trx, target.id, { status: 'hidden', updated_at: at });
        await repo.recountAnswers(trx, row.id);
      }
      await recordAudit(trx, ctx, {
        action: 'question.auto_hidden',
        entityType: target.kind === 'question' ? 'question' : 'question_answer',
        entityId: target.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { openFlags: current.open_flags, threshold: flagThreshold },
      });
    });
    return { received: true as const };
  }

  return { comment, accept, upvote, helpful, flag };
}
export type QuestionReadersService = ReturnType<typeof createQuestionReadersService>;
