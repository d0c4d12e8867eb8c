import { addWorkingDays, addWorkingHours, workingMinutesBetween, type WorkingCalendar } from '../time/working-time';
import type { CaseSeverity } from './case-workflow';

/**
 * A case's deadlines in working time (issue 10, domain.md §3 after Hà Nội's Decision 1207/QĐ-UBND 2025): accepted
 * within 8 working hours of submission; an urgent case handled within 4 working hours of acceptance; normal and
 * complex durations set per province (Tây Ninh's Decision 63/2025 figures are unconfirmed, so they are settings).
 */
export interface CaseDeadlinePolicy {
  acceptWithinHours: number;
  urgentWithinHours: number;
  normalWithinDays: number;
  complexWithinDays: number;
  /** How long before a deadline the agency is warned. */
  warnBeforeHours: number;
}

export const DEFAULT_CASE_DEADLINES: CaseDeadlinePolicy = {
  acceptWithinHours: 8,
  urgentWithinHours: 4,
  normalWithinDays: 10,
  complexWithinDays: 20,
  warnBeforeHours: 4,
};

/** Refuses a policy no handler could work to (a zero or fractional day count, a negative hour). */
export function validateDeadlinePolicy(p: CaseDeadlinePolicy): string[] {
  const problems: string[] = [];
  for (const key of ['acceptWithinHours', 'urgentWithinHours', 'warnBeforeHours'] as const) {
    if (!Number.isFinite(p[key]) || p[key] <= 0 || p[key] > 200) problems.push(`${key} must be between 0 and 200 hours`);
  }
  for (const key of ['normalWithinDays', 'complexWithinDays'] as const) {
    if (!Number.isInteger(p[key]) || p[key] < 1 || p[key] > 90) problems.push(`${key} must be a whole number of days, 1–90`);
  }
  if (p.complexWithinDays < p.normalWithinDays) problems.push('complexWithinDays must not be shorter than normalWithinDays');
  return problems;
}

/** The instant a submitted case must be accepted (or refused) by. */
export function acceptDeadline(calendar: WorkingCalendar, policy: CaseDeadlinePolicy, submittedAt: Date): Date {
  return addWorkingHours(calendar, submittedAt, policy.acceptWithinHours);
}

/**
 * The instant an accepted case must be answered by, counted from acceptance (or from a reopening, which starts
 * the handling time again); an approved extension adds working days.
 */
export function handlingDeadline(
  calendar: WorkingCalendar,
  policy: CaseDeadlinePolicy,
  severity: CaseSeverity,
  from: Date,
  extensionDays = 0,
): Date {
  if (!Number.isInteger(extensionDays) || extensionDays < 0) throw new RangeError('extensionDays must be a whole number ≥ 0');
  if (severity === 'urgent') {
    const due = addWorkingHours(calendar, from, policy.urgentWithinHours);
    return extensionDays === 0 ? due : addWorkingDays(calendar, due, extensionDays);
  }
  const days = severity === 'complex' ? policy.complexWithinDays : policy.normalWithinDays;
  return addWorkingDays(calendar, from, days + extensionDays);
}

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue';

/** Where a deadline stands now: overdue once passed; due soon within the policy's warning time (working hours). */
export function deadlineStatus(calendar: WorkingCalendar, policy: CaseDeadlinePolicy, due: Date, now: Date): DeadlineStatus {
  if (now.getTime() > due.getTime()) return 'overdue';
  return workingMinutesBetween(calendar, now, due) <= policy.warnBeforeHours * 60 ? 'due_soon' : 'on_time';
}

/** A step done by its deadline counts as on time (the statistics' on-time rate). */
export function doneOnTime(due: Date, doneAt: Date): boolean {
  return doneAt.getTime() <= due.getTime();
}
