import { z } from 'zod';
import { ActionSchema } from './accounts';
import { ProvinceCodeSchema } from './units';
import { findWorkingHoursProblems, isLocalDate, type WorkingHoursProblemCode } from '../time/working-time';

/**
 * The working-day calendar of a province (/api/v1/calendars/{provinceCode}): its working hours and, per year, the
 * national public holidays merged with the province's own days. Read by anyone; edited by the province's
 * administrators (calendar.manage).
 */

/** A province row: `holiday` adds a day off, `workday` a working day, `cancelled` removes the national entry. */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'cancelled'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CalendarDateSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (!isLocalDate(value))
      ctx.addIssue({
        code: 'custom',
        message: 'A real date written YYYY-MM-DD',
        params: { messageVi: 'Ngày phải có thật và viết theo dạng YYYY-MM-DD.' },
      });
  })
  .describe('A local date in Vietnam, "YYYY-MM-DD"');

/** "HH:mm" from 00:00 to 24:00 (24:00 closes a period at midnight). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time written HH:mm, 00:00 to 24:00')
  .describe('Local time "HH:mm" (Asia/Ho_Chi_Minh)');

/** "07:30" → 450. Input must have passed TimeOfDaySchema. */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** 450 → "07:30". */
export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export const WorkingPeriodSchema = z.strictObject({
  start: TimeOfDaySchema.describe('Start of the period, included'),
  end: TimeOfDaySchema.describe('End of the period, excluded: a deadline may fall exactly on it'),
});
export type WorkingPeriodBody = z.infer<typeof WorkingPeriodSchema>;

/** Both languages of each working-hours problem (shared/time/working-time.ts finds them). */
export const WORKING_HOURS_PROBLEM_MESSAGES: Record<WorkingHoursProblemCode, { en: string; vi: string }> = {
  no_periods: { en: 'Give at least one working period', vi: 'Cần ít nhất một khoảng giờ làm việc.' },
  period_bounds: {
    en: 'A period lies between 00:00 and 24:00',
    vi: 'Giờ làm việc phải nằm trong 00:00–24:00.',
  },
  period_empty: { en: 'A period must end after it starts', vi: 'Giờ kết thúc phải sau giờ bắt đầu.' },
  period_order: {
    en: 'Periods must be in time order and must not overlap',
    vi: 'Các khoảng giờ phải theo thứ tự thời gian và không được chồng lên nhau.',
  },
  no_weekdays: {
    en: 'Choose at least one working weekday',
    vi: 'Cần chọn ít nhất một ngày làm việc trong tuần.',
  },
  weekday_value: {
    en: 'A weekday is 1 (Monday) to 7 (Sunday)',
    vi: 'Thứ trong tuần là 1 (thứ Hai) đến 7 (Chủ nhật).',
  },
  weekday_repeated: { en: 'A weekday is listed twice', vi: 'Một ngày trong tuần bị chọn hai lần.' },
};

export const WorkingHoursBodySchema = z
  .strictObject({
    periods: z
      .array(WorkingPeriodSchema)
      .min(1)
      .max(6)
      .describe('The working periods of a working day, in time order, not overlapping'),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .describe('ISO weekdays normally worked: 1 = Monday … 7 = Sunday'),
  })
  .superRefine((body, ctx) => {
    const periods = body.periods.map((p) => [minutesOfTime(p.start), minutesOfTime(p.end)]);
    for (const problem of findWorkingHoursProblems(periods, body.weekdays)) {
      const text = WORKING_HOURS_PROBLEM_MESSAGES[problem.code];
      ctx.addIssue({ code: 'custom', path: problem.path, message: text.en, params: { messageVi: text.vi } });
    }
  });
export type WorkingHoursBody = z.infer<typeof WorkingHoursBodySchema>;

export const WorkingHoursSchema = z.object({
  periods: z.array(WorkingPeriodSchema),
  weekdays: z.array(z.number().int().min(1).max(7)),
  isDefault: z
    .boolean()
    .describe('True while the province keeps the national default (Mon–Fri 07:30–11:30, 13:30–17:00)'),
  updatedAt: z.string().nullable().describe('When the province last changed its hours (UTC)'),
});
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

const NameSchema = z.string().trim().min(2).max(160);

export const CalendarDayBodySchema = z.strictObject({
  kind: z
    .enum(CALENDAR_DAY_KINDS)
    .describe(
      '"holiday" adds a day off, "workday" a working day, "cancelled" removes the national entry of that day',
    ),
  nameVi: NameSchema.describe('Vietnamese name or reason, e.g. "Nghỉ lễ kỷ niệm ngày thành lập tỉnh"'),
  nameEn: NameSchema.describe('English name or reason'),
});
export type CalendarDayBody = z.infer<typeof CalendarDayBodySchema>;

export const CalendarDaySchema = z.object({
  day: z.string().describe('Local date "YYYY-MM-DD"'),
  kind: z.enum(CALENDAR_DAY_KINDS),
  nameVi: z.string(),
  nameEn: z.string(),
  origin: z.enum(['national', 'province']).describe('From the national list, or a row of this province'),
  isWorkingDay: z.boolean().describe('Whether the day is worked in this province once every rule is applied'),
  national: z
    .object({ kind: z.enum(['holiday', 'workday']), nameVi: z.string(), nameEn: z.string() })
    .nullable()
    .describe('The national entry of the same day that a province row replaces'),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarYearSchema = z.object({
  provinceCode: z.string(),
  year: z.number().int(),
  hours: WorkingHoursSchema,
  national: z
    .object({
      source: z.string().describe('The announcement the national days of the year were copied from'),
      provisional: z
        .boolean()
        .describe('True while the year is computed from the Labour Code, before the announcement'),
    })
    .nullable()
    .describe('null when the national list does not cover the year'),
  nationalYears: z.array(z.number().int()).describe('Years the national list covers'),
  days: z
    .array(CalendarDaySchema)
    .describe('Every holiday, working day and cancellation of the year, by date'),
  actions: z
    .array(ActionSchema)
    .describe('"calendar.manage" when the caller may edit this province’s calendar'),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const CalendarParamsSchema = z.strictObject({ provinceCode: ProvinceCodeSchema });
export const CalendarDayParamsSchema = z.strictObject({
  provinceCode: ProvinceCodeSchema,
  day: CalendarDateSchema,
});
export const CalendarYearQuerySchema = z.strictObject({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('The year to list; the current year in Vietnam when omitted'),
});
