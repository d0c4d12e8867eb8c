import type { Kysely } from 'kysely';
import { encodeCursor, type Page } from '../../../shared/contracts/paging';
import { readCursor } from '../../platform/paging';
import type {
  AgeBand,
  Gender,
  SupportFilter,
  SupportListQuery,
  SupportRecord,
  TeamStats,
} from '../../../shared/contracts/support';
import { canAt, grantsFor, type Action } from '../../../shared/rules/permissions';
import type { DB } from '../../db/schema';
import { ANONYMOUS, actorGrants, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { placedInScopeAndUnit } from '../../platform/auth/scope-sql';
import { AppError, forbidden, notFound, validation } from '../../platform/errors';
import { resolveUnitPlacement } from '../geography/index';
import type { ServicesService } from '../services/index';
import {
  isActiveOn,
  teamPlacement,
  type MembersRepository,
  type TeamsRepository,
} from '../teams/index';
import { CSV_HEADER, UTF8_BOM, csvLine, recordCsvLine, type ExportNames } from './support-csv';
import type { ExportRow, RecordFilter, SupportRecordsRepository } from './support-records.repository';
import { addDays, endOfLocalDayUtc, isoWeekOf, localDateOf, startOfLocalDayUtc } from '../../../shared/time/vietnam-time';
import { recordActions } from './support.policy';
import { toRecordView } from './support.presenter';

/**
 * Rows per export query: one keyset range read in index order. SQLite reads a page synchronously on the event loop,
 * so a page stays small (≈ 10 ms) for /healthz and other requests to get through between pages. PostgreSQL was
 * measured at 1,000 and 5,000 (bench:scale, 1 M records, same machine): 5,000 saved no time overall and doubled
 * the latency of the lists served meanwhile, so both dialects read 1,000.
 */
const EXPORT_PAGE = 1000;
/** Rows formatted between two turns of the event loop. */
const FORMAT_SLICE = 1000;
/** The team page looks back 12 weeks unless asked otherwise; at most a year at a time. */
const DEFAULT_STATS_DAYS = 84;
const MAX_STATS_DAYS = 366;

export function createSupportListsService(deps: {
  db: Kysely<DB>;
  /** Rows per export query; tests make it small to cross many page boundaries. */
  exportPageSize?: number;
  records: SupportRecordsRepository;
  teams: TeamsRepository;
  members: MembersRepository;
  services: ServicesService;
  clock: Clock;
}) {
  const { db, records, teams, members, services, clock } = deps;

  /**
   * Where a list may look: `mine=true` → the caller's own records (any signed-in user); otherwise the union of
   * the subtrees where the caller holds `action` (support.review to list, support.export to export).
   */
  async function scopeOf(actor: Actor, filter: SupportFilter, action: Action) {
    const caller = requireSignedIn(actor);
    const f: RecordFilter = {
      teamId: filter.teamId,
      hamletId: filter.hamletId,
      memberId: filter.memberId,
      service: filter.service,
      state: filter.state,
      review: filter.review,
      fromUtc: filter.from ? startOfLocalDayUtc(filter.from) : undefined,
      toUtc: filter.to ? endOfLocalDayUtc(filter.to) : undefined,
    };
    let unit = null;
    if (filter.unit) {
      unit = await resolveUnitPlacement(db, filter.unit);
      if (!unit)
        throw validation([
          { path: 'query.unit', message: 'Unknown unit code.', messageVi: 'Mã đơn vị không tồn tại.' },
        ]);
    }
    if (filter.mine === 'true') {
      if (caller.kind !== 'user') throw forbidden();
      return {
        scope: placedInScopeAndUnit('support_records', 'everywhere', unit),
        filter: { ...f, authorUserId: caller.user.id },
      };
    }
    const grants = grantsFor(actorGrants(caller), action);
    if (grants.length === 0) throw forbidden();
    return { scope: placedInScopeAndUnit('support_records', grants, unit), filter: f };
  }

  function parseCursor(cursor: string | undefined): [string, string] | null {
    return readCursor(cursor, ['string', 'string'] as const);
  }

  /** Officers' and leaders' list in their scope (newest first), or a member's own history with `mine=true`. */
  async function listRecords(actor: Actor, query: SupportListQuery): Promise<Page<SupportRecord>> {
    const { scope, filter } = await scopeOf(actor, query, 'support.review');
    const rows = await records.list({
      scope,
      filter,
      after: parseCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toRecordView(r, recordActions(actor, r))),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.occurred_at, last.id]) : null,
    };
  }

  /**
   * The CSV export (support.export in scope). Authorisation and filters are checked before the first byte, then
   * rows stream page by page (keyset on occurred_at, id), so a province's half year never sits in memory at once.
   * The route sends it through Readable.from, which pulls the next page only when the socket drained the last
   * one and ends this generator when the client goes away, so an abandoned export stops querying.
   */
  async function exportCsv(actor: Actor, query: SupportFilter): Promise<AsyncIterable<string>> {
    const { scope, filter } = await scopeOf(actor, query, 'support.export');
    const serviceNames = new Map((await services.listServices(ANONYMOUS)).items.map((s) => [s.code, s.name]));
    const names = createExportNames(records, serviceNames);
    const pageSize = deps.exportPageSize ?? EXPORT_PAGE;
    async function* lines() {
      yield UTF8_BOM + csvLine(CSV_HEADER);
      const read = (after: [string, string] | null) => {
        const page = records.exportPage({ scope, filter, after, limit: pageSize });
        // A page read ahead and never awaited (the client went away) must not become an unhandled rejection.
        page.catch(() => undefined);
        return page;
      };
      let pending: Promise<ExportRow[]> | null = read(null);
      while (pending) {
        const rows: ExportRow[] = await pending;
        if (rows.length === 0) return;
        const last = rows[rows.length - 1]!;
        // On PostgreSQL the next page is read while this one is formatted: the database's work and ours overlap
        // (on SQLite the read is synchronous anyway and this only changes its place in the loop).
        pending = rows.length < pageSize ? null : read([last.occurred_at, last.id]);
        await names.load(rows);
        // Formatting is synchronous (≈ 10 µs a row): a slice at a time, letting the event loop serve other requests
        // (/healthz, lists) in between — and, on SQLite, between the synchronous page reads too.
        for (let i = 0; i < rows.length; i += FORMAT_SLICE) {
          yield rows
            .slice(i, i + FORMAT_SLICE)
            .map((r) => recordCsvLine(r, names))
            .join('');
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
    }
    return lines();
  }

  /**
   * The team page's figures over local days [from, to]: records by service and ISO week, people reached by age
   * band and gender, records per member. Corrected and withdrawn versions are not counted. Staff who read the
   * team, and its active members, may see them.
   */
  async function teamStats(
    actor: Actor,
    teamId: string,
    query: { from?: string | undefined; to?: string | undefined },
  ): Promise<TeamStats> {
    const caller = requireSignedIn(actor);
    const today = localDateOf(clock.now());
    const team = await teams.findById(teamId, today);
    if (!team) throw notFound('Team not found.', 'Không tìm thấy tổ công nghệ số.');
    const staff = canAt(actorGrants(caller), 'teams.read', teamPlacement(team));
    if (!staff) {
      const mine = caller.kind === 'user' ? await members.membershipsOfUserIn(caller.user.id, [team.id]) : [];
      if (!mine.some((m) => isActiveOn(m, today))) throw forbidden();
    }
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(DEFAULT_STATS_DAYS - 1));
    if (from > to || Date.parse(to) - Date.parse(from) > MAX_STATS_DAYS * 86_400_000) {
      throw new AppError('VALIDATION', undefined, {
        details: [
          {
            path: 'query.from',
            message: `Choose a period of at most ${MAX_STATS_DAYS} days.`,
            messageVi: `Chọn khoảng thời gian tối đa ${MAX_STATS_DAYS} ngày.`,
          },
        ],
      });
    }
    const rows = await records.statsRows(team.id, startOfLocalDayUtc(from), endOfLocalDayUtc(to));
    const byService = new Map<string, number>();
    const byWeek = new Map<string, { total: number; services: Record<string, number> }>();
    const people = new Map<string, number>();
    const perMember = new Map<string, { memberId: string | null; name: string; count: number }>();
    for (const r of rows) {
      const codes = JSON.parse(r.services_json) as string[];
      const week = isoWeekOf(r.occurred_at);
      const w = byWeek.get(week) ?? { total: 0, services: {} };
      w.total += 1;
      for (const code of codes) {
        byService.set(code, (byService.get(code) ?? 0) + 1);
        w.services[code] = (w.services[code] ?? 0) + 1;
      }
      byWeek.set(week, w);
      const pk = `${r.age_band}|${r.gender}`;
      people.set(pk, (people.get(pk) ?? 0) + 1);
      const mk = r.member_id ?? '';
      const m = perMember.get(mk) ?? {
        memberId: r.member_id,
        name: r.member_name ?? 'Cán bộ / tích hợp',
        count: 0,
      };
      m.count += 1;
      perMember.set(mk, m);
    }
    return {
      teamId: team.id,
      from,
      to,
      total: rows.length,
      byService: [...byService]
        .map(([service, count]) => ({ service, count }))
        .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service)),
      byWeek: [...byWeek].map(([week, w]) => ({ week, ...w })).sort((a, b) => a.week.localeCompare(b.week)),
      people: [...people].map(([k, count]) => {
        const [ageBand, gender] = k.split('|') as [AgeBand, Gender];
        return { ageBand, gender, count };
      }),
      members: [...perMember.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      targets: [],
    };
  }

  return { listRecords, exportCsv, teamStats };
}
export type SupportListsService = ReturnType<typeof createSupportListsService>;

/**
 * The names one export prints, looked up once per id as pages arrive (a province has a few thousand teams, hamlets
 * and members, against a million records), and each distinct service list formatted once.
 */
function createExportNames(records: SupportRecordsRepository, serviceNames: ReadonlyMap<string, string>) {
  const teams = new Map<string, string>();
  const hamlets = new Map<string, string>();
  const members = new Map<string, string | null>();
  const serviceLists = new Map<string, string>();
  const missing = (known: ReadonlyMap<string, unknown>, ids: Iterable<string | null>) => {
    const out = new Set<string>();
    for (const id of ids) if (id !== null && !known.has(id)) out.add(id);
    return [...out];
  };
  const names: ExportNames & { load(rows: readonly ExportRow[]): Promise<void> } = {
    async load(rows) {
      const ids = {
        teams: missing(teams, rows.map((r) => r.team_id)),
        hamlets: missing(hamlets, rows.map((r) => r.hamlet_id)),
        members: missing(members, rows.map((r) => r.member_id)),
      };
      if (ids.teams.length + ids.hamlets.length + ids.members.length === 0) return;
      const found = await records.namesOf(ids);
      // Remember misses too (as the id itself), so a deleted name is not asked for again on every page.
      for (const id of ids.teams) teams.set(id, id);
      for (const id of ids.hamlets) hamlets.set(id, id);
      for (const id of ids.members) members.set(id, null);
      for (const r of found.teams) teams.set(r.id, r.name);
      for (const r of found.hamlets) hamlets.set(r.id, r.name);
      for (const r of found.members) members.set(r.id, r.name);
    },
    team: (id) => teams.get(id) ?? id,
    hamlet: (id) => hamlets.get(id) ?? id,
    member: (id) => (id === null ? null : (members.get(id) ?? null)),
    services(json) {
      let text = serviceLists.get(json);
      if (text === undefined) {
        text = (JSON.parse(json) as string[]).map((code) => serviceNames.get(code) ?? code).join('; ');
        serviceLists.set(json, text);
      }
      return text;
    },
  };
  return names;
}
