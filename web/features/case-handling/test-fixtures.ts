import type { z } from 'zod';
import type {
  Agency,
  HandlerCase,
  InboxItemSchema,
  ReplyTemplateSchema,
} from '../../../shared/contracts/case-handling';
import type { CaseCategory } from '../../../shared/contracts/cases';

/** Bodies for the web tests' fake API; each test checks them against the shared contracts (web/test-contracts.ts). */

export const CASE_ID = '0190f0a0-0000-7000-8000-000000000001';
export const AGENCY_ID = '0190f0a0-0000-7000-8000-0000000000a1';
export const OTHER_AGENCY_ID = '0190f0a0-0000-7000-8000-0000000000a2';

export function me(role: string, unitCode: string, actions: string[], teams: unknown[] = []) {
  return {
    user: { id: 'u1', name: 'Trần Văn Bình', email: 'binh@example.vn', phone: null, locale: 'vi' },
    grants: [{ id: 'g1', role, unitCode, unitName: 'Phường Tân Ninh' }],
    teams,
    csrfToken: 'csrf-1',
    actions,
  };
}

export const COMMUNE_OFFICER = me('commune_officer', '80001', [
  'cases.triage',
  'cases.handle',
  'cases.supervise',
  'cases.moderate',
  'cases.configure',
]);
export const AGENCY_HANDLER = me('agency_handler', '80', ['cases.handle']);

export function inboxItem(
  over: Partial<z.infer<typeof InboxItemSchema>> = {},
): z.infer<typeof InboxItemSchema> {
  return {
    id: CASE_ID,
    code: 'PAKN.20261201.0007',
    kind: 'report',
    title: 'Ổ gà lớn trước chợ Tân Ninh',
    categoryCode: 'roads',
    categoryName: 'Đường sá, cầu cống hư hỏng',
    severity: 'normal',
    state: 'submitted',
    communeCode: '80001',
    communeName: 'Phường Tân Ninh',
    agencyId: null,
    agencyName: null,
    submittedAt: '2026-12-01T02:00:00.000Z',
    dueAt: '2026-12-01T10:00:00.000Z',
    deadlineStatus: 'overdue',
    hidden: false,
    photoCount: 1,
    ...over,
  };
}

export function inboxPage(items = [inboxItem()], nextCursor: string | null = null) {
  return { items, nextCursor, counts: { open: 12, submitted: 3, overdue: 2, dueSoon: 4 } };
}

export function handlerCase(over: Partial<HandlerCase> = {}): HandlerCase {
  return {
    id: CASE_ID,
    code: 'PAKN.20261201.0007',
    kind: 'report',
    categoryCode: 'roads',
    categoryName: 'Đường sá, cầu cống hư hỏng',
    title: 'Ổ gà lớn trước chợ Tân Ninh',
    state: 'submitted',
    communeCode: '80001',
    communeName: 'Phường Tân Ninh',
    lat: 11.31,
    lng: 106.1,
    submittedAt: '2026-12-01T02:00:00.000Z',
    supporters: 2,
    thumbUrl: null,
    description: 'Ổ gà sâu khoảng 30 cm trước cổng chợ, xe máy đã ngã hai lần.',
    addressText: 'Trước cổng chợ Tân Ninh',
    publicName: null,
    severity: 'normal',
    agencyName: null,
    acceptDueAt: '2026-12-01T10:00:00.000Z',
    handleDueAt: null,
    deadlineStatus: 'due_soon',
    answeredAt: null,
    answer: null,
    refusedReason: null,
    mergedIntoCode: null,
    rating: null,
    ratingComment: null,
    mayRate: false,
    mayDispute: false,
    photos: [],
    timeline: [],
    published: false,
    originalDescription: 'Ổ gà sâu khoảng 30 cm trước cổng chợ, xe máy đã ngã hai lần.',
    hidden: false,
    hiddenReason: null,
    source: 'web',
    channel: 'web',
    agencyId: null,
    teamId: null,
    theme: null,
    reporter: {
      name: 'Nguyễn Thị Lan',
      showName: false,
      phoneMasked: '09•• ••• 678',
      emailMasked: null,
      anonymised: false,
      blocked: false,
    },
    entries: [
      {
        id: 'e1',
        kind: 'note',
        action: null,
        fromState: null,
        toState: null,
        body: 'Đã gọi tổ trưởng khu phố xác minh.',
        public: false,
        hidden: false,
        authorName: 'Trần Văn Bình',
        agencyName: null,
        at: '2026-12-01T03:00:00.000Z',
        photos: [],
      },
      {
        id: 'e2',
        kind: 'public_update',
        action: null,
        fromState: null,
        toState: null,
        body: 'Cán bộ phường sẽ đến kiểm tra trong ngày.',
        public: true,
        hidden: false,
        authorName: 'Trần Văn Bình',
        agencyName: null,
        at: '2026-12-01T03:10:00.000Z',
        photos: [],
      },
    ],
    extensions: [],
    allPhotos: [],
    caseActions: ['accept', 'refuse', 'merge'],
    can: ['note', 'publicUpdate', 'revealContact'],
    suggestedAgencyId: AGENCY_ID,
    ...over,
  };
}

export function agency(over: Partial<Agency> = {}): Agency {
  return {
    id: AGENCY_ID,
    name: 'Sở Xây dựng',
    nameEn: 'Department of Construction',
    kind: 'department',
    provinceCode: '80',
    communeCode: null,
    communeName: null,
    email: null,
    phone: null,
    active: true,
    handlers: 3,
    actions: [],
    ...over,
  };
}

export function template(
  over: Partial<z.infer<typeof ReplyTemplateSchema>> = {},
): z.infer<typeof ReplyTemplateSchema> {
  return {
    id: 't1',
    purpose: 'refuse',
    title: 'Không thuộc thẩm quyền',
    body: 'Nội dung phản ánh không thuộc thẩm quyền giải quyết của cơ quan.',
    active: true,
    ...over,
  };
}

export const CATEGORIES: CaseCategory[] = [
  {
    code: 'roads',
    name: 'Đường sá, cầu cống hư hỏng',
    nameEn: 'Damaged roads and bridges',
    description: '',
    descriptionEn: '',
    group: 'infrastructure',
    kinds: ['report'],
    isOther: false,
    attributes: [],
  },
  {
    code: 'other',
    name: 'Khác',
    nameEn: 'Other',
    description: '',
    descriptionEn: '',
    group: 'other',
    kinds: ['report', 'petition'],
    isOther: true,
    attributes: [],
  },
];

export const UNITS = {
  items: [
    {
      code: '80001',
      level: 'commune',
      name: 'Tân Ninh',
      fullName: 'Phường Tân Ninh',
      type: 'Phường',
      parentCode: '80',
      provinceCode: '80',
      validFrom: null,
      validTo: null,
    },
  ],
  nextCursor: null,
};
