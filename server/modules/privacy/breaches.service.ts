import type { Kysely } from 'kysely';
import type { Page } from '../../../shared/contracts/paging';
import {
  BREACH_NOTIFY_HOURS,
  type Breach,
  type BreachDataCategory,
  type BreachListQuery,
  type CreateBreachBody,
  type UpdateBreachBody,
} from '../../../shared/contracts/privacy';
import { uuidv7 } from '../../../shared/ids';
import { canAt } from '../../../shared/rules/permissions';
import { provincesWhere } from './privacy.policy';
import type { DB, PersonalDataBreachesTable } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorGrants, requireUser, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { conflict, forbidden, notFound, validation } from '../../platform/errors';
import { pageFromRows, readCursor } from '../../platform/paging';
import type { BreachRow, BreachesRepository } from './breaches.repository';

const HOUR_MS = 3_600_000;
/** An instant typed a few minutes ahead of the server's clock is a clock difference, not the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

const breachNotFound = () => notFound('Breach not found.', 'Không tìm thấy sự cố.');

/** One field refused, in the error model's shape. */
const invalid = (path: string, message: string, messageVi: string) => validation([{ path, message, messageVi }]);

/**
 * The register of personal-data breaches of a province (privacy.breaches, held at the province: the province
 * administrator). Recording a breach starts the 72-hour notification clock from its discovery; marking it notified
 * after the deadline needs the reason for the delay, as the notification itself must give it. Every change is
 * audited; nothing is ever deleted.
 */
export function createBreachesService(deps: { db: Kysely<DB>; breaches: BreachesRepository; clock: Clock }) {
  const { db, breaches, clock } = deps;

  function mayKeep(actor: Actor, provinceCode: string) {
    return canAt(actorGrants(actor), 'privacy.breaches', { provinceCode });
  }

  function view(r: BreachRow): Breach {
    const now = clock.now().getTime();
    const notifyBy = Date.parse(r.notify_by);
    const pending = r.status === 'open';
    return {
      id: r.id,
      provinceCode: r.province_code,
      discoveredAt: r.discovered_at,
      occurredAt: r.occurred_at,
      notifyBy: r.notify_by,
      overdue: pending && now > notifyBy,
      hoursLeft: pending ? Math.floor((notifyBy - now) / HOUR_MS) : null,
      title: r.title,
      description: r.description,
      dataCategories: JSON.parse(r.data_categories_json) as BreachDataCategory[],
      subjects: r.subjects,
      subjectsCount: r.subjects_count,
      consequences: r.consequences,
      measures: r.measures,
      contact: r.contact,
      status: r.status,
      notifiedAt: r.notified_at,
      notifiedTo: r.notified_to,
      notificationRef: r.notification_ref,
      lateReason: r.late_reason,
      closedAt: r.closed_at,
      recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  function notInFuture(iso: string, path: string) {
    if (Date.parse(iso) > clock.now().getTime() + CLOCK_SKEW_MS) {
      throw invalid(path, 'This time is in the future.', 'Thời điểm này ở trong tương lai.');
    }
    return new Date(iso).toISOString();
  }

  async function load(actor: Actor, id: string) {
    const row = await breaches.findById(id);
    // Outside the caller's provinces a breach does not exist for them (no existence leak).
    if (!row || !mayKeep(actor, row.province_code)) throw breachNotFound();
    return row;
  }

  async function record(actor: Actor, body: CreateBreachBody, ctx: AuditContext): Promise<Breach> {
    const caller = requireUser(actor);
    if (!mayKeep(actor, body.provinceCode)) throw forbidden();
    const discoveredAt = notInFuture(body.discoveredAt, 'body.discoveredAt');
    const occurredAt = body.occurredAt ? notInFuture(body.occurredAt, 'body.occurredAt') : null;
    if (occurredAt && occurredAt > discoveredAt) {
      throw invalid('body.occurredAt', 'A breach cannot happen after it was discovered.', 'Sự cố không thể xảy ra sau khi được phát hiện.');
    }
    const row: PersonalDataBreachesTable = {
      id: uuidv7(),
      province_code: body.provinceCode,
      discovered_at: discoveredAt,
      occurred_at: occurredAt,
      notify_by: new Date(Date.parse(discoveredAt) + BREACH_NOTIFY_HOURS * HOUR_MS).toISOString(),
      title: body.title,
      description: body.description,
      data_categories_json: JSON.stringify([...new Set(body.dataCategories)]),
      subjects: body.subjects,
      subjects_count: body.subjectsCount ?? null,
      consequences: body.consequences ?? null,
      measures: body.measures ?? null,
      contact: body.contact,
      status: 'open',
      notified_at: null,
      notified_to: null,
      notification_ref: null,
      late_reason: null,
      closed_at: null,
      recorded_by: caller.user.id,
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    await db.transaction().execute(async (trx) => {
      await breaches.insert(row, trx);
      await recordAudit(trx, ctx, {
        action: 'privacy.breach_recorded',
        entityType: 'personal_data_breach',
        entityId: row.id,
        provinceCode: row.province_code,
        after: { title: row.title, discoveredAt, notifyBy: row.notify_by, dataCategories: body.dataCategories },
      });
    });
    return view((await breaches.findById(row.id))!);
  }

  async function update(actor: Actor, id: string, body: UpdateBreachBody, ctx: AuditContext): Promise<Breach> {
    requireUser(actor);
    const before = await load(actor, id);
    if (before.status === 'closed') throw conflict('This breach is closed.', 'Sự cố này đã được đóng.');
    const patch: Partial<PersonalDataBreachesTable> = { updated_at: ctx.at };
    if (body.occurredAt !== undefined) patch.occurred_at = body.occurredAt ? notInFuture(body.occurredAt, 'body.occurredAt') : null;
    if (body.title !== undefined) patch.title = body.title;
    if (body.description !== undefined) patch.description = body.description;
    if (body.dataCategories !== undefined) patch.data_categories_json = JSON.stringify([...new Set(body.dataCategories)]);
    if (body.subjects !== undefined) patch.subjects = body.subjects;
    if (body.subjectsCount !== undefined) patch.subjects_count = body.subjectsCount;
    if (body.consequences !== undefined) patch.consequences = body.consequences;
    if (body.measures !== undefined) patch.measures = body.measures;
    if (body.contact !== undefined) patch.contact = body.contact;
    let action = 'privacy.breach_updated';
    if (body.notification) {
      if (before.status !== 'open') throw conflict('The notification is already recorded.', 'Đã ghi nhận việc thông báo.');
      const notifiedAt = notInFuture(body.notification.notifiedAt, 'body.notification.notifiedAt');
      if (notifiedAt < before.discovered_at) {
        throw invalid('body.notification.notifiedAt', 'The notification cannot precede the discovery.', 'Không thể thông báo trước khi phát hiện sự cố.');
      }
      if (notifiedAt > before.notify_by && !body.notification.lateReason) {
        throw invalid(
          'body.notification.lateReason',
          `Notified after the ${BREACH_NOTIFY_HOURS}-hour deadline: give the reason for the delay.`,
          `Thông báo sau thời hạn ${BREACH_NOTIFY_HOURS} giờ: hãy nêu lý do chậm trễ.`,
        );
      }
      Object.assign(patch, {
        status: 'notified',
        notified_at: notifiedAt,
        notified_to: body.notification.notifiedTo,
        notification_ref: body.notification.reference ?? null,
        late_reason: body.notification.lateReason ?? null,
      });
      action = 'privacy.breach_notified';
    }
    if (body.close) {
      if ((patch.status ?? before.status) !== 'notified') {
        throw conflict('Record the notification before closing.', 'Hãy ghi nhận việc thông báo trước khi đóng sự cố.');
      }
      Object.assign(patch, { status: 'closed', closed_at: ctx.at });
      action = 'privacy.breach_closed';
    }
    await db.transaction().execute(async (trx) => {
      await breaches.update(id, patch, trx);
      await recordAudit(trx, ctx, {
        action,
        entityType: 'personal_data_breach',
        entityId: id,
        provinceCode: before.province_code,
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof BreachRow]])),
        after: patch,
      });
    });
    return view((await breaches.findById(id))!);
  }

  async function get(actor: Actor, id: string): Promise<Breach> {
    requireUser(actor);
    return view(await load(actor, id));
  }

  async function list(actor: Actor, query: BreachListQuery): Promise<Page<Breach>> {
    requireUser(actor);
    const provinceCodes = provincesWhere(actor, 'privacy.breaches');
    if (provinceCodes.length === 0) throw forbidden();
    const before = readCursor(query.cursor, ['string', 'string'] as const);
    const rows = await breaches.list({
      provinceCodes,
      status: query.status ?? null,
      before: before ? { at: before[0], id: before[1] } : null,
      limit: query.limit + 1,
    });
    return pageFromRows(rows, query.limit, (last) => [last.discovered_at, last.id], view);
  }

  return { record, update, get, list };
}
export type BreachesService = ReturnType<typeof createBreachesService>;
