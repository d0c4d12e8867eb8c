import type { Kysely, Transaction } from 'kysely';
import type { CreateHamletBody, HamletDetail, UpdateHamletBody } from '../../../shared/contracts/units';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB, HamletChangesTable, HamletsTable } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, requireSignedIn, type Actor } from '../../platform/auth/actor';
import { recordEvent } from '../../platform/events';
import { AppError } from '../../platform/errors';
import { assertCanManageHamlets, listHamletActions } from './hamlet.policy';
import { isUniqueViolation, type HamletsRepository } from './hamlets.repository';
import { toHamletItem } from './units.presenter';
import type { UnitsRepository } from './units.repository';

type Trx = Transaction<DB>;
type HamletChange = HamletChangesTable['change'];

/** Names are compared folded; stored composed (NFC) with single spaces, as officers typed them. */
export function normalizeHamletName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export const hamletNotFound = () =>
  new AppError('NOT_FOUND', 'No hamlet has this id.', { messageVi: 'Không tìm thấy ấp/khu phố này.' });

export const duplicateHamlet = (name: string) =>
  new AppError('CONFLICT', `The commune already has an active hamlet named "${name}".`, {
    messageVi: `Xã/phường đã có ấp/khu phố tên "${name}" đang hoạt động.`,
  });

const inactiveHamlet = () =>
  new AppError('CONFLICT', 'This hamlet was merged or retired; it can no longer be changed.', {
    messageVi: 'Ấp/khu phố này đã được sáp nhập hoặc giải thể, không thể thay đổi.',
  });

const fieldError = (path: string, message: string, messageVi: string) =>
  new AppError('VALIDATION', undefined, { details: [{ path, message, messageVi }] });

function toPlacement(row: HamletsTable) {
  return { provinceCode: row.province_code, communeCode: row.commune_code };
}

/**
 * Hamlets (ấp, khu phố, thôn, tổ dân phố): kept per commune by commune officers and province admins.
 * Every write is one transaction holding the row, a hamlet_changes row, the audit row and the outbox event.
 */
export function createHamletsService(deps: {
  db: Kysely<DB>;
  hamlets: HamletsRepository;
  units: UnitsRepository;
}) {
  const { db, hamlets, units } = deps;

  async function describeHamlet(
    actor: Actor,
    row: HamletsTable,
    ex: Kysely<DB> | Trx = db,
  ): Promise<HamletDetail> {
    const history = await hamlets.history(row.id, ex);
    return {
      ...toHamletItem(row, listHamletActions(actor, { ...toPlacement(row), status: row.status })),
      mergedInto: row.merged_into,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      history: history.map((h) => ({
        id: h.id,
        change: h.change,
        at: h.at,
        before: h.before_json ? (JSON.parse(h.before_json) as Record<string, unknown>) : null,
        after: h.after_json ? (JSON.parse(h.after_json) as Record<string, unknown>) : null,
      })),
    };
  }

  /** The hamlet change row, the audit row and the outbox event of one write, in the caller's transaction. */
  async function recordWrite(
    trx: Trx,
    ctx: AuditContext,
    row: HamletsTable,
    change: HamletChange,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ) {
    await hamlets.insertChanges(
      [
        {
          id: uuidv7(),
          hamlet_id: row.id,
          change,
          before_json: before ? JSON.stringify(before) : null,
          after_json: after ? JSON.stringify(after) : null,
          actor_user_id: actorUserId(ctx.actor),
          at: ctx.at,
        },
      ],
      trx,
    );
    await recordAudit(trx, ctx, {
      action: `hamlet.${change}`,
      entityType: 'hamlet',
      entityId: row.id,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
      before,
      after,
    });
    await recordEvent(
      trx,
      {
        type: `hamlet.${change}`,
        entityType: 'hamlet',
        entityId: row.id,
        payload: {
          hamletId: row.id,
          communeCode: row.commune_code,
          provinceCode: row.province_code,
          before,
          after,
        },
      },
      ctx.at,
    );
  }

  /** Runs a write; a unique-index violation (a concurrent same-name write) becomes 409, not 500. */
  async function runWrite<T>(name: string, fn: (trx: Trx) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateHamlet(name);
      throw err;
    }
  }

  async function loadForWrite(ctx: AuditContext, id: string): Promise<HamletsTable> {
    requireSignedIn(ctx.actor);
    const row = await hamlets.findById(id);
    if (!row) throw hamletNotFound();
    assertCanManageHamlets(ctx.actor, toPlacement(row));
    if (row.status !== 'active') throw inactiveHamlet();
    return row;
  }

  /** Creates a hamlet in a current commune; 409 when an active hamlet there has the same folded name. */
  async function createHamlet(ctx: AuditContext, body: CreateHamletBody): Promise<HamletDetail> {
    requireSignedIn(ctx.actor);
    const commune = await units.findCurrent(body.communeCode, 'commune');
    if (!commune) {
      throw fieldError(
        'body.communeCode',
        'Not the code of a current commune.',
        'Không phải mã xã/phường hiện hành.',
      );
    }
    assertCanManageHamlets(ctx.actor, { provinceCode: commune.province_code, communeCode: commune.code });
    const name = normalizeHamletName(body.name);
    const folded = foldText(name);
    if (!folded)
      throw fieldError('body.name', 'The name needs letters or digits.', 'Tên cần có chữ hoặc số.');
    const row: HamletsTable = {
      id: uuidv7(),
      commune_code: commune.code,
      province_code: commune.province_code,
      name,
      kind: body.kind,
      local_code: body.localCode?.trim() || null,
      search_text: folded,
      status: 'active',
      merged_into: null,
      valid_from: ctx.at,
      valid_to: null,
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    return runWrite(name, async (trx) => {
      if (await hamlets.findActiveByFoldedName(row.commune_code, folded, null, trx))
        throw duplicateHamlet(name);
      await hamlets.insert([row], trx);
      await recordWrite(trx, ctx, row, 'created', null, { name, kind: row.kind, localCode: row.local_code });
      return describeHamlet(ctx.actor, row, trx);
    });
  }

  /** A hamlet with its history; public like the units it belongs to. */
  async function getHamlet(actor: Actor, id: string): Promise<HamletDetail> {
    const row = await hamlets.findById(id);
    if (!row) throw hamletNotFound();
    return describeHamlet(actor, row);
  }

  /** Renames or edits an active hamlet; the old values stay in its history. */
  async function updateHamlet(ctx: AuditContext, id: string, body: UpdateHamletBody): Promise<HamletDetail> {
    const row = await loadForWrite(ctx, id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const next: HamletsTable = { ...row, updated_at: ctx.at };
    if (body.name !== undefined) {
      const name = normalizeHamletName(body.name);
      const folded = foldText(name);
      if (!folded)
        throw fieldError('body.name', 'The name needs letters or digits.', 'Tên cần có chữ hoặc số.');
      if (name !== row.name) {
        Object.assign(before, { name: row.name });
        Object.assign(after, { name });
        Object.assign(next, { name, search_text: folded });
      }
    }
    if (body.kind !== undefined && body.kind !== row.kind) {
      Object.assign(before, { kind: row.kind });
      Object.assign(after, { kind: body.kind });
      next.kind = body.kind;
    }
    if (body.localCode !== undefined) {
      const localCode = body.localCode?.trim() || null;
      if (localCode !== row.local_code) {
        Object.assign(before, { localCode: row.local_code });
        Object.assign(after, { localCode });
        next.local_code = localCode;
      }
    }
    if (Object.keys(after).length === 0) return describeHamlet(ctx.actor, row);
    return runWrite(next.name, async (trx) => {
      if (next.search_text !== row.search_text) {
        if (await hamlets.findActiveByFoldedName(row.commune_code, next.search_text, row.id, trx)) {
          throw duplicateHamlet(next.name);
        }
      }
      const { id: _id, ...patch } = next;
      if (!(await hamlets.updateIfActive(row.id, patch, trx))) throw inactiveHamlet();
      await recordWrite(trx, ctx, next, 'name' in after ? 'renamed' : 'updated', before, after);
      return describeHamlet(ctx.actor, next, trx);
    });
  }

  /** Merges an active hamlet into another active hamlet of the same commune; the source is kept as history. */
  async function mergeHamlet(ctx: AuditContext, id: string, intoId: string): Promise<HamletDetail> {
    const row = await loadForWrite(ctx, id);
    if (intoId.toLowerCase() === row.id) {
      throw fieldError(
        'body.intoId',
        'A hamlet cannot be merged into itself.',
        'Không thể sáp nhập ấp/khu phố vào chính nó.',
      );
    }
    const into = await hamlets.findById(intoId.toLowerCase());
    if (!into || into.commune_code !== row.commune_code) {
      throw fieldError(
        'body.intoId',
        'Merge only into a hamlet of the same commune.',
        'Chỉ sáp nhập vào ấp/khu phố cùng xã/phường.',
      );
    }
    if (into.status !== 'active') throw inactiveHamlet();
    const next: HamletsTable = {
      ...row,
      status: 'merged',
      merged_into: into.id,
      valid_to: ctx.at,
      updated_at: ctx.at,
    };
    return runWrite(row.name, async (trx) => {
      if (!(await hamlets.findActive(into.id, trx))) throw inactiveHamlet();
      if (
        !(await hamlets.updateIfActive(
          row.id,
          { status: 'merged', merged_into: into.id, valid_to: ctx.at, updated_at: ctx.at },
          trx,
        ))
      ) {
        throw inactiveHamlet();
      }
      await recordWrite(
        trx,
        ctx,
        next,
        'merged',
        { status: 'active' },
        { status: 'merged', mergedInto: into.id, mergedIntoName: into.name },
      );
      // The absorbing hamlet's history says what it absorbed; it is not a separate audited write.
      await hamlets.insertChanges(
        [
          {
            id: uuidv7(),
            hamlet_id: into.id,
            change: 'merged',
            before_json: null,
            after_json: JSON.stringify({ absorbed: row.id, absorbedName: row.name }),
            actor_user_id: actorUserId(ctx.actor),
            at: ctx.at,
          },
        ],
        trx,
      );
      return describeHamlet(ctx.actor, next, trx);
    });
  }

  /** Retires an active hamlet (dissolved, renamed into nothing); its row and history stay. */
  async function retireHamlet(ctx: AuditContext, id: string, reason: string): Promise<HamletDetail> {
    const row = await loadForWrite(ctx, id);
    const next: HamletsTable = { ...row, status: 'retired', valid_to: ctx.at, updated_at: ctx.at };
    return runWrite(row.name, async (trx) => {
      if (
        !(await hamlets.updateIfActive(
          row.id,
          { status: 'retired', valid_to: ctx.at, updated_at: ctx.at },
          trx,
        ))
      ) {
        throw inactiveHamlet();
      }
      await recordWrite(
        trx,
        ctx,
        next,
        'retired',
        { status: 'active' },
        { status: 'retired', reason: reason.trim() },
      );
      return describeHamlet(ctx.actor, next, trx);
    });
  }

  return { createHamlet, getHamlet, updateHamlet, mergeHamlet, retireHamlet };
}
export type HamletsService = ReturnType<typeof createHamletsService>;
