import type { Kysely, Transaction } from 'kysely';
import {
  MAX_IMPORT_CSV_BYTES,
  type ImportHamletsBody,
  type ImportHamletsResult,
  type ImportRow,
  type ImportRowError,
} from '../../../shared/contracts/units';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB, HamletChangesTable, HamletsTable } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { actorUserId, assertCanSomewhere, type Actor } from '../../platform/auth/actor';
import { recordEvent } from '../../platform/events';
import { AppError } from '../../platform/errors';
import { normalizeCommuneCode, parseHamletKind, readCsv, type RawRow } from './hamlet-csv.parser';
import { canManageHamlets } from './hamlet.policy';
import { isUniqueViolation, type HamletsRepository } from './hamlets.repository';
import { normalizeHamletName } from './hamlets.service';
import type { UnitsRepository } from './units.repository';

type Executor = Kysely<DB> | Transaction<DB>;

const NAME_MAX = 120;
const LOCAL_CODE_MAX = 30;

interface PlannedRow extends ImportRow {
  /** The active hamlet a 'skip' or 'update' row matched. */
  existing: HamletsTable | null;
  provinceCode: string | null;
  folded: string;
}

const rowError = (field: string, message: string, messageVi: string): ImportRowError => ({
  field,
  message,
  messageVi,
});

/**
 * CSV import of hamlets: a dry run previews each row's action and errors; a real run writes all rows or none.
 * Only callers holding hamlets.manage somewhere may import; each row must fall inside their scope.
 */
export function createHamletImportService(deps: {
  db: Kysely<DB>;
  hamlets: HamletsRepository;
  units: UnitsRepository;
}) {
  const { db, hamlets, units } = deps;

  /** Decides every row's action against the database as seen through `ex` (the write transaction for real runs). */
  async function planRows(
    actor: Actor,
    raw: RawRow[],
    defaultCommune: string | undefined,
    ex: Executor,
  ): Promise<PlannedRow[]> {
    const candidateCodes = new Set<string>();
    for (const r of raw) {
      const code = normalizeCommuneCode(r.cells.commune_code || defaultCommune || '');
      if (/^\d{5}$/.test(code)) candidateCodes.add(code);
    }
    const communes = new Map(
      (await units.findCurrentCommunes([...candidateCodes], ex)).map((c) => [c.code, c]),
    );
    const active = new Map(
      (await hamlets.listActiveInCommunes([...communes.keys()], ex)).map((h) => [
        `${h.commune_code}|${h.search_text}`,
        h,
      ]),
    );
    const seen = new Map<string, number>();
    return raw.map((r) => {
      const errors: ImportRowError[] = [];
      if (r.malformed)
        errors.push(rowError('csv', 'This line is not well-formed CSV.', 'Dòng này sai định dạng CSV.'));
      const communeCode = normalizeCommuneCode(r.cells.commune_code || defaultCommune || '');
      const commune = communes.get(communeCode);
      if (!communeCode) {
        errors.push(rowError('commune_code', 'The commune code is missing.', 'Thiếu mã xã/phường.'));
      } else if (!commune) {
        errors.push(
          rowError(
            'commune_code',
            `${communeCode} is not the code of a current commune.`,
            `${communeCode} không phải mã xã/phường hiện hành.`,
          ),
        );
      } else if (!canManageHamlets(actor, { provinceCode: commune.province_code, communeCode })) {
        errors.push(
          rowError(
            'commune_code',
            'This commune is outside your area.',
            'Xã/phường này ngoài phạm vi quản lý của bạn.',
          ),
        );
      }
      const name = normalizeHamletName(r.cells.name ?? '');
      const folded = foldText(name);
      if (!folded) errors.push(rowError('name', 'The name is missing.', 'Thiếu tên ấp/khu phố.'));
      else if (name.length > NAME_MAX)
        errors.push(
          rowError(
            'name',
            `The name is longer than ${NAME_MAX} characters.`,
            `Tên dài quá ${NAME_MAX} ký tự.`,
          ),
        );
      const kindText = r.cells.kind ?? '';
      const kind = parseHamletKind(kindText);
      if (!kind) {
        errors.push(
          rowError(
            'kind',
            `Unknown kind "${kindText}": use ấp, khu phố, thôn or tổ dân phố.`,
            `Loại "${kindText}" không hợp lệ: dùng ấp, khu phố, thôn hoặc tổ dân phố.`,
          ),
        );
      }
      const localCode = r.cells.local_code ?? '';
      if (localCode.length > LOCAL_CODE_MAX) {
        errors.push(
          rowError(
            'local_code',
            `The local code is longer than ${LOCAL_CODE_MAX} characters.`,
            `Mã nội bộ dài quá ${LOCAL_CODE_MAX} ký tự.`,
          ),
        );
      }
      const key = `${communeCode}|${folded}`;
      const firstLine = folded ? seen.get(key) : undefined;
      if (firstLine !== undefined) {
        errors.push(
          rowError('name', `Same hamlet as line ${firstLine}.`, `Trùng với ấp/khu phố ở dòng ${firstLine}.`),
        );
      } else if (folded) {
        seen.set(key, r.line);
      }
      const existing = errors.length === 0 ? (active.get(key) ?? null) : null;
      const action: ImportRow['action'] =
        errors.length > 0
          ? 'error'
          : !existing
            ? 'create'
            : localCode && localCode !== existing.local_code
              ? 'update'
              : 'skip';
      return {
        line: r.line,
        communeCode: communeCode || null,
        name,
        kind,
        localCode: localCode || null,
        action,
        errors,
        existing,
        provinceCode: commune?.province_code ?? null,
        folded,
      };
    });
  }

  function toResult(dryRun: boolean, rows: PlannedRow[]): ImportHamletsResult {
    const summary = { create: 0, update: 0, skip: 0, error: 0 };
    for (const r of rows) summary[r.action]++;
    return {
      dryRun,
      summary,
      rows: rows.map((r) => ({
        line: r.line,
        communeCode: r.communeCode,
        name: r.name,
        kind: r.kind,
        localCode: r.localCode,
        action: r.action,
        errors: r.errors,
      })),
    };
  }

  /** A refused real import: 400 whose details are the preview's rows, so the UI can show the same table. */
  function buildRefusal(result: ImportHamletsResult): AppError {
    const details = result.rows.map((r, i) => {
      const what =
        r.errors.length > 0 ? r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : r.action;
      const whatVi =
        r.errors.length > 0 ? r.errors.map((e) => `${e.field}: ${e.messageVi}`).join('; ') : r.action;
      return {
        path: `rows.${i}`,
        message: `Line ${r.line}: ${what}`,
        messageVi: `Dòng ${r.line}: ${whatVi}`,
        ...r,
      };
    });
    return new AppError('VALIDATION', `${result.summary.error} row(s) have errors; nothing was imported.`, {
      messageVi: `${result.summary.error} dòng có lỗi; chưa nhập dữ liệu nào.`,
      details,
    });
  }

  async function applyPlan(trx: Transaction<DB>, ctx: AuditContext, rows: PlannedRow[]) {
    const importId = uuidv7();
    const userId = actorUserId(ctx.actor);
    const created: HamletsTable[] = [];
    const changes: HamletChangesTable[] = [];
    const updated: string[] = [];
    for (const r of rows) {
      if (r.action === 'create' && r.communeCode && r.provinceCode && r.kind) {
        const row: HamletsTable = {
          id: uuidv7(),
          commune_code: r.communeCode,
          province_code: r.provinceCode,
          name: r.name,
          kind: r.kind,
          local_code: r.localCode,
          search_text: r.folded,
          status: 'active',
          merged_into: null,
          valid_from: ctx.at,
          valid_to: null,
          created_at: ctx.at,
          updated_at: ctx.at,
        };
        created.push(row);
        const after = JSON.stringify({ name: row.name, kind: row.kind, localCode: row.local_code, importId });
        changes.push({
          id: uuidv7(),
          hamlet_id: row.id,
          change: 'imported',
          before_json: null,
          after_json: after,
          actor_user_id: userId,
          at: ctx.at,
        });
      } else if (r.action === 'update' && r.existing) {
        if (
          !(await hamlets.updateIfActive(r.existing.id, { local_code: r.localCode, updated_at: ctx.at }, trx))
        ) {
          throw new AppError('CONFLICT', 'A hamlet changed during the import; run it again.', {
            messageVi: 'Có ấp/khu phố vừa thay đổi trong lúc nhập; vui lòng nhập lại.',
          });
        }
        updated.push(r.existing.id);
        changes.push({
          id: uuidv7(),
          hamlet_id: r.existing.id,
          change: 'updated',
          before_json: JSON.stringify({ localCode: r.existing.local_code }),
          after_json: JSON.stringify({ localCode: r.localCode, importId }),
          actor_user_id: userId,
          at: ctx.at,
        });
      }
    }
    await hamlets.insert(created, trx);
    await hamlets.insertChanges(changes, trx);
    const communes = [...new Set(rows.map((r) => r.communeCode).filter((c): c is string => c !== null))];
    const provinces = [...new Set(rows.map((r) => r.provinceCode).filter((c): c is string => c !== null))];
    const summary = {
      created: created.map((h) => h.id),
      updated,
      skipped: rows.filter((r) => r.action === 'skip').length,
    };
    // One audit row and one event for the whole file: each hamlet's own history holds its 'imported' change.
    await recordAudit(trx, ctx, {
      action: 'hamlets.imported',
      entityType: 'hamlet_import',
      entityId: importId,
      provinceCode: provinces.length === 1 ? provinces[0] : null,
      communeCode: communes.length === 1 ? communes[0] : null,
      after: summary,
    });
    await recordEvent(
      trx,
      {
        type: 'hamlets.imported',
        entityType: 'hamlet_import',
        entityId: importId,
        payload: { importId, communes, ...summary },
      },
      ctx.at,
    );
  }

  /** Previews (dryRun) or applies a CSV of hamlets; a real run with any error row is refused whole. */
  async function importHamlets(ctx: AuditContext, body: ImportHamletsBody): Promise<ImportHamletsResult> {
    assertCanSomewhere(ctx.actor, 'hamlets.manage');
    if (Buffer.byteLength(body.csv, 'utf8') > MAX_IMPORT_CSV_BYTES) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'The CSV is larger than 1 MB.', {
        messageVi: 'Tệp CSV lớn hơn 1 MB.',
      });
    }
    const { header, rows: raw } = readCsv(body.csv);
    const missing = ['name', 'kind', ...(body.communeCode ? [] : ['commune_code'])].filter(
      (c) => !header.includes(c),
    );
    if (missing.length > 0) {
      throw new AppError('VALIDATION', undefined, {
        details: [
          {
            path: 'body.csv',
            message: `The header row lacks ${missing.join(', ')} (expected commune_code,name,kind,local_code).`,
            messageVi: `Dòng tiêu đề thiếu cột ${missing.join(', ')} (cần commune_code,name,kind,local_code).`,
          },
        ],
      });
    }
    if (raw.length === 0) {
      throw new AppError('VALIDATION', undefined, {
        details: [
          {
            path: 'body.csv',
            message: 'The CSV has no rows after the header.',
            messageVi: 'Tệp CSV không có dòng dữ liệu.',
          },
        ],
      });
    }
    if (body.dryRun) return toResult(true, await planRows(ctx.actor, raw, body.communeCode, db));
    try {
      return await db.transaction().execute(async (trx) => {
        const planned = await planRows(ctx.actor, raw, body.communeCode, trx);
        const result = toResult(false, planned);
        if (result.summary.error > 0) throw buildRefusal(result);
        await applyPlan(trx, ctx, planned);
        return result;
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new AppError('CONFLICT', 'A hamlet of the file was created meanwhile; run the import again.', {
          messageVi: 'Có ấp/khu phố trong tệp vừa được tạo; vui lòng nhập lại.',
        });
      }
      throw e;
    }
  }

  return { importHamlets };
}
export type HamletImportService = ReturnType<typeof createHamletImportService>;
