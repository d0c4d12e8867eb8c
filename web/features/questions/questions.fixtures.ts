import type { QuestionDetail, QuestionSummary } from '../../../shared/contracts/questions';
import { answer, type FakeRoute } from '../geography/fake-api';
import type { Answer, Faq } from './questions-api';

/** Test data of the Q&A pages, shaped by the shared contracts (the fake API checks each body). */
export const QUESTION_ID = '0190f1a0-0000-7000-8000-000000000001';
export const ANSWER_ID = '0190f1a0-0000-7000-8000-0000000000a1';
export const ASKER_TOKEN = 'asker_abcdefghijklmnopqrstuvwxyz0123';

export const SIGNED_OUT: FakeRoute = answer('GET', '/api/v1/me', {
  status: 401,
  body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } },
});

export function signedIn(role: string, actions: string[]): FakeRoute {
  return answer('GET', '/api/v1/me', {
    body: {
      user: { id: 'u1', name: 'Trần Văn Bình', email: 'binh@example.vn', phone: null, locale: 'vi' },
      grants: [{ id: 'g1', role, unitCode: '80', unitName: 'Tỉnh Tây Ninh' }],
      teams: [],
      csrfToken: 'csrf-1',
      actions,
    },
  });
}

/** Topics, the province and its communes: what the list's filters and the ask form read. */
export function choiceRoutes(): FakeRoute[] {
  return [
    answer('GET', '/api/v1/questions/topics', {
      body: {
        items: [
          {
            code: 'procedures',
            name: 'Thủ tục hành chính',
            nameEn: 'Administrative procedures',
            group: 'procedures',
          },
          { code: 'other', name: 'Khác', nameEn: 'Other', group: 'other' },
        ],
      },
    }),
    answer('GET', '/api/v1/case-categories', { body: { items: [], provinceCode: '80', tileUrl: null } }),
    answer('GET', '/api/v1/units', {
      body: {
        items: [
          {
            code: '25459',
            level: 'commune',
            name: 'Tân An',
            fullName: 'Phường Tân An',
            type: 'Phường',
            parentCode: '80',
            provinceCode: '80',
            validFrom: '2025-07-01',
            validTo: null,
          },
        ],
        nextCursor: null,
      },
    }),
  ];
}

export function summary(over: Partial<QuestionSummary> = {}): QuestionSummary {
  return {
    id: QUESTION_ID,
    title: 'Đăng ký khai sinh trực tuyến cần giấy tờ gì?',
    excerpt: 'Con tôi mới sinh, tôi muốn đăng ký khai sinh trên Cổng dịch vụ công.',
    topic: 'procedures',
    communeCode: '25459',
    askerName: 'Chị Lan',
    answerCount: 1,
    hasAcceptedAnswer: false,
    hasOfficialAnswer: true,
    upvotes: 0,
    publishedAt: '2026-12-01T02:00:00.000Z',
    ...over,
  };
}

export function answerOf(over: Partial<Answer> = {}): Answer {
  return {
    id: ANSWER_ID,
    body: 'Bạn cần giấy chứng sinh và CCCD của cha mẹ.\n\nVào dichvucong.gov.vn, chọn "Đăng ký khai sinh".',
    bodyHtml: '<p>Bạn cần giấy chứng sinh và CCCD của cha mẹ.</p><p>Vào dichvucong.gov.vn.</p>',
    authorName: 'Cán bộ tư pháp phường Tân An',
    authorRole: 'commune_officer',
    official: true,
    accepted: false,
    status: 'published',
    upvotes: 2,
    helpful: 3,
    createdAt: '2026-12-02T02:00:00.000Z',
    editedAt: null,
    ...over,
  };
}

export function detail(over: Partial<QuestionDetail> = {}): QuestionDetail {
  return {
    id: QUESTION_ID,
    title: 'Đăng ký khai sinh trực tuyến cần giấy tờ gì?',
    body: 'Con tôi mới sinh, tôi muốn đăng ký khai sinh trên Cổng dịch vụ công. <script>alert(1)</script>',
    bodyHtml: '<p>Con tôi mới sinh…</p>',
    topic: 'procedures',
    communeCode: '25459',
    askerName: 'Chị Lan',
    status: 'published',
    locked: false,
    closed: false,
    mergedIntoId: null,
    acceptedAnswerId: null,
    inFaq: false,
    upvotes: 1,
    helpful: 4,
    publishedAt: '2026-12-01T02:00:00.000Z',
    editedAt: null,
    answers: [answerOf()],
    comments: [],
    actions: [],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'QAPage',
      mainEntity: { '@type': 'Question', name: 'Đăng ký khai sinh </script><script>alert(1)</script>' },
    },
    ...over,
  };
}

export function faq(): Faq {
  return {
    topics: [
      {
        topic: 'procedures',
        name: 'Thủ tục hành chính',
        nameEn: 'Administrative procedures',
        items: [
          {
            id: QUESTION_ID,
            position: 1,
            title: 'Đăng ký khai sinh trực tuyến cần giấy tờ gì?',
            answer: 'Bạn cần giấy chứng sinh và CCCD của cha mẹ.',
            answerHtml: '<p>Bạn cần giấy chứng sinh và CCCD của cha mẹ.</p>',
          },
        ],
      },
      { topic: 'other', name: 'Khác', nameEn: 'Other', items: [] },
    ],
    jsonLd: { '@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: [] },
  };
}
