/**
 * The categories a province starts with (issue 10): plain words a citizen recognises, at most 20 for citizens, always
 * one "Khác" (other). Each is an Open311 service (its `code` is the service_code); a category with extra questions
 * exposes them as an Open311 service definition. Teams' proposals have their own themes (kind 'proposal'), which
 * are not offered to citizens and are not Open311 services. Administrators edit names, order and routing later.
 */
import type { CaseKind, CaseSeverity } from './case-workflow';

export const MAX_CITIZEN_CATEGORIES = 20;
export const OTHER_CATEGORY_CODE = 'other';

/** Open311 attribute datatypes (GeoReport v2 service definition). */
export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

export interface CategoryAttribute {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  descriptionVi: string;
  descriptionEn: string;
  values?: { key: string; nameVi: string; nameEn: string }[];
}

export interface CategoryDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  /** Open311 `group`. */
  group: 'infrastructure' | 'environment' | 'order' | 'digital' | 'social' | 'administration' | 'other' | 'team';
  keywords: string;
  kinds: CaseKind[];
  defaultSeverity: CaseSeverity;
  attributes: CategoryAttribute[];
}

const REPORT: CaseKind[] = ['report'];
const BOTH: CaseKind[] = ['report', 'petition'];

export const DEFAULT_CATEGORIES: readonly CategoryDefinition[] = [
  {
    code: 'roads',
    nameVi: 'Đường sá, cầu cống hư hỏng',
    nameEn: 'Damaged roads, bridges and culverts',
    descriptionVi: 'Ổ gà, sụt lún, cầu yếu, biển báo hỏng',
    descriptionEn: 'Potholes, subsidence, weak bridges, broken signs',
    group: 'infrastructure',
    keywords: 'đường, ổ gà, cầu, road, pothole',
    kinds: REPORT,
    defaultSeverity: 'normal',
    attributes: [
      {
        code: 'hazard',
        datatype: 'singlevaluelist',
        required: false,
        descriptionVi: 'Hư hỏng loại gì?',
        descriptionEn: 'What kind of damage?',
        values: [
          { key: 'pothole', nameVi: 'Ổ gà', nameEn: 'Pothole' },
          { key: 'subsidence', nameVi: 'Sụt lún', nameEn: 'Subsidence' },
          { key: 'sign', nameVi: 'Biển báo hỏng', nameEn: 'Broken sign' },
          { key: 'bridge', nameVi: 'Cầu, cống hư', nameEn: 'Damaged bridge or culvert' },
        ],
      },
    ],
  },
  {
    code: 'traffic_safety',
    nameVi: 'An toàn giao thông',
    nameEn: 'Traffic safety',
    descriptionVi: 'Điểm đen tai nạn, đèn tín hiệu hỏng, vật cản trên đường',
    descriptionEn: 'Accident black spots, broken traffic lights, obstacles on the road',
    group: 'infrastructure',
    keywords: 'giao thông, tai nạn, đèn tín hiệu, traffic',
    kinds: REPORT,
    defaultSeverity: 'urgent',
    attributes: [],
  },
  {
    code: 'street_lighting',
    nameVi: 'Đèn đường không sáng',
    nameEn: 'Street light out',
    descriptionVi: 'Đèn chiếu sáng công cộng hỏng, chập chờn, sáng ban ngày',
    descriptionEn: 'Public lighting broken, flickering or lit by day',
    group: 'infrastructure',
    keywords: 'đèn đường, chiếu sáng, street light',
    kinds: REPORT,
    defaultSeverity: 'normal',
    attributes: [
      {
        code: 'pole_number',
        datatype: 'string',
        required: false,
        descriptionVi: 'Số trụ đèn (nếu thấy)',
        descriptionEn: 'Pole number (if visible)',
      },
    ],
  },
  {
    code: 'waste',
    nameVi: 'Rác thải, vệ sinh môi trường',
    nameEn: 'Rubbish and sanitation',
    descriptionVi: 'Rác tồn đọng, đổ rác trái phép, mùi hôi',
    descriptionEn: 'Uncollected rubbish, fly-tipping, bad smells',
    group: 'environment',
    keywords: 'rác, vệ sinh, môi trường, waste',
    kinds: BOTH,
    defaultSeverity: 'normal',
    attributes: [],
  },
  {
    code: 'water_drainage',
    nameVi: 'Cấp nước, thoát nước, ngập úng',
    nameEn: 'Water supply, drainage and flooding',
    descriptionVi: 'Mất nước, vỡ ống, cống nghẹt, ngập khi mưa',
    descriptionEn: 'No water, burst pipes, blocked drains, flooding in rain',
    group: 'infrastructure',
    keywords: 'nước, ngập, cống, flood, water',
    kinds: BOTH,
    defaultSeverity: 'normal',
    attributes: [],
  },
  {
    code: 'pollution',
    nameVi: 'Ô nhiễm (khói, bụi, nước thải, tiếng ồn)',
    nameEn: 'Pollution (smoke, dust, waste water, noise)',
    descriptionVi: 'Cơ sở xả thải, đốt rác, tiếng ồn kéo dài',
    descriptionEn: 'Discharges, burning rubbish, persistent noise',
    group: 'environment',
    keywords: 'ô nhiễm, khói, bụi, tiếng ồn, pollution, noise',
    kinds: BOTH,
    defaultSeverity: 'normal',
    attributes: [],
  },
  {
    code: 'urban_order',
    nameVi: 'Lấn chiếm lòng lề đường, trật tự đô thị',
    nameEn: 'Pavement encroachment and urban order',
    descriptionVi: 'Buôn bán, để vật liệu, quảng cáo trái phép trên vỉa hè',
    descriptionEn: 'Trading, materials or illegal advertising on the pavement',
    group: 'order',
    keywords: 'lấn chiếm, vỉa hè, trật tự, encroachment',
    kinds: REPORT,
    defaultSeverity: 'normal',
    attributes: [],
  },
  {
    code: 'construction',
    nameVi: 'Xây dựng sai phép, đất đai',
    nameEn: 'Unlicensed building and land',
    descriptionVi: 'Xây dựng không phép, sai phép; tranh chấp, lấn chiếm đất',
    descriptionEn: 'Building without or against a permit; land disputes and encroachment',
    group: 'order',
    keywords: 'xây dựng, đất đai, construction, land',
    kinds: BOTH,
    defaultSeverity: 'complex',
    attributes: [],
  },
  {
    code: 'security',
    nameVi: 'An ninh trật tự',
    nameEn: 'Public safety and order',
    descriptionVi: 'Tụ tập gây rối, trộm cắp, nguy hiểm cần xử lý ngay',
    descriptionEn: 'Disturbances, theft, dangers needing action now',
    group: 'order',
    keywords: 'an ninh, trộm, gây rối, security',
    kinds: REPORT,
    defaultSeverity: 'urgent',
    attributes: [],
  },
  {
    code: 'power',
    nameVi: 'Điện: mất điện, dây điện nguy hiểm',
    nameEn: 'Power cuts and dangerous wires',
    descriptionVi: 'Mất điện kéo dài, dây điện võng thấp, trụ điện nghiêng',
    descriptionEn: 'Long power cuts, sagging wires, leaning poles',
    group: 'infrastructure',
    keywords: 'điện, mất điện, dây điện, power',
    kinds: REPORT,
    defaultSeverity: 'urgent',
    attributes: [],
  },
  {
    code: 'mobile_internet',
    nameVi: 'Sóng điện thoại, Internet yếu',
    nameEn: 'Weak mobile signal or Internet',
    descriptionVi: 'Vùng lõm sóng, Internet chập chờn làm khó dùng dịch vụ số',
    descriptionEn: 'Coverage gaps and unreliable Internet that make digital services hard to use',
    group: 'digital',
    keywords: 'sóng, 4G, internet, wifi, mobile signal',
    kinds: BOTH,
    defaultSeverity: 'normal',
    attributes: [
      {
        code: 'carrier',
        datatype: 'singlevaluelist',
        required: false,
        descriptionVi: 'Nhà mạng',
        descriptionEn: 'Carrier',
        values: [
          { key: 'viettel', nameVi: 'Viettel', nameEn: 'Viettel' },
          { key: 'vnpt', nameVi: 'VNPT (VinaPhone)', nameEn: 'VNPT (VinaPhone)' },
          { key: 'mobifone', nameVi: 'MobiFone', nameEn: 'MobiFone' },
          { key: 'other', nameVi: 'Khác', nameEn: 'Other' },
        ],
      },
    ],
  },
  {
    code: 'online_services',
    nameVi: 'Dịch vụ công trực tuyến, VNeID',
    nameEn: 'Online public services and VNeID',
    descriptionVi: 'Hồ sơ trực tuyến bị chậm, lỗi cổng dịch vụ công, tài khoản định danh',
    descriptionEn: 'Slow online dossiers, public-service portal errors, e-identity accounts',
    group: 'digital',
    keywords: 'dịch vụ công, vneid, hồ sơ, online services',
    kinds: BOTH,
    defaultSeverity: 'normal',
    attributes: [],
  },
  {
    code: 'online_scam',
    nameVi: 'Lừa đảo qua mạng, tin nhắn giả mạo',
    nameEn: 'Online scams and fake messages',
    descriptionVi: 'Cuộc gọi, tin nhắn, trang web giả mạo cơ quan nhà nước hay ngân hàng',
    descriptionEn: 'Calls, messages or websites impersonating authorities or banks',
    group: 'digital',
    keywords: 'lừa đảo, giả mạo, scam, phishing',
    kinds: BOTH,
    defaultSeverity: 'urgent',
    attributes: [],
  },
  {
    code: 'health_food',
    nameVi: 'Y tế, an toàn thực phẩm',
    nameEn: 'Health and food safety',
    descriptionVi: 'Dịch bệnh, cơ sở y tế, thực phẩm không an toàn',
    descriptionEn: 'Outbreaks, health facilities, unsafe food',
    group: 'social',
    keywords: 'y tế, dịch bệnh, thực phẩm, health, food',
    kinds: BOTH,
    defaultSeverity: 'normal',
    attributes: [],
  },
  {
    code: 'social_welfare',
    nameVi: 'Chính sách xã hội, giáo dục',
    nameEn: 'Social welfare and education',
    descriptionVi: 'Trợ cấp, bảo hiểm, trường học',
    descriptionEn: 'Allowances, insurance, schools',
    group: 'social',
    keywords: 'chính sách, trợ cấp, trường học, welfare, school',
    kinds: ['petition'],
    defaultSeverity: 'normal',
    attributes: [],
  },
  {
    code: 'procedures',
    nameVi: 'Thủ tục hành chính, thái độ cán bộ',
    nameEn: 'Administrative procedures and staff conduct',
    descriptionVi: 'Quy định, thủ tục chưa hợp lý; thái độ phục vụ',
    descriptionEn: 'Rules or procedures that do not work; how staff serve people',
    group: 'administration',
    keywords: 'thủ tục, hành chính, cán bộ, procedure',
    kinds: ['petition'],
    defaultSeverity: 'complex',
    attributes: [],
  },
  {
    code: OTHER_CATEGORY_CODE,
    nameVi: 'Khác',
    nameEn: 'Other',
    descriptionVi: 'Việc không thuộc các mục trên',
    descriptionEn: 'Anything not listed above',
    group: 'other',
    keywords: 'khác, other',
    kinds: BOTH,
    defaultSeverity: 'normal',
    attributes: [],
  },
];

/** Themes of teams' difficulties and proposals (kind 'proposal'): raised by team leaders, triaged by the Youth Union. */
export const PROPOSAL_THEMES: readonly CategoryDefinition[] = (
  [
    ['proposal_devices', 'Thiết bị, phương tiện', 'Devices and equipment'],
    ['proposal_training', 'Tập huấn, tài liệu', 'Training and materials'],
    ['proposal_coverage', 'Sóng, Internet tại địa bàn', 'Coverage and Internet in the area'],
    ['proposal_platform', 'Nền tảng, ứng dụng bị lỗi', 'A platform or app that fails'],
    ['proposal_funding', 'Kinh phí, chế độ', 'Funding and allowances'],
    ['proposal_other', 'Khác', 'Other'],
  ] as const
).map(([code, nameVi, nameEn]) => ({
  code,
  nameVi,
  nameEn,
  descriptionVi: nameVi,
  descriptionEn: nameEn,
  group: 'team' as const,
  keywords: '',
  kinds: ['proposal'] as CaseKind[],
  defaultSeverity: 'normal' as CaseSeverity,
  attributes: [],
}));

/** Problems with a province's category list: too many for citizens, no "Khác", duplicate codes. */
export function validateCategoryList(list: readonly Pick<CategoryDefinition, 'code' | 'kinds'>[]): string[] {
  const problems: string[] = [];
  const citizen = list.filter((c) => c.kinds.some((k) => k !== 'proposal'));
  if (citizen.length > MAX_CITIZEN_CATEGORIES) problems.push(`at most ${MAX_CITIZEN_CATEGORIES} categories for citizens`);
  if (!citizen.some((c) => c.code === OTHER_CATEGORY_CODE)) problems.push('the "other" (Khác) category is required');
  const codes = new Set<string>();
  for (const c of list) {
    if (codes.has(c.code)) problems.push(`duplicate code ${c.code}`);
    codes.add(c.code);
  }
  return problems;
}
