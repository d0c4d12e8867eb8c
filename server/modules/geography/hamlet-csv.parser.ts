import Papa from 'papaparse';
import type { HamletKind } from '../../../shared/contracts/units';
import { foldText } from '../../../shared/text/fold';

/**
 * Kind words accepted in a file, folded (case and diacritics ignored): the codes, the Vietnamese words, and the
 * regional names of hamlet-like areas (bản, buôn, làng, xóm, sóc, phum, khóm), which are kept as "other".
 */
const KIND_WORDS: Record<string, HamletKind> = {
  ap: 'ap',
  khu_pho: 'khu_pho',
  thon: 'thon',
  to_dan_pho: 'to_dan_pho',
  other: 'other',
  khac: 'other',
  ban: 'other',
  buon: 'other',
  lang: 'other',
  xom: 'other',
  soc: 'other',
  phum: 'other',
  khom: 'other',
};

export function parseHamletKind(value: string): HamletKind | null {
  return KIND_WORDS[foldText(value).replace(/ /g, '_')] ?? null;
}

export interface RawRow {
  line: number;
  cells: Record<string, string>;
  malformed: boolean;
}

/** Splits the CSV into rows keyed by the normalised header, with the line each row starts on. */
export function readCsv(csv: string): { header: string[]; rows: RawRow[] } {
  const text = csv.replace(/^\uFEFF/, '');
  const records: { line: number; data: string[]; malformed: boolean }[] = [];
  let consumed = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      records.push({ line, data: result.data, malformed: result.errors.length > 0 });
      for (let i = consumed; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      consumed = end;
    },
  });
  const nonEmpty = records.filter((r) => r.data.some((c) => c.trim() !== ''));
  const [head, ...body] = nonEmpty;
  if (!head) return { header: [], rows: [] };
  const header = head.data.map((h) => foldText(h).replace(/ /g, '_'));
  return {
    header,
    rows: body.map((r) => ({
      line: r.line,
      malformed: r.malformed,
      cells: Object.fromEntries(header.map((h, i) => [h, (r.data[i] ?? '').trim()])),
    })),
  };
}

/** Excel drops leading zeros ("2320" for 02320): digit-only codes shorter than 5 are padded back. */
export function normalizeCommuneCode(value: string): string {
  return /^\d{1,4}$/.test(value) ? value.padStart(5, '0') : value;
}
