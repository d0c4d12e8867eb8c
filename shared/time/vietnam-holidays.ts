/**
 * Vietnam's public holidays for state bodies (cán bộ, công chức, viên chức; Monday–Friday week), year by year, each
 * year with the announcement it was copied from. Only weekdays off are listed (weekends are off anyway), plus the
 * Saturdays made working days by a swap. A province may add, swap or cancel days on top of this list
 * (server/modules/calendar); the list itself changes only with a new announcement, in code review.
 */

/** `holiday`: a weekday off work; `workday`: a Saturday worked to make up for a swapped day off. */
export type NationalDayKind = 'holiday' | 'workday';

export interface NationalCalendarDay {
  /** Local date "YYYY-MM-DD". */
  day: string;
  kind: NationalDayKind;
  nameVi: string;
  nameEn: string;
}

export interface NationalCalendarYear {
  year: number;
  /** The announcement the days were copied from, as officials cite it. */
  source: string;
  /** True while the year is computed from the Labour Code, before the ministry's announcement. */
  provisional: boolean;
  days: readonly NationalCalendarDay[];
}

const NEW_YEAR = { nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" };
const HUNG_KINGS = { nameVi: 'Giỗ Tổ Hùng Vương', nameEn: "Hùng Kings' Commemoration Day" };
const REUNIFICATION = {
  nameVi: 'Ngày Giải phóng miền Nam, thống nhất đất nước',
  nameEn: 'Reunification Day',
};
const LABOUR_DAY = { nameVi: 'Ngày Quốc tế Lao động', nameEn: "International Workers' Day" };
const NATIONAL_DAY = { nameVi: 'Quốc khánh', nameEn: 'National Day' };

const holiday = (day: string, names: { nameVi: string; nameEn: string }): NationalCalendarDay => ({
  day,
  kind: 'holiday',
  ...names,
});
const workday = (day: string, names: { nameVi: string; nameEn: string }): NationalCalendarDay => ({
  day,
  kind: 'workday',
  ...names,
});
const tet = (days: string[], nameVi: string, nameEn: string) =>
  days.map((day) => holiday(day, { nameVi, nameEn }));

export const VIETNAM_NATIONAL_CALENDAR: readonly NationalCalendarYear[] = [
  {
    year: 2025,
    source:
      'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch và Quốc khánh 2025 (11/2024); ' +
      'hoán đổi ngày làm việc dịp 30/4–1/5 theo thông báo của Bộ Nội vụ (03/2025)',
    provisional: false,
    days: [
      holiday('2025-01-01', NEW_YEAR),
      ...tet(
        ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
        'Tết Nguyên đán Ất Tỵ',
        'Lunar New Year (Year of the Snake)',
      ),
      holiday('2025-04-07', HUNG_KINGS),
      workday('2025-04-26', {
        nameVi: 'Làm bù cho ngày nghỉ hoán đổi 02/5',
        nameEn: 'Make-up working Saturday for the swapped day off on 2 May',
      }),
      holiday('2025-04-30', REUNIFICATION),
      holiday('2025-05-01', LABOUR_DAY),
      holiday('2025-05-02', {
        nameVi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)',
        nameEn: 'Swapped day off (worked on Saturday 26 April)',
      }),
      holiday('2025-09-01', NATIONAL_DAY),
      holiday('2025-09-02', NATIONAL_DAY),
    ],
  },
  {
    year: 2026,
    source:
      'Thông báo của Bộ Nội vụ về lịch nghỉ Tết Âm lịch, Quốc khánh 2026 (10/2025) và hoán đổi ngày làm việc dịp ' +
      'Tết Dương lịch 2026 (25/12/2025)',
    provisional: false,
    days: [
      holiday('2026-01-01', NEW_YEAR),
      holiday('2026-01-02', {
        nameVi: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01)',
        nameEn: "Swapped day off after New Year's Day (worked on Saturday 10 January)",
      }),
      workday('2026-01-10', {
        nameVi: 'Làm bù cho ngày nghỉ hoán đổi 02/01',
        nameEn: 'Make-up working Saturday for the swapped day off on 2 January',
      }),
      ...tet(
        ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
        'Tết Nguyên đán Bính Ngọ',
        'Lunar New Year (Year of the Horse)',
      ),
      holiday('2026-04-27', {
        nameVi: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)',
        nameEn: "Compensatory day off for Hùng Kings' Commemoration Day (26 April is a Sunday)",
      }),
      holiday('2026-04-30', REUNIFICATION),
      holiday('2026-05-01', LABOUR_DAY),
      holiday('2026-09-01', NATIONAL_DAY),
      holiday('2026-09-02', NATIONAL_DAY),
    ],
  },
  {
    year: 2027,
    source:
      'Tạm tính theo Điều 112 Bộ luật Lao động 2019 (âm lịch Việt Nam, múi giờ UTC+7: Tết Đinh Mùi 06/02/2027, ' +
      'Giỗ Tổ 16/04/2027); thay bằng thông báo của Bộ Nội vụ khi được ban hành',
    provisional: true,
    days: [
      holiday('2027-01-01', NEW_YEAR),
      ...tet(
        ['2027-02-05', '2027-02-08', '2027-02-09'],
        'Tết Nguyên đán Đinh Mùi',
        'Lunar New Year (Year of the Goat)',
      ),
      ...tet(
        ['2027-02-10', '2027-02-11'],
        'Nghỉ bù Tết Nguyên đán (mùng 1, mùng 2 Tết là thứ Bảy, Chủ nhật)',
        'Compensatory Lunar New Year days off (the first two days fall on Saturday and Sunday)',
      ),
      holiday('2027-04-16', HUNG_KINGS),
      holiday('2027-04-30', REUNIFICATION),
      holiday('2027-05-03', {
        nameVi: 'Nghỉ bù Ngày Quốc tế Lao động (01/5 là thứ Bảy)',
        nameEn: "Compensatory day off for International Workers' Day (1 May is a Saturday)",
      }),
      holiday('2027-09-02', NATIONAL_DAY),
      holiday('2027-09-03', NATIONAL_DAY),
    ],
  },
];

/** The national list of one year, or undefined when the list does not cover it yet. */
export function nationalCalendarYear(year: number): NationalCalendarYear | undefined {
  return VIETNAM_NATIONAL_CALENDAR.find((y) => y.year === year);
}

/** Every national entry of every year, keyed by date (dates are unique across the list). */
export const NATIONAL_DAYS_BY_DATE: ReadonlyMap<string, NationalCalendarDay> = new Map(
  VIETNAM_NATIONAL_CALENDAR.flatMap((y) => y.days.map((d) => [d.day, d] as const)),
);
