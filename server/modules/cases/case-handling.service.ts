import type { Kysely } from 'kysely';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import type { InboxPage, InboxQuery } from './case-handling.types';
import {
  deadlineStatus,
  type CaseDeadlinePolicy,
  type DeadlineStatus,
} from '../../../shared/rules/case-deadlines';
import { isOpenState, type CaseState } from '../../../shared/rules/case-workflow';
import { grantsFor, type Action } from '../../../shared/rules/permissions';
import { localDateOf } from '../../../shared/time/vietnam-time';
import { addWorkingHours, type WorkingCalendar } from '../../../shared/time/working-time';
import type { DB } from '../../db/schema';
import { recordPersonalDataAccess } from '../../platform/access-log';
import type { AuditContext } from '../../platform/audit';
import { actorGrants, requireUser, type Actor } from '../../platform/auth/actor';
import type { Subtree } from '../../platform/auth/scope-sql';
import type { Clock } from '../../platform/clock';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { forbidden, notFound } from '../../platform/errors';
import { pageFromRows, readCursor } from '../../platform/paging';
import { presentHandlerCase } from './case-handling.presenter';
import type { CaseHandlingRepository, CaseRow, InboxScope } from './case-handling.repository';
import {
  agencyIdsOf,
  caseAbilities,
  caseActions,
  isCaseStaff,
  mayHandle,
  mayRead,
  mayTriage,
  NO_RELATION,
  type CaseRelation,
} from './cases.policy';

export const caseNotFound = () =>
  notFound('No such case in your area.', 'Không tìm thấy phản ánh trong phạm vi của bạn.');

/** What the handling services share: the rows, the clock, the calendar and the deadline policy of a province. */
export interface CaseHandlingContext {
  db: Kysely<DB>;
  clock: Clock;
  sealer: Sealer;
  repo: CaseHandlingRepository;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
  /** The routing rules' agency for a category at a place (the agencies module when wired). */
  suggestAgency: (
    provinceCode: string,
    categoryCode: string,
    communeCode: string | null,
  ) => Promise<string | null>;
}

export interface LoadedCase {
  row: CaseRow;
  rel: CaseRelation;
}

const subtreeOf = (g: {
  level: Subtree['level'];
  provinceCode: string;
  communeCode: string | null;
  hamletId: string | null;
}): Subtree => ({
  level: g.level,
  provinceCode: g.provinceCode,
  communeCode: g.communeCode,
  hamletId: g.hamletId,
});

/** Subtrees where the caller holds `action` — agency grants excluded (they reach cases by agency, not by place). */
export function placeScope(actor: Actor, actions: Action[]): Subtree[] {
  return actions.flatMap((a) =>
    grantsFor(actorGrants(actor), a)
      .filter((g) => g.role !== 'agency_handler')
      .map(subtreeOf),
  );
}

const CASE_STAFF_ACTIONS: Action[] = ['cases.triage', 'cases.handle', 'cases.supervise', 'cases.moderate'];

export function createCaseHandlingReads(ctx: CaseHandlingContext) {
  const { repo, clock, sealer } = ctx;

  async function relationOf(actor: Actor, row: CaseRow): Promise<CaseRelation> {
    if (row.kind !== 'proposal' || row.team_id === null || actor.kind !== 'user') return NO_RELATION;
    const led = await repo.teamsLedBy(actor.user.id, localDateOf(clock.now()));
    return { leadsRaisingTeam: led.includes(row.team_id) };
  }

  /** The case if the caller may read it; 404 otherwise (a case outside one's reach does not exist for them). */
  async function loadCase(actor: Actor, id: string): Promise<LoadedCase> {
    requireUser(actor);
    const row = await repo.findCase(id.toLowerCase());
    if (!row) throw caseNotFound();
    const rel = await relationOf(actor, row);
    if (!mayRead(actor, row, rel)) throw caseNotFound();
    return { row, rel };
  }

  async function currentDeadlineStatus(row: CaseRow, now: Date): Promise<DeadlineStatus | null> {
    const due = currentDue(row);
    if (due === null) return null;
    const [calendar, policy] = await Promise.all([
      ctx.calendarFor(row.province_code),
      ctx.deadlinesFor(row.province_code),
    ]);
    return deadlineStatus(calendar, policy, new Date(due), now);
  }

  function openContact(row: CaseRow) {
    return {
      name: openSealed(sealer, 'cases.reporter_name', row.reporter_name),
      phone: openSealed(sealer, 'cases.reporter_phone', row.reporter_phone),
      email: openSealed(sealer, 'cases.reporter_email', row.reporter_email),
    };
  }

  /** The handler view of a loaded case. */
  async function view(actor: Actor, loaded: LoadedCase): Promise<HandlerCase> {
    const { row } = loaded;
    const now = clock.now();
    const [updates, files, extensions, categories, communes, agencies, merged, status] = await Promise.all([
      repo.updatesOf(row.id),
      repo.filesOf(row.id),
      repo.extensionsOf(row.id),
      repo.categoryNames(row.province_code),
      repo.communeNames([row.commune_code]),
      repo.agencyNames([row.agency_id]),
      row.merged_into_id ? repo.findCase(row.merged_into_id) : Promise.resolve(undefined),
      currentDeadlineStatus(row, now),
    ]);
    const staff = isCaseStaff(actor, row);
    const contact = openContact(row);
    const hashes = [row.reporter_phone_hash, row.reporter_email_hash].filter(
      (h): h is NonNullable<typeof h> => h !== null,
    );
    const blocked =
      staff && hashes.length > 0
        ? (await repo.activeBlocks(row.province_code, hashes, now.toISOString())).length > 0
        : false;
    const triage = mayTriage(actor, row);
    const suggested =
      triage &&
      (row.state === 'submitted' ||
        row.state === 'accepted' ||
        row.state === 'assigned' ||
        row.state === 'in_progress')
        ? await ctx.suggestAgency(row.province_code, row.category_code, row.commune_code)
        : null;
    const pendingExtension = extensions.some((e) => e.status === 'pending');
    const hasContact =
      row.contact_anonymised_at === null && (contact.phone !== null || contact.email !== null);
    const category = categories.find((c) => c.code === row.category_code);
    return presentHandlerCase({
      row,
      updates,
      files,
      extensions: staff ? extensions : [],
      categoryName: category?.name_vi ?? row.category_code,
      communeName: communes[0]?.name ?? null,
      agencyName: agencies[0]?.name ?? null,
      mergedIntoCode: merged?.code ?? null,
      // The leader of the team that raised a proposal is its reporter: their own name, never a citizen's contact.
      reporter: staff
        ? { ...contact, blocked }
        : { name: contact.name, phone: null, email: null, blocked: false },
      deadlineStatus: status,
      caseActions: caseActions(actor, row),
      can: staff ? caseAbilities(actor, row, { pendingExtension, hasContact }) : [],
      suggestedAgencyId: suggested,
      staff,
      now,
    });
  }

  async function getCase(actor: Actor, id: string): Promise<HandlerCase> {
    return view(actor, await loadCase(actor, id));
  }

  /** The inbox scope of the caller for a box, in SQL terms. */
  async function scopeFor(actor: Actor, box: InboxQuery['box']): Promise<InboxScope> {
    const user = requireUser(actor);
    const agencyIds = agencyIdsOf(actor);
    const receiving = placeScope(actor, ['cases.triage']);
    if (box === 'agency') return { caseSubtrees: [], proposalSubtrees: [], agencyIds, teamIds: [] };
    if (box === 'commune') {
      return {
        caseSubtrees: receiving,
        proposalSubtrees: placeScope(actor, ['proposals.triage']),
        agencyIds: [],
        teamIds: [],
      };
    }
    return {
      caseSubtrees: placeScope(actor, CASE_STAFF_ACTIONS),
      proposalSubtrees: placeScope(actor, ['proposals.triage']),
      agencyIds,
      teamIds: await repo.teamsLedBy(user.user.id, localDateOf(clock.now())),
    };
  }

  /**
   * GET /case-inbox: the cases in the caller's box, newest first, with the box's counts. `overdue=true` is the
   * leaders' overdue list (with `box=all`, everything overdue in their reach). "Due soon" is counted up to the
   * instant the province's warning time (in working hours) reaches from now.
   */
  async function inbox(actor: Actor, query: InboxQuery): Promise<InboxPage> {
    const emptyScope = (s: InboxScope) =>
      s.caseSubtrees.length + s.proposalSubtrees.length + s.agencyIds.length + s.teamIds.length === 0;
    // No case in reach at all: 403. A box that is empty for this caller (no agency of their own…): an empty page.
    const all = await scopeFor(actor, 'all');
    if (emptyScope(all)) throw forbidden();
    const scope = query.box === 'all' ? all : await scopeFor(actor, query.box);
    const before = readCursor(query.cursor, ['string', 'string'] as const);
    const now = clock.now();
    const nowIso = now.toISOString();
    const filter = {
      ...(query.agencyId ? { agencyId: query.agencyId } : {}),
      ...(query.commune ? { commune: query.commune } : {}),
      ...(query.state ? { state: query.state } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.severity ? { severity: query.severity } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.overdue === 'true' ? { overdueAt: nowIso } : {}),
      ...(query.q ? { q: query.q } : {}),
    };
    const provinces = [...new Set(actorGrants(actor).map((g) => g.provinceCode))];
    const calendars = new Map<string, { calendar: WorkingCalendar; policy: CaseDeadlinePolicy }>();
    for (const p of provinces)
      calendars.set(p, { calendar: await ctx.calendarFor(p), policy: await ctx.deadlinesFor(p) });
    const home = calendars.get(provinces[0]!)!;
    const dueSoonUntil = addWorkingHours(home.calendar, now, home.policy.warnBeforeHours).toISOString();
    const [rows, counts] = await Promise.all([
      repo.inboxPage(scope, filter, {
        before: before ? { at: before[0], id: before[1] } : null,
        limit: query.limit + 1,
      }),
      repo.inboxCounts(
        scope,
        {
          ...(filter.agencyId ? { agencyId: filter.agencyId } : {}),
          ...(filter.commune ? { commune: filter.commune } : {}),
        },
        nowIso,
        dueSoonUntil,
      ),
    ]);
    const shown = rows.slice(0, query.limit);
    const [photos, communes, agencies] = await Promise.all([
      repo.photoCounts(shown.map((r) => r.id)),
      repo.communeNames(shown.map((r) => r.commune_code)),
      repo.agencyNames(shown.map((r) => r.agency_id)),
    ]);
    const categoryNames = new Map<string, string>();
    for (const p of new Set(shown.map((r) => r.province_code))) {
      for (const c of await repo.categoryNames(p)) categoryNames.set(`${p}:${c.code}`, c.name_vi);
    }
    for (const p of new Set(shown.map((r) => r.province_code))) {
      if (!calendars.has(p))
        calendars.set(p, { calendar: await ctx.calendarFor(p), policy: await ctx.deadlinesFor(p) });
    }
    const page = pageFromRows(
      rows,
      query.limit,
      (last) => [last.submitted_at, last.id],
      (r) => {
        const due = currentDue(r);
        const cal = calendars.get(r.province_code)!;
        return {
          id: r.id,
          code: r.code,
          kind: r.kind,
          title: r.title,
          categoryCode: r.category_code,
          categoryName: categoryNames.get(`${r.province_code}:${r.category_code}`) ?? r.category_code,
          severity: r.severity,
          state: r.state,
          communeCode: r.commune_code,
          communeName: communes.find((c) => c.code === r.commune_code)?.name ?? null,
          agencyId: r.agency_id,
          agencyName: agencies.find((a) => a.id === r.agency_id)?.name ?? null,
          submittedAt: r.submitted_at,
          dueAt: due,
          deadlineStatus: due ? deadlineStatus(cal.calendar, cal.policy, new Date(due), now) : null,
          hidden: r.hidden === 1,
          photoCount: Number(photos.find((p) => p.case_id === r.id)?.n ?? 0),
        };
      },
    );
    return { ...page, counts };
  }

  /**
   * POST /cases/{id}/reveal-contact: the reporter's full phone and e-mail for a handler in scope, who states why;
   * each revealed field is written to the personal-data access log in the same transaction as nothing else — the
   * log row exists before the value leaves the server.
   */
  async function revealContact(actor: Actor, id: string, reason: string, audit: AuditContext) {
    const caller = requireUser(actor);
    const { row } = await loadCase(actor, id);
    if (!mayHandle(actor, row) && !mayTriage(actor, row)) throw forbidden();
    const contact = openContact(row);
    if (row.contact_anonymised_at !== null || (contact.phone === null && contact.email === null)) {
      throw notFound(
        'The reporter left no contact (or it has been anonymised).',
        'Người phản ánh không để lại liên hệ (hoặc đã được ẩn danh).',
      );
    }
    await ctx.db.transaction().execute(async (trx) => {
      for (const field of ['phone', 'email'] as const) {
        if (contact[field] === null) continue;
        await recordPersonalDataAccess(trx, {
          at: audit.at,
          actor_user_id: caller.user.id,
          subject_type: 'case',
          subject_id: row.id,
          field,
          reason,
          province_code: row.province_code,
          commune_code: row.commune_code,
        });
      }
    });
    return { phone: contact.phone ? `0${contact.phone.slice(3)}` : null, email: contact.email };
  }

  return {
    loadCase,
    view,
    getCase,
    inbox,
    revealContact,
    currentDeadlineStatus,
    openContact,
  };
}
export type CaseHandlingReads = ReturnType<typeof createCaseHandlingReads>;

/** The deadline of the step the case is at: acceptance while submitted, handling while with an agency. */
export function currentDue(row: Pick<CaseRow, 'state' | 'accept_due_at' | 'handle_due_at'>): string | null {
  if (row.state === 'submitted') return row.accept_due_at;
  if (isOpenState(row.state as CaseState)) return row.handle_due_at;
  return null;
}
