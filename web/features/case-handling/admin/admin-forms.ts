import type { z } from 'zod';
import type { CaseSettingsBodySchema } from '../../../../shared/contracts/case-admin';
import { AGENCY_KINDS, type Agency } from '../../../../shared/contracts/case-handling';
import { validateDeadlinePolicy, type CaseDeadlinePolicy } from '../../../../shared/rules/case-deadlines';

/**
 * The administrators' forms for the case engine: drafts as typed, the checks the server makes (errors are i18n keys
 * of "case-handling"), and the bodies sent. Numbers are typed as text so a half-typed value is never lost.
 */

type Errors<K extends string> = Partial<Record<K, string>>;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AgencyDraft {
  name: string;
  nameEn: string;
  kind: string;
  level: 'province' | 'commune';
  communeCode: string;
  email: string;
  phone: string;
  active: boolean;
}

export const EMPTY_AGENCY: AgencyDraft = {
  name: '',
  nameEn: '',
  kind: '',
  level: 'commune',
  communeCode: '',
  email: '',
  phone: '',
  active: true,
};

export function agencyDraftOf(a: Agency): AgencyDraft {
  return {
    name: a.name,
    nameEn: a.nameEn ?? '',
    kind: a.kind,
    level: a.communeCode ? 'commune' : 'province',
    communeCode: a.communeCode ?? '',
    email: a.email ?? '',
    phone: a.phone ?? '',
    active: a.active,
  };
}

export function agencyErrors(d: AgencyDraft): Errors<keyof AgencyDraft> {
  const errors: Errors<keyof AgencyDraft> = {};
  const name = d.name.trim().length;
  if (name < 2 || name > 200) errors.name = 'agencies.errors.name';
  if (!(AGENCY_KINDS as readonly string[]).includes(d.kind)) errors.kind = 'agencies.errors.kind';
  if (d.level === 'commune' && !/^\d{5}$/.test(d.communeCode)) errors.communeCode = 'agencies.errors.unit';
  if (d.email.trim() && !EMAIL.test(d.email.trim())) errors.email = 'agencies.errors.email';
  if (d.phone.trim().length > 20) errors.phone = 'agencies.errors.phone';
  return errors;
}

/** The body of POST /agencies (and of PATCH, which takes the same fields); a province agency sits at the province. */
export function agencyBody(d: AgencyDraft, provinceCode: string) {
  return {
    name: d.name.trim(),
    nameEn: d.nameEn.trim() || null,
    kind: d.kind as (typeof AGENCY_KINDS)[number],
    unitCode: d.level === 'province' ? provinceCode : d.communeCode,
    email: d.email.trim() || null,
    phone: d.phone.trim() || null,
    active: d.active,
  };
}

export const TEMPLATE_PURPOSES = ['refuse', 'accept', 'public_update', 'answer', 'reassign'] as const;
export interface TemplateDraft {
  purpose: string;
  title: string;
  body: string;
  active: boolean;
}
export const EMPTY_TEMPLATE: TemplateDraft = { purpose: '', title: '', body: '', active: true };

export function templateErrors(d: TemplateDraft): Errors<keyof TemplateDraft> {
  const errors: Errors<keyof TemplateDraft> = {};
  if (!(TEMPLATE_PURPOSES as readonly string[]).includes(d.purpose))
    errors.purpose = 'templates.errors.purpose';
  const title = d.title.trim().length;
  if (title < 2 || title > 120) errors.title = 'templates.errors.title';
  const body = d.body.trim().length;
  if (body < 5 || body > 4000) errors.body = 'templates.errors.body';
  return errors;
}

export function templateBody(d: TemplateDraft) {
  return {
    purpose: d.purpose as (typeof TEMPLATE_PURPOSES)[number],
    title: d.title.trim(),
    body: d.body.trim(),
    active: d.active,
  };
}

const HOUR_KEYS = ['acceptWithinHours', 'urgentWithinHours', 'warnBeforeHours'] as const;
const DAY_KEYS = ['normalWithinDays', 'complexWithinDays'] as const;
export type SettingsDraft = Record<keyof CaseDeadlinePolicy | 'retentionMonths', string> & {
  moderateAnonymous: boolean;
};
export type SettingsBody = z.infer<typeof CaseSettingsBodySchema>;

export function settingsDraftOf(s: {
  deadlines: CaseDeadlinePolicy;
  retentionMonths: number;
  moderateAnonymous: boolean;
}): SettingsDraft {
  return {
    acceptWithinHours: String(s.deadlines.acceptWithinHours),
    urgentWithinHours: String(s.deadlines.urgentWithinHours),
    normalWithinDays: String(s.deadlines.normalWithinDays),
    complexWithinDays: String(s.deadlines.complexWithinDays),
    warnBeforeHours: String(s.deadlines.warnBeforeHours),
    retentionMonths: String(s.retentionMonths),
    moderateAnonymous: s.moderateAnonymous,
  };
}

/** Checks the draft (the same limits as validateDeadlinePolicy) and builds the PUT body, or says what is wrong. */
export function settingsBody(
  d: SettingsDraft,
): { ok: true; body: SettingsBody } | { ok: false; errors: Errors<keyof SettingsDraft> } {
  const errors: Errors<keyof SettingsDraft> = {};
  const num = (v: string) => (/^\d+([.,]\d+)?$/.test(v.trim()) ? Number(v.trim().replace(',', '.')) : NaN);
  for (const key of HOUR_KEYS) {
    const v = num(d[key]);
    if (!(v > 0 && v <= 200)) errors[key] = 'settings.errors.hours';
  }
  for (const key of DAY_KEYS) {
    const v = num(d[key]);
    if (!Number.isInteger(v) || v < 1 || v > 90) errors[key] = 'settings.errors.days';
  }
  const months = num(d.retentionMonths);
  if (!Number.isInteger(months) || months < 1 || months > 60)
    errors.retentionMonths = 'settings.errors.retention';
  const deadlines: CaseDeadlinePolicy = {
    acceptWithinHours: num(d.acceptWithinHours),
    urgentWithinHours: num(d.urgentWithinHours),
    normalWithinDays: num(d.normalWithinDays),
    complexWithinDays: num(d.complexWithinDays),
    warnBeforeHours: num(d.warnBeforeHours),
  };
  if (
    !errors.normalWithinDays &&
    !errors.complexWithinDays &&
    deadlines.complexWithinDays < deadlines.normalWithinDays
  ) {
    errors.complexWithinDays = 'settings.errors.complexShorter';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The shared rule is the last word: anything it refuses here the server refuses too.
  if (validateDeadlinePolicy(deadlines).length > 0)
    return { ok: false, errors: { acceptWithinHours: 'settings.errors.hours' } };
  return { ok: true, body: { deadlines, retentionMonths: months, moderateAnonymous: d.moderateAnonymous } };
}
