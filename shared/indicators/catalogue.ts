import { AGE_BANDS, GENDERS, OUTCOMES } from '../contracts/support';
import { parseExpression, type IndicatorFormula } from './formula';

/**
 * What leaders steer by (issue 12): the data elements — counted from the platform's own activity, or entered and
 * imported from official sources — and the indicators computed from them. Codes are DHIS2 codes (`idScheme=code`
 * in the dataValueSets exchange), so they never change once published; names are the screens' and reports'.
 */

export type ElementSource = 'computed' | 'entered';
/** A disaggregation (DHIS2's category): the options a value may be split by. */
export type Disaggregation = 'ageBand' | 'gender' | 'outcome' | 'service';

export const DISAGGREGATION_OPTIONS: Record<Exclude<Disaggregation, 'service'>, readonly string[]> = {
  ageBand: AGE_BANDS,
  gender: GENDERS,
  outcome: OUTCOMES,
};

export interface DataElement {
  code: string;
  nameVi: string;
  nameEn: string;
  source: ElementSource;
  /** What a value counts, for labels and reports ("lượt", "người", "%"). */
  unitVi: string;
  unitEn: string;
  disaggregations: readonly Disaggregation[];
}

const el = (
  code: string,
  source: ElementSource,
  nameVi: string,
  nameEn: string,
  [unitVi, unitEn]: [string, string],
  disaggregations: readonly Disaggregation[] = [],
): DataElement => ({ code, source, nameVi, nameEn, unitVi, unitEn, disaggregations });

const TIMES: [string, string] = ['lượt', 'times'];
const PEOPLE: [string, string] = ['người', 'people'];
const ITEMS: [string, string] = ['hồ sơ', 'items'];
const TEAMS: [string, string] = ['tổ', 'teams'];

export const DATA_ELEMENTS: readonly DataElement[] = [
  el('SUPPORT_RECORDS', 'computed', 'Lượt hỗ trợ người dân', 'Support given', TIMES, [
    'service',
    'outcome',
    'ageBand',
    'gender',
  ]),
  el('PEOPLE_REACHED', 'computed', 'Số người được hỗ trợ', 'People reached', PEOPLE, ['ageBand', 'gender']),
  el('HELP_REQUESTS_RECEIVED', 'computed', 'Yêu cầu hỗ trợ đã nhận', 'Help requests received', ITEMS),
  el('HELP_REQUESTS_DONE', 'computed', 'Yêu cầu hỗ trợ đã hoàn thành', 'Help requests done', ITEMS),
  el(
    'CASES_RECEIVED',
    'computed',
    'Phản ánh, kiến nghị đã tiếp nhận',
    'Reports and petitions received',
    ITEMS,
  ),
  el('CASES_ANSWERED', 'computed', 'Phản ánh, kiến nghị đã trả lời', 'Reports and petitions answered', ITEMS),
  el(
    'CASES_ANSWERED_ON_TIME',
    'computed',
    'Phản ánh, kiến nghị trả lời đúng hạn',
    'Reports and petitions answered on time',
    ITEMS,
  ),
  el('QUESTIONS_ANSWERED', 'computed', 'Câu hỏi đã được trả lời', 'Questions answered', ITEMS),
  el('TEAMS', 'computed', 'Số tổ công nghệ số cộng đồng', 'Community digital technology teams', TEAMS),
  el('TEAMS_ACTIVE', 'computed', 'Số tổ có hoạt động trong kỳ', 'Teams active in the period', TEAMS),
  el(
    'MEMBERS_ACTIVE',
    'computed',
    'Thành viên có hoạt động trong kỳ',
    'Members active in the period',
    PEOPLE,
  ),
  el('ADULT_POPULATION', 'entered', 'Dân số từ 18 tuổi', 'Adult population (18+)', PEOPLE),
  el('POPULATION_15_PLUS', 'entered', 'Dân số từ 15 tuổi', 'Population aged 15+', PEOPLE),
  el(
    'VNEID_L2_ACTIVATIONS',
    'entered',
    'Tài khoản VNeID mức 2 đã kích hoạt',
    'VNeID level-2 accounts',
    PEOPLE,
  ),
  el('DOSSIERS_TOTAL', 'entered', 'Tổng số hồ sơ thủ tục hành chính', 'Administrative dossiers', ITEMS),
  el('DOSSIERS_ONLINE', 'entered', 'Hồ sơ nộp trực tuyến', 'Dossiers filed online', ITEMS),
  el('PAYMENT_ACCOUNTS', 'entered', 'Người có tài khoản thanh toán', 'People with a payment account', PEOPLE),
  el(
    'SMARTPHONE_USERS',
    'entered',
    'Người trưởng thành dùng điện thoại thông minh',
    'Adults with a smartphone',
    PEOPLE,
  ),
];

export interface Indicator extends IndicatorFormula {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Shown with the value: "%" or the numerator's unit. */
  unitVi: string;
  unitEn: string;
  decimals: number;
  /** The headline indicators a dashboard and a role home open with. */
  headline: boolean;
}

function indicator(
  code: string,
  nameVi: string,
  nameEn: string,
  numerator: string,
  denominator: string,
  opts: { factor?: number; unit?: [string, string]; decimals?: number; headline?: boolean } = {},
): Indicator {
  const [unitVi, unitEn] = opts.unit ?? ['%', '%'];
  return {
    code,
    nameVi,
    nameEn,
    numerator: parseExpression(numerator),
    denominator: parseExpression(denominator),
    factor: opts.factor ?? 100,
    unitVi,
    unitEn,
    decimals: opts.decimals ?? 1,
    headline: opts.headline ?? false,
  };
}

const COUNT = { factor: 1, decimals: 0 } as const;

export const INDICATORS: readonly Indicator[] = [
  indicator(
    'VNEID_L2_RATE',
    'Tỷ lệ người trưởng thành có VNeID mức 2',
    'Adults with VNeID level 2',
    '#{VNEID_L2_ACTIVATIONS}',
    '#{ADULT_POPULATION}',
    { headline: true },
  ),
  indicator(
    'ONLINE_DOSSIER_RATE',
    'Tỷ lệ hồ sơ trực tuyến',
    'Dossiers filed online',
    '#{DOSSIERS_ONLINE}',
    '#{DOSSIERS_TOTAL}',
    { headline: true },
  ),
  indicator(
    'PAYMENT_ACCOUNT_RATE',
    'Tỷ lệ người từ 15 tuổi có tài khoản thanh toán',
    'People 15+ with a payment account',
    '#{PAYMENT_ACCOUNTS}',
    '#{POPULATION_15_PLUS}',
  ),
  indicator(
    'SMARTPHONE_RATE',
    'Tỷ lệ người trưởng thành dùng điện thoại thông minh',
    'Adults with a smartphone',
    '#{SMARTPHONE_USERS}',
    '#{ADULT_POPULATION}',
  ),
  indicator('PEOPLE_REACHED_TOTAL', 'Số người được hỗ trợ', 'People reached', '#{PEOPLE_REACHED}', '1', {
    ...COUNT,
    unit: ['người', 'people'],
    headline: true,
  }),
  indicator('SUPPORT_GIVEN', 'Lượt hỗ trợ', 'Support given', '#{SUPPORT_RECORDS}', '1', {
    ...COUNT,
    unit: ['lượt', 'times'],
  }),
  indicator('TEAMS_ACTIVE_RATE', 'Tỷ lệ tổ có hoạt động', 'Teams active', '#{TEAMS_ACTIVE}', '#{TEAMS}', {
    headline: true,
  }),
  indicator(
    'CASES_ON_TIME_RATE',
    'Tỷ lệ phản ánh trả lời đúng hạn',
    'Reports answered on time',
    '#{CASES_ANSWERED_ON_TIME}',
    '#{CASES_ANSWERED}',
  ),
  indicator(
    'HELP_REQUESTS_DONE_RATE',
    'Tỷ lệ yêu cầu hỗ trợ hoàn thành',
    'Help requests done',
    '#{HELP_REQUESTS_DONE}',
    '#{HELP_REQUESTS_RECEIVED}',
  ),
];

export const dataElementByCode = new Map(DATA_ELEMENTS.map((e) => [e.code, e]));
export const indicatorByCode = new Map(INDICATORS.map((i) => [i.code, i]));

export type TargetStatus = 'met' | 'near' | 'behind' | 'noTarget' | 'noData';

/** Within this share of its target an indicator is "near" (amber) rather than "behind" (red). */
export const NEAR_SHARE = 0.9;

/**
 * How an indicator stands against its target. Every indicator here is better higher (rates of adoption, people
 * reached); the status is shown as words as well as colour, so it never rests on colour alone.
 */
export function targetStatus(value: number | null, target: number | null): TargetStatus {
  if (value === null) return 'noData';
  if (target === null) return 'noTarget';
  if (value >= target) return 'met';
  return value >= target * NEAR_SHARE ? 'near' : 'behind';
}
