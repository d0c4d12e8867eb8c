import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { formatLocalDateTime } from '../../../shared/time/vietnam-time';
import type { CaseStatsRepository, ExportRow, StatsFilter } from './case-stats.repository';

/** Excel opens UTF-8 CSV with Vietnamese letters correctly only when the file starts with a byte-order mark. */
const UTF8_BOM = '\uFEFF';
const PAGE = 1000;

export const CASE_EXPORT_HEADER = [
  'Mã phản ánh',
  'Loại',
  'Thời điểm gửi',
  'Lĩnh vực',
  'Xã/phường',
  'Cơ quan xử lý',
  'Trạng thái',
  'Mức độ',
  'Hạn tiếp nhận',
  'Tiếp nhận lúc',
  'Tiếp nhận đúng hạn',
  'Hạn xử lý',
  'Trả lời lúc',
  'Trả lời đúng hạn',
  'Đóng lúc',
  'Đánh giá (1–5)',
];

const KIND_VI: Record<string, string> = {
  report: 'Phản ánh',
  petition: 'Kiến nghị',
  proposal: 'Đề xuất của tổ',
};
const STATE_VI: Record<string, string> = {
  submitted: 'Chờ tiếp nhận',
  accepted: 'Đã tiếp nhận',
  assigned: 'Đã chuyển xử lý',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
  refused: 'Từ chối',
  merged: 'Đã gộp',
};
const SEVERITY_VI: Record<string, string> = { urgent: 'Khẩn', complex: 'Phức tạp', normal: 'Thông thường' };

const time = (iso: string | null) => (iso === null ? null : formatLocalDateTime(iso));
const onTime = (due: string | null, done: string | null) =>
  due === null || done === null ? null : done <= due ? 'Có' : 'Không';

/** Names printed instead of codes and ids. */
export interface CaseExportNames {
  category(code: string): string;
  commune(code: string | null): string | null;
  agency(id: string | null): string | null;
}

/** One case as a line of the export: dates in Vietnam time; never the reporter's name, phone or e-mail. */
export function caseExportValues(r: ExportRow, names: CaseExportNames): (string | number | null)[] {
  return [
    r.code,
    KIND_VI[r.kind] ?? r.kind,
    time(r.submitted_at),
    names.category(r.category_code),
    names.commune(r.commune_code),
    names.agency(r.agency_id),
    STATE_VI[r.state] ?? r.state,
    SEVERITY_VI[r.severity] ?? r.severity,
    time(r.accept_due_at),
    time(r.accepted_at),
    onTime(r.accept_due_at, r.accepted_at),
    time(r.handle_due_at),
    time(r.answered_at),
    onTime(r.handle_due_at, r.answered_at),
    time(r.closed_at),
    r.rating,
  ];
}

/**
 * The export of the cases a statistic counts, page by page with keyset paging on (submitted_at, id): memory stays
 * one page whatever the period, and the names of a page's agencies and communes are looked up once each.
 */
export function createCaseExport(deps: { stats: CaseStatsRepository; pageSize?: number }) {
  const { stats } = deps;
  const pageSize = deps.pageSize ?? PAGE;

  async function* pages(
    f: StatsFilter,
    provinces: readonly string[],
  ): AsyncGenerator<(string | number | null)[][]> {
    const categories = await stats.categoryNames(provinces);
    const agencies = new Map<string, string>();
    const communes = new Map<string, string>();
    const names: CaseExportNames = {
      category: (code) => categories.get(code) ?? code,
      commune: (code) => (code === null ? null : (communes.get(code) ?? code)),
      agency: (id) => (id === null ? null : (agencies.get(id) ?? id)),
    };
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await stats.exportPage(f, after, pageSize);
      if (rows.length === 0) return;
      const newAgencies = rows
        .map((r) => r.agency_id)
        .filter((id): id is string => id !== null && !agencies.has(id));
      const newCommunes = rows
        .map((r) => r.commune_code)
        .filter((c): c is string => c !== null && !communes.has(c));
      for (const [id, name] of await stats.agencyNames(newAgencies)) agencies.set(id, name);
      for (const [code, name] of await stats.communeNames(newCommunes)) communes.set(code, name);
      yield rows.map((r) => caseExportValues(r, names));
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = [last.submitted_at, last.id];
    }
  }

  /** UTF-8 CSV with a BOM; a cell starting with = + - @ is escaped so it never runs as a formula in Excel. */
  async function* csv(f: StatsFilter, provinces: readonly string[]): AsyncGenerator<string> {
    const unparse = (rows: (string | number | null)[][]) =>
      `${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true })}\r\n`;
    yield UTF8_BOM + unparse([CASE_EXPORT_HEADER]);
    for await (const rows of pages(f, provinces)) {
      yield unparse(rows);
      // Let the event loop serve other requests between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** An .xlsx written with exceljs's streaming writer: each row is committed as it is written, never held whole. */
  function xlsx(f: StatsFilter, provinces: readonly string[]): Readable {
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Phản ánh');
    sheet.columns = CASE_EXPORT_HEADER.map((header, i) => ({ header, width: i === 0 ? 22 : 18 }));
    void (async () => {
      for await (const rows of pages(f, provinces)) {
        for (const values of rows) sheet.addRow(values).commit();
      }
      sheet.commit();
      await workbook.commit();
    })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
    return out;
  }

  return { csv, xlsx };
}
export type CaseExport = ReturnType<typeof createCaseExport>;
