import type { Kysely } from 'kysely';
import type { Page } from '../../../shared/contracts/paging';
import { UNANSWERED_AFTER_HOURS, type QuestionSummary } from '../../../shared/contracts/questions';
import { canAt } from '../../../shared/rules/permissions';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorGrants, assertCanSomewhere, requireUser, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { AppError, conflict, validation } from '../../platform/errors';
import { pageFromRows, readCursor } from '../../platform/paging';
import { resolveUnitPlacement } from '../geography/index';
import type { Topics } from './question-topics';
import { mayCurate, subtreesFor } from './questions.policy';
import { presentSummary, textToHtml } from './questions.presenter';
import type { QuestionRow, QuestionsRepository } from './questions.repository';
import { questionNotFound } from './questions.service';

/**
 * The Q&A's lists and the knowledge base (issue 11): the moderators' queue (waiting, flagged, hidden) inside the
 * caller's subtrees, the network's "unanswered for more than 48 hours" list, the curated FAQ per topic (public, with
 * schema.org FAQPage) and its curation, and a province's Q&A settings.
 */
export function createQuestionListsService(deps: {
  db: Kysely<DB>;
  repo: QuestionsRepository;
  topics: Topics;
  clock: Clock;
  provinceCode: string;
  publicUrl: string;
}) {
  const { db, repo, clock, provinceCode } = deps;

  async function queue(
    actor: Actor,
    query: { box: 'pending' | 'flagged' | 'hidden'; limit: number; cursor?: string | undefined },
  ) {
    assertCanSomewhere(actor, 'questions.moderate');
    const after = readCursor(query.cursor, ['string', 'string'] as const);
    const rows = await repo.listQueue(
      query.box,
      subtreesFor(actor, 'questions.moderate'),
      after,
      query.limit,
    );
    const reasons = await repo.openFlagReasons(rows.map((r) => r.id));
    const byQuestion = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const r of reasons) {
      (byQuestion.get(r.question_id) ?? byQuestion.set(r.question_id, new Set()).get(r.question_id)!).add(
        r.reason,
      );
      counts.set(r.question_id, (counts.get(r.question_id) ?? 0) + 1);
    }
    return pageFromRows(
      rows,
      query.limit,
      (r) => [r.created_at, r.id],
      (r) => ({
        ...presentSummary(r),
        status: r.status,
        openFlags: counts.get(r.id) ?? 0,
        flagReasons: [...(byQuestion.get(r.id) ?? [])] as (
          'spam' | 'offensive' | 'personal_data' | 'off_topic'
        )[],
        createdAt: r.created_at,
      }),
    );
  }

  /** Published, open questions nobody has answered for 48 hours, oldest first: for anyone who may answer. */
  async function unanswered(
    actor: Actor,
    query: {
      unit?: string | undefined;
      topic?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<Page<QuestionSummary>> {
    assertCanSomewhere(actor, 'questions.answer');
    let scope:
      | 'everywhere'
      | {
          level: 'province' | 'commune';
          provinceCode: string;
          communeCode: string | null;
          hamletId: null;
        }[] = 'everywhere';
    if (query.unit) {
      const unit = await resolveUnitPlacement(db, query.unit);
      if (!unit || unit.level === 'hamlet')
        throw validation([
          { path: 'query.unit', message: 'Unknown unit code.', messageVi: 'Mã đơn vị không tồn tại.' },
        ]);
      scope = [
        { level: unit.level, provinceCode: unit.provinceCode, communeCode: unit.communeCode, hamletId: null },
      ];
    }
    const before = new Date(clock.now().getTime() - UNANSWERED_AFTER_HOURS * 3_600_000).toISOString();
    const after = readCursor(query.cursor, ['string', 'string'] as const);
    const rows = await repo.listUnanswered(
      { provinceCode, before, topic: query.topic, scope },
      after,
      query.limit,
    );
    return pageFromRows(rows, query.limit, (r) => [r.published_at ?? '', r.id], presentSummary);
  }

  /** The curated FAQ, by topic in the topics' order, each entry with its best answer (accepted, official, first). */
  async function faq(topic?: string) {
    const entries = await repo.faqEntries(provinceCode, topic);
    const ids = entries.map((e) => e.id);
    const answers =
      ids.length === 0
        ? []
        : await db
            .selectFrom('question_answers')
            .selectAll()
            .where('question_id', 'in', ids)
            .where('status', '=', 'published')
            .orderBy('created_at')
            .execute();
    const best = (q: QuestionRow) => {
      const mine = answers.filter((a) => a.question_id === q.id);
      return (
        mine.find((a) => a.id === q.accepted_answer_id) ??
        mine.find((a) => a.official === 1) ??
        mine[0] ??
        null
      );
    };
    const order = (await deps.topics.list()).map((t) => t.code);
    const topics = [...new Set(entries.map((e) => e.topic))].sort(
      (a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999),
    );
    const groups = await Promise.all(
      topics.map(async (t) => ({
        topic: t,
        ...(await deps.topics.nameOf(t)),
        items: entries
          .filter((e) => e.topic === t)
          .map((e) => {
            const a = best(e);
            return {
              id: e.id,
              position: e.faq_position!,
              title: e.title,
              answer: a?.body ?? null,
              answerHtml: a ? textToHtml(a.body) : null,
            };
          }),
      })),
    );
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: groups.flatMap((g) =>
        g.items
          .filter((i) => i.answer !== null)
          .map((i) => ({
            '@type': 'Question',
            name: i.title,
            url: `${deps.publicUrl}/questions/${i.id}`,
            acceptedAnswer: { '@type': 'Answer', text: i.answer },
          })),
      ),
    };
    return { topics: groups, jsonLd };
  }

  async function curated(actor: Actor, id: string): Promise<QuestionRow> {
    requireUser(actor);
    const row = await repo.findQuestion(id.toLowerCase());
    if (!row) throw questionNotFound();
    if (!mayCurate(actor, row)) throw new AppError('FORBIDDEN');
    return row;
  }

  /** Adds a published Q&A to its topic's FAQ, at `position` (the others move down) or last. */
  async function promote(actor: Actor, id: string, position: number | undefined, ctx: AuditContext) {
    const row = await curated(actor, id);
    if (row.status !== 'published')
      throw conflict(
        'Only a published question joins the FAQ.',
        'Chỉ câu hỏi đã công khai mới được đưa vào mục hỏi đáp thường gặp.',
      );
    const at = clock.now().toISOString();
    const placed = await db.transaction().execute(async (trx) => {
      const last = await repo.lastFaqPosition(trx, row.province_code, row.topic);
      let target = Math.min(position ?? last + 1, last + 1);
      if (row.faq_position !== null) target = Math.min(target, last);
      if (row.faq_position !== null) await repo.updateQuestion(trx, row.id, { faq_position: null });
      await repo.shiftFaq(trx, row.province_code, row.topic, target);
      await repo.updateQuestion(trx, row.id, {
        faq_position: target,
        faq_at: row.faq_at ?? at,
        updated_at: at,
      });
      await recordAudit(trx, ctx, {
        action: row.faq_position === null ? 'question.faq_promoted' : 'question.faq_reordered',
        entityType: 'question',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { position: row.faq_position },
        after: { topic: row.topic, position: target },
      });
      return target;
    });
    return { id: row.id, topic: row.topic, position: placed };
  }

  async function demote(actor: Actor, id: string, ctx: AuditContext) {
    const row = await curated(actor, id);
    if (row.faq_position === null) return { id: row.id, topic: row.topic, position: null };
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await repo.updateQuestion(trx, row.id, { faq_position: null, faq_at: null, updated_at: at });
      await recordAudit(trx, ctx, {
        action: 'question.faq_demoted',
        entityType: 'question',
        entityId: row.id,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        before: { topic: row.topic, position: row.faq_position },
      });
    });
    return { id: row.id, topic: row.topic, position: null };
  }

  /** Sets a topic's FAQ order: `ids` must be exactly the topic's entries, each one the caller may curate. */
  async function reorder(actor: Actor, body: { topic: string; ids: string[] }, ctx: AuditContext) {
    requireUser(actor);
    const entries = await repo.faqEntries(provinceCode, body.topic);
    const ids = body.ids.map((i) => i.toLowerCase());
    const same =
      ids.length === entries.length &&
      new Set(ids).size === ids.length &&
      entries.every((e) => ids.includes(e.id));
    if (!same)
      throw validation([
        {
          path: 'body.ids',
          message: 'List every entry of the topic’s FAQ once.',
          messageVi: 'Hãy liệt kê mỗi mục của chủ đề đúng một lần.',
        },
      ]);
    if (!entries.every((e) => mayCurate(actor, e))) throw new AppError('FORBIDDEN');
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      for (const [i, id] of ids.entries())
        await repo.updateQuestion(trx, id, { faq_position: i + 1, updated_at: at });
      await recordAudit(trx, ctx, {
        action: 'question.faq_reordered',
        entityType: 'question_settings',
        entityId: provinceCode,
        provinceCode,
        after: { topic: body.topic, count: ids.length },
      });
    });
    return { topic: body.topic, ids };
  }

  function assertProvinceCurator(actor: Actor) {
    requireUser(actor);
    if (!canAt(actorGrants(actor), 'questions.curate', { provinceCode })) throw new AppError('FORBIDDEN');
  }

  async function settings(actor: Actor) {
    assertProvinceCurator(actor);
    const s = await repo.settingsFor(provinceCode);
    return { provinceCode, flagThreshold: s.flagThreshold, moderateAnonymous: s.moderateAnonymous };
  }

  async function updateSettings(
    actor: Actor,
    body: { flagThreshold?: number | undefined; moderateAnonymous?: boolean | undefined },
    ctx: AuditContext,
  ) {
    assertProvinceCurator(actor);
    const before = await repo.settingsFor(provinceCode);
    const next = {
      flagThreshold: body.flagThreshold ?? before.flagThreshold,
      moderateAnonymous: body.moderateAnonymous ?? before.moderateAnonymous,
    };
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await repo.saveSettings(trx, {
        province_code: provinceCode,
        flag_threshold: next.flagThreshold,
        moderate_anonymous: next.moderateAnonymous ? 1 : 0,
        updated_by: actor.kind === 'user' ? actor.user.id : null,
        updated_at: at,
      });
      await recordAudit(trx, ctx, {
        action: 'question_settings.updated',
        entityType: 'question_settings',
        entityId: provinceCode,
        provinceCode,
        before,
        after: next,
      });
    });
    return { provinceCode, ...next };
  }

  return { queue, unanswered, faq, promote, demote, reorder, settings, updateSettings };
}
export type QuestionListsService = ReturnType<typeof createQuestionListsService>;
