import { CASE_STATES, type CaseState } from '../../../shared/rules/case-workflow';
import type { CaseStats, CaseStatsQuery } from '../../../shared/contracts/case-admin';
import { grantsFor } from '../../../shared/rules/permissions';
import {
  addDays,
  endOfLocalDayUtc,
  localDateOf,
  startOfLocalDayUtc,
} from '../../../shared/time/vietnam-time';
import { workingMinutesBetween, type WorkingCalendar } from '../../../shared/time/working-time';
import { actorGrants, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Subtree } from '../../platform/auth/scope-sql';
import type { Clock } from '../../platform/clock';
import { AppError, validation } from '../../platform/errors';
import type { CaseStatsRepository, StatsFilter } from './case-stats.repository';

/** The longest period one request counts (36 monthly buckets). */
const MAX_DAYS = 3 * 366;

/** The median of numbers (the mean of the two middle ones for an even count), null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const rate = (onTime: number, done: number) =>
  done === 0 ? null : Math.round((onTime / done) * 1000) / 1000;

/** [label 'yyyy-mm', startUtc, endUtc) for each local month touching [from, to]. */
export function monthRanges(from: string, to: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    out.push([
      label,
      startOfLocalDayUtc(`${label}-01`),
      startOfLocalDayUtc(`${ny}-${String(nm).padStart(2, '0')}-01`),
    ]);
    if (label >= last) return out;
    [y, m] = [ny, nm];
  }
}

/**
 * Supervisors' statistics (issue 10): cases.supervise in scope (a commune officer's commune, the province for
 * its department officers and administrators), all figures aggregated in SQL inside that scope. Times to accept
 * and to answer are medians in working hours on the province's calendar (computed here from the two instants of
 * each step, as working time is not something SQL can count).
 */
export function createCaseStatsService(deps: {
  stats: CaseStatsRepository;
  clock: Clock;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
}) {
  const { stats, clock } = deps;

  /** The caller's scope for statistics and the filter of the query; FORBIDDEN without cases.supervise anywhere. */
  function filterOf(
    actor: Actor,
    query: CaseStatsQuery,
  ): StatsFilter & { from: string; to: string; provinces: string[] } {
    requireSignedIn(actor);
    const grants = grantsFor(actorGrants(actor), 'cases.supervise');
    if (grants.length === 0) throw new AppError('FORBIDDEN');
    const scope: Subtree[] = grants.map((g) => ({
      level: g.level,
      provinceCode: g.provinceCode,
      communeCode: g.communeCode,
      hamletId: g.hamletId,
    }));
    const to = query.to ?? localDateOf(clock.now());
    const from = query.from ?? `${addDays(`${to.slice(0, 7)}-01`, -330).slice(0, 7)}-01`;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(days >= 0) || days > MAX_DAYS) {
      throw validation([
        {
          path: 'query.from',
          message: 'from must not be after to, and the period at most three years.',
          messageVi: 'Từ ngày phải trước đến ngày, và khoảng thời gian tối đa 3 năm.',
        },
      ]);
    }
    return {
      scope,
      from,
      to,
      provinces: [...new Set(grants.map((g) => g.provinceCode))],
      fromUtc: startOfLocalDayUtc(from),
      toUtc: endOfLocalDayUtc(to),
      communeCode: query.commune,
      agencyId: query.agency,
      categoryCode: query.category,
    };
  }

  async function medianWorkingHours(
    f: StatsFilter,
    step: 'accept' | 'answer',
    calendar: WorkingCalendar,
  ): Promise<number | null> {
    const rows = await stats.stepTimes(f, step);
    const minutes = rows.map((r) => workingMinutesBetween(calendar, new Date(r.start), new Date(r.end)));
    const m = median(minutes);
    return round1(m === null ? null : m / 60);
  }

  async function summary(actor: Actor, query: CaseStatsQuery): Promise<CaseStats> {
    const f = filterOf(actor, query);
    const calendar = await deps.calendarFor(f.provinces[0]!);
    const [
      totals,
      states,
      categories,
      agencies,
      communes,
      ratings,
      months,
      toAccept,
      toAnswer,
      categoryNames,
    ] = await Promise.all([
      stats.totals(f, clock.now().toISOString()),
      stats.countBy(f, 'state'),
      stats.countBy(f, 'category_code'),
      stats.countBy(f, 'agency_id'),
      stats.countBy(f, 'commune_code'),
      stats.countBy(f, 'rating'),
      stats.byMonth(f, monthRanges(f.from, f.to)),
      medianWorkingHours(f, 'accept', calendar),
      medianWorkingHours(f, 'answer', calendar),
      stats.categoryNames(f.provinces),
    ]);
    const [agencyNames, communeNames] = await Promise.all([
      stats.agencyNames(agencies.map((a) => a.key).filter((k): k is string => typeof k === 'string')),
      stats.communeNames(communes.map((c) => c.key).filter((k): k is string => typeof k === 'string')),
    ]);
    const byCount = <T extends { count: number }>(items: T[]) => items.sort((a, b) => b.count - a.count);
    const stateCounts = new Map(states.map((s) => [s.key as CaseState, s.count]));
    const monthCounts = new Map(months.map((m) => [m.month, m]));
    return {
      from: f.from,
      to: f.to,
      total: totals.total,
      open: totals.open,
      overdueOpen: totals.overdueOpen,
      byState: CASE_STATES.map((state) => ({ state, count: stateCounts.get(state) ?? 0 })),
      byCategory: byCount(
        categories.map((c) => ({
          code: String(c.key),
          name: categoryNames.get(String(c.key)) ?? String(c.key),
          count: c.count,
        })),
      ),
      byAgency: byCount(
        agencies.map((a) => ({
          agencyId: a.key === null ? null : String(a.key),
          name: a.key === null ? null : (agencyNames.get(String(a.key)) ?? null),
          count: a.count,
        })),
      ),
      byCommune: byCount(
        communes.map((c) => ({
          code: c.key === null ? null : String(c.key),
          name: c.key === null ? null : (communeNames.get(String(c.key)) ?? null),
          count: c.count,
        })),
      ),
      byMonth: monthRanges(f.from, f.to).map(([month]) => ({
        month,
        submitted: monthCounts.get(month)?.submitted ?? 0,
        answered: monthCounts.get(month)?.answered ?? 0,
      })),
      acceptOnTime: {
        done: totals.acceptDone,
        onTime: totals.acceptOnTime,
        rate: rate(totals.acceptOnTime, totals.acceptDone),
      },
      answerOnTime: {
        done: totals.answerDone,
        onTime: totals.answerOnTime,
        rate: rate(totals.answerOnTime, totals.answerDone),
      },
      medianHoursToAccept: toAccept,
      medianHoursToAnswer: toAnswer,
      satisfaction: {
        count: totals.rated,
        mean: totals.meanRating === null ? null : Math.round(totals.meanRating * 100) / 100,
        byRating: [1, 2, 3, 4, 5].map((rating) => ({
          rating,
          count: ratings.find((r) => Number(r.key) === rating)?.count ?? 0,
        })),
      },
    };
  }

  return { summary, filterOf };
}
export type CaseStatsService = ReturnType<typeof createCaseStatsService>;
