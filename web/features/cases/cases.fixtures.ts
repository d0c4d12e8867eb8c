import type { CaseCategory, PublicCase } from '../../../shared/contracts/cases';
import type { UnitItem } from '../../../shared/contracts/units';
import { answer, type FakeRoute } from '../geography/fake-api';

/** Test data of the citizens' case pages, shaped by the shared contracts (the fake API checks every body). */
export const POTHOLE: CaseCategory = {
  code: 'roads',
  name: 'Đường sá, cầu cống',
  nameEn: 'Roads and bridges',
  description: 'Ổ gà, sụt lún, cầu hư',
  descriptionEn: 'Potholes, subsidence, broken bridges',
  group: 'infrastructure',
  kinds: ['report'],
  isOther: false,
  attributes: [
    {
      code: 'danger',
      datatype: 'singlevaluelist',
      required: true,
      description: 'Có nguy hiểm cho người đi đường không?',
      descriptionEn: 'Is it dangerous for road users?',
      values: [
        { key: 'yes', name: 'Có', nameEn: 'Yes' },
        { key: 'no', name: 'Không', nameEn: 'No' },
      ],
    },
  ],
};

export const OTHER: CaseCategory = {
  code: 'other',
  name: 'Khác',
  nameEn: 'Other',
  description: '',
  descriptionEn: '',
  group: 'other',
  kinds: ['report', 'petition'],
  isOther: true,
  attributes: [],
};

export const TAN_AN: UnitItem = {
  code: '25459',
  level: 'commune',
  name: 'Tân An',
  fullName: 'Phường Tân An',
  type: 'Phường',
  parentCode: '80',
  provinceCode: '80',
  validFrom: '2025-07-01',
  validTo: null,
};

/** GET /api/v1/case-categories and the province's communes (the pick list and the list's filter). */
export function categoryAndUnitRoutes(): FakeRoute[] {
  return [
    answer('GET', '/api/v1/case-categories', {
      body: { items: [POTHOLE, OTHER], provinceCode: '80', tileUrl: null },
    }),
    answer('GET', '/api/v1/units', { body: { items: [TAN_AN], nextCursor: null } }),
    answer('GET', '/api/v1/units/80', {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not here' } },
    }),
  ];
}

export const CODE = 'PAKN.20261205.0007';
export const TOKEN = 'tok_0123456789abcdefghij';

export function publicCase(overrides: Partial<PublicCase> = {}): PublicCase {
  return {
    id: '01938a6e-1111-7000-8000-000000000007',
    code: CODE,
    kind: 'report',
    categoryCode: 'roads',
    categoryName: 'Đường sá, cầu cống',
    title: 'Ổ gà lớn trước chợ Tân An',
    state: 'submitted',
    communeCode: '25459',
    communeName: 'Phường Tân An',
    lat: 10.535,
    lng: 106.41,
    submittedAt: '2026-12-05T02:00:00.000Z',
    supporters: 2,
    thumbUrl: null,
    description: 'Ổ gà sâu khoảng 20 cm, xe máy dễ ngã vào buổi tối.',
    addressText: 'Trước cổng chợ',
    publicName: null,
    severity: 'normal',
    agencyName: null,
    acceptDueAt: '2026-12-07T09:00:00.000Z',
    handleDueAt: null,
    deadlineStatus: 'on_time',
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
    published: true,
    ...overrides,
  };
}
