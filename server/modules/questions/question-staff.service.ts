import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  EditAnswerBodySchema,
  EditQuestionBodySchema,
  ModerationBodySchema,
} from '../../../shared/contracts/questions';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { requireUser, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { AppError, conflict, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import type { QuestionSearch } from './question-search';
import type { Topics } from './question-topics';
import { answeringAs, mayModerate } from './questions.policy';
import { presentAnswer } from './questions.presenter';
import type { QuestionRow, QuestionsRepository } from './questions.repository';
import { questionNotFound, questionNotOpen } from './questions.service';

type EditQuestionBody = z.output<typeof EditQuestionBodySchema>;
type EditAnswerBody = z.output<typeof EditAnswerBodySchema>;
type ModerationBody = z.output<typeof ModerationBodySchema>;

const noSuchAnswer = () =>
  validation([
    {
      path: 'body.answerId',
      message: 'No such answer on this question.',
      messageVi: 'Câu hỏi này không có câu trả lời đó.',
    },
  ]);

/**
 * The network's side of a question (issue 11): answering (with the official badge for accountable roles), editing
 * with history, and moderation — publish or hide, reject, lock, close, dismiss flags, hide an answer, merge a
 * duplicate. Each step is one transaction with its audit entry; an answer also writes `question.answered`, which
 * tells the asker by e-mail (questions.notify.ts).
 */
export function createQuestionStaffService(deps: {
  db: Kysely<DB>;
  repo: QuestionsRepository;
  search: QuestionSearch;
  topics: Topics;
  clock: Clock;
}) {
  const { db, repo, search, clock } = deps;

  /** The question if the moderator's scope holds it; 404 when it does not exist or they may not see it hidden. */
  async function moderated(actor: Actor, id: string): Promise<QuestionRow> {
    requireUser(actor);
    const row = await repo.findQuestion(id.toLowerCase());
    if (!row) throw questionNotFound();
    if (!mayModerate(actor, row)) {
      if (row.status === 'published') throw new AppError('FORBIDDEN');
      throw questionNotFound();
    }
    return row;
  }

  type LogExtra = { entityType?: string; entityId?: string; before?: unknown; after?: unknown };

  async function answer(actor: Actor, id: string, body: { body: string }, ctx: AuditContext) {
    const user = requireUser(actor);
    const row = await repo.findQuestion(id.toLowerCase());
    if (!row || row.status !== 'published') throw questionNotFound();
    const as = answeringAs(actor, row);
    if (!as) throw new AppError('FORBIDDEN');
    if (row.locked_at !== null || row.closed_at !== null) throw questionNotOpen();
    const at = clock.now().toISOString();
    const answerRow = {
      id: uuidv7(),
      question_id: row.id,
      province_code: row.province_code,
      commune_code: row.commune_code,
      body: body.body.trim(),
      author_user_id: user.user.id,
      author_name: user.user.name,
      author_role: as.role,
      official: as.official ? 1 : 0,
      status: 'published' as const,
      upvotes: 0,
      helpful: 0,
      open_flags: 0,
      edited_at: null,
      created_at: at,
      updated_at: at,
    };
    await db.transaction().execute(async (trx) => {
      await repo.insertAnswer(trx, answerRow);
      await repo.recountAnswers(trx, row.id);
      await repo.updateQuestion(trx, row.id, {
        first_answered_at: row.first_answered_at ?? at,
        updated_at: at,
      });
      await recordAudit(trx, ctx, {
        action: 'question.answered',
        entityType: 'question_answer',
        entityId: answerRow.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { questionId: row.id, official: as.official, role: as.role },
      });
      await recordEvent(
        trx,
        {
          type: 'question.answered',
          entityType: 'question',
          entityId: row.id,
          payload: { answerId: answerRow.id, official: as.official },
        },
        at,
      );
    });
    return presentAnswer(answerRow, row.accepted_answer_id);
  }

  /** The answer's author, or a moderator in scope, edits it; the previous text goes to the history. */
  async function editAnswer(
    actor: Actor,
    id: string,
    answerId: string,
    body: EditAnswerBody,
    ctx: AuditContext,
  ) {
    const user = requireUser(actor);
    const row = await repo.findQuestion(id.toLowerCase());
    if (!row) throw questionNotFound();
    const existing = await repo.findAnswer(row.id, answerId.toLowerCase());
    if (!existing) throw questionNotFound();
    if (existing.author_user_id !== user.user.id && !mayModerate(actor, row)) throw new AppError('FORBIDDEN');
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await repo.insertRevision(trx, {
        id: uuidv7(),
        question_id: row.id,
        target_kind: 'answer',
        target_id: existing.id,
        reason: body.reason,
        before_title: null,
        // Taking personal data out must not keep it in the history.
        before_body: body.reason === 'personal_data' ? null : existing.body,
        editor_user_id: user.user.id,
        note: body.note ?? null,
        created_at: at,
      });
      await repo.updateAnswer(trx, existing.id, { body: body.body.trim(), edited_at: at, updated_at: at });
      await recordAudit(trx, ctx, {
        action: body.reason === 'personal_data' ? 'question.redacted' : 'question.answer_edited',
        entityType: 'question_answer',
        entityId: existing.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        after: { questionId: row.id },
      });
    });
    return presentAnswer(
      { ...existing, body: body.body.trim(), edited_at: at, updated_at: at },
      row.accepted_answer_id,
    );
  }

  /** A moderator edits the question (typically to take personal data out); the search index follows in the transaction. */
  async function editQuestion(actor: Actor, id: string, body: EditQuestionBody, ctx: AuditContext) {
    const user = requireUser(actor);
    const row = await moderated(actor, id);
    const topic = body.topic ? await deps.topics.check(body.topic) : row.topic;
    const title = body.title?.trim() ?? row.title;
    const text = body.body?.trim() ?? row.body;
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await repo.insertRevision(trx, {
        id: uuidv7(),
        question_id: row.id,
        target_kind: 'question',
        target_id: row.id,
        reason: body.reason,
        before_title: body.reason === 'personal_data' ? null : row.title,
        before_body: body.reason === 'personal_data' ? null : row.body,
        editor_user_id: user.user.id,
        note: body.note ?? null,
        created_at: at,
      });
      const searchTitle = foldText(title);
      const searchBody = foldText(text);
      await repo.updateQuestion(trx, row.id, {
        title,
        body: text,
        topic,
        search_title: searchTitle,
        search_body: searchBody,
        edited_at: at,
        updated_at: at,
      });
      await search.addTerms(trx, [searchTitle, searchBody]);
      await recordAudit(trx, ctx, {
        action: body.reason === 'personal_data' ? 'question.redacted' : 'question.edited',
        entityType: 'question',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { topic: row.topic },
        after: { topic, titleChanged: title !== row.title, bodyChanged: text !== row.body },
      });
    });
    return { id: row.id };
  }

  async function moderate(actor: Actor, id: string, body: ModerationBody, ctx: AuditContext) {
    const user = requireUser(actor);
    const row = await moderated(actor, id);
    const at = clock.now().toISOString();
    const by = user.user.id;
    const needs = (ok: boolean) => {
      if (!ok)
        throw conflict(
          'This step does not apply to the question as it is now.',
          'Thao tác này không áp dụng cho câu hỏi ở trạng thái hiện tại.',
        );
    };
    await db.transaction().execute(async (trx) => {
      const answerTarget = async () => {
        if (!body.answerId) throw noSuchAnswer();
        const a = await repo.findAnswer(row.id, body.answerId.toLowerCase(), trx);
        if (!a) throw noSuchAnswer();
        return a;
      };
      const log = (action: string, extra: LogExtra = {}) =>
        recordAudit(trx, ctx, {
          action,
          entityType: extra.entityType ?? 'question',
          entityId: extra.entityId ?? row.id,
          provinceCode: row.province_code,
          communeCode: row.commune_code,
          before: extra.before ?? { status: row.status },
          after: extra.after ?? { reason: body.reason ?? null },
        });
      switch (body.action) {
        case 'publish':
          needs(row.status === 'pending' || row.status === 'hidden');
          await repo.updateQuestion(trx, row.id, {
            status: 'published',
            hidden_reason: null,
            published_at: row.published_at ?? at,
            open_flags: 0,
            updated_at: at,
          });
          await repo.resolveFlags(trx, { kind: 'question', id: row.id }, 'dismissed', by, at);
          return log('question.published');
        case 'hide':
          needs(row.status === 'published' || row.status === 'pending');
          await repo.updateQuestion(trx, row.id, {
            status: 'hidden',
            hidden_reason: body.reason ?? 'moderator',
            updated_at: at,
          });
          await repo.resolveFlags(trx, { kind: 'question', id: row.id }, 'upheld', by, at);
          return log('question.hidden');
        case 'reject':
          needs(row.status === 'pending');
          await repo.updateQuestion(trx, row.id, {
            status: 'rejected',
            hidden_reason: body.reason ?? null,
            updated_at: at,
          });
          return log('question.rejected');
        case 'lock':
        case 'unlock':
          needs((row.locked_at === null) === (body.action === 'lock'));
          await repo.updateQuestion(trx, row.id, {
            locked_at: body.action === 'lock' ? at : null,
            updated_at: at,
          });
          return log(body.action === 'lock' ? 'question.locked' : 'question.unlocked');
        case 'close':
        case 'reopen':
          needs((row.closed_at === null) === (body.action === 'close'));
          await repo.updateQuestion(trx, row.id, {
            closed_at: body.action === 'close' ? at : null,
            updated_at: at,
          });
          return log(body.action === 'close' ? 'question.closed' : 'question.reopened');
        case 'dismiss_flags': {
          const target = body.answerId
            ? { kind: 'answer' as const, id: (await answerTarget()).id }
            : { kind: 'question' as const, id: row.id };
          const n = await repo.resolveFlags(trx, target, 'dismissed', by, at);
          if (target.kind === 'answer') await repo.updateAnswer(trx, target.id, { open_flags: 0 });
          else await repo.updateQuestion(trx, row.id, { open_flags: 0 });
          return log('question.flags_dismissed', { after: { target: target.kind, dismissed: n } });
        }
        case 'hide_answer':
        case 'publish_answer': {
          const a = await answerTarget();
          const hide = body.action === 'hide_answer';
          needs(a.status === (hide ? 'published' : 'hidden'));
          await repo.updateAnswer(trx, a.id, {
            status: hide ? 'hidden' : 'published',
            open_flags: 0,
            updated_at: at,
          });
          await repo.resolveFlags(trx, { kind: 'answer', id: a.id }, hide ? 'upheld' : 'dismissed', by, at);
          await repo.recountAnswers(trx, row.id);
          return log(hide ? 'question.answer_hidden' : 'question.answer_published', {
            entityType: 'question_answer',
            entityId: a.id,
            before: { status: a.status },
          });
        }
      }
    });
    return { id: row.id };
  }

  /** Merges a duplicate into another question: its answers and clarifications move; it points to the other. */
  async function merge(actor: Actor, id: string, intoId: string, ctx: AuditContext) {
    requireUser(actor);
    const row = await moderated(actor, id);
    const into = await moderated(actor, intoId);
    if (
      row.id === into.id ||
      row.status === 'merged' ||
      into.status === 'merged' ||
      into.status === 'rejected'
    )
      throw conflict('These two questions cannot be merged.', 'Không thể gộp hai câu hỏi này.');
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await repo.moveAnswers(trx, row.id, into.id);
      await repo.updateQuestion(trx, row.id, {
        status: 'merged',
        merged_into_id: into.id,
        accepted_answer_id: null,
        faq_position: null,
        answer_count: 0,
        has_official_answer: 0,
        updated_at: at,
      });
      await repo.recountAnswers(trx, into.id);
      await repo.updateQuestion(trx, into.id, {
        first_answered_at: into.first_answered_at ?? row.first_answered_at,
        updated_at: at,
      });
      await recordAudit(trx, ctx, {
        action: 'question.merged',
        entityType: 'question',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { status: row.status },
        after: { mergedInto: into.id },
      });
    });
    return { id: row.id, mergedIntoId: into.id };
  }

  /** The edit history, for moderators (a personal-data edit shows who and when, never the removed text). */
  async function revisions(actor: Actor, id: string) {
    const row = await moderated(actor, id);
    const rows = await repo.listRevisions(row.id);
    return {
      items: rows.map((r) => ({
        id: r.id,
        targetKind: r.target_kind,
        targetId: r.target_id,
        reason: r.reason,
        beforeTitle: r.before_title,
        beforeBody: r.before_body,
        editorUserId: r.editor_user_id,
        editorName: r.editor_name,
        note: r.note,
        createdAt: r.created_at,
      })),
    };
  }

  return { answer, editAnswer, editQuestion, moderate, merge, revisions };
}
export type QuestionStaffService = ReturnType<typeof createQuestionStaffService>;
