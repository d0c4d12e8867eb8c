import type { ExportRow } from './support-records.repository';
import { formatLocalDateTime } from '../../../shared/time/vietnam-time';

/** Excel opens UTF-8 CSV with Vietnamese letters correctly only when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

const OUTCOME_VI: Record<string, string> = {
  done: 'Hoàn thành',
  partly: 'Một phần',
  follow_up: 'Cần hỗ trợ thêm',
};
const AGE_VI: Record<string, string> = {
  under_18: 'Dưới 18',
  '18_39': '18–39',
  '40_59': '40–59',
  '60_plus': 'Từ 60',
};
const GENDER_VI: Record<string, string> = { female: 'Nữ', male: 'Nam', other: 'Khác', unknown: 'Không rõ' };
const STATE_VI: Record<string, string> = {
  active: 'Hiệu lực',
  superseded: 'Đã được sửa',
  retracted: 'Đã rút',
};
const REVIEW_VI: Record<string, string> = {
  pending: 'Chờ duyệt',
  reviewed: 'Đã duyệt',
  flagged: 'Cần xem lại',
};

export const CSV_HEADER = [
  'Mã lượt hỗ trợ',
  'Thời điểm',
  'Mã xã/phường',
  'Ấp/khu phố',
  'Tổ',
  'Thành viên',
  'Dịch vụ',
  'Kết quả',
  'Nhóm tuổi',
  'Giới tính',
  'Đồng ý',
  'Thời lượng (phút)',
  'Ghi chú',
  'Trạng thái',
  'Duyệt',
  'Sửa cho',
];

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a leading = + - @ is neutralised so a
 * note typed in the field can never run as a formula in Excel.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Names the export prints instead of ids; an id without a name prints as itself. */
export interface ExportNames {
  team(id: string): string;
  hamlet(id: string): string;
  member(id: string | null): string | null;
  /** The "; "-joined service names of a record's canonical services_json. */
  services(servicesJson: string): string;
}

export function recordCsvLine(r: ExportRow, names: ExportNames): string {
  return csvLine([
    r.id,
    formatLocalDateTime(r.occurred_at),
    r.commune_code,
    names.hamlet(r.hamlet_id),
    names.team(r.team_id),
    names.member(r.member_id),
    names.services(r.services_json),
    OUTCOME_VI[r.outcome] ?? r.outcome,
    AGE_VI[r.age_band] ?? r.age_band,
    GENDER_VI[r.gender] ?? r.gender,
    r.consent === 1 ? 'Có' : 'Không',
    r.duration_minutes,
    r.note,
    STATE_VI[r.state] ?? r.state,
    REVIEW_VI[r.review_status] ?? r.review_status,
    r.supersedes,
  ]);
}
