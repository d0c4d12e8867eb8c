import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { QuestionPage } from '../questions/QuestionPage';
import { QUESTION_PATH } from '../questions/paths';
import {
  ANSWER_ID,
  answerOf,
  choiceRoutes,
  detail,
  faq,
  QUESTION_ID,
  signedIn,
  summary,
} from '../questions/questions.fixtures';
import { FaqCurationPage } from './FaqCurationPage';
import { HomeQuestions } from './HomeQuestions';
import { FAQ_CURATION_PATH, QUEUE_PATH, SETTINGS_PATH } from './paths';
import { QueuePage } from './QueuePage';
import { SettingsPage } from './SettingsPage';

const MODERATOR = signedIn('commune_officer', [
  'questions.answer',
  'questions.answerOfficially',
  'questions.moderate',
  'questions.curate',
]);
const queueItem = (over = {}) => ({
  ...summary({ answerCount: 0, hasOfficialAnswer: false }),
  status: 'pending' as const,
  openFlags: 0,
  flagReasons: [],
  createdAt: '2026-12-05T02:00:00.000Z',
  ...over,
});

beforeEach(() => localStorage.clear());

describe('the moderators’ queue', () => {
  it('lists each box and publishes from it', async () => {
    let published = false;
    const api = installFakeApi([
      MODERATOR,
      answer('GET', '/api/v1/questions/moderation-queue', ({ url }) => ({
        body:
          url.searchParams.get('box') === 'flagged'
            ? {
                items: [
                  queueItem({ status: 'published', openFlags: 2, flagReasons: ['spam', 'personal_data'] }),
                ],
                nextCursor: null,
              }
            : { items: published ? [] : [queueItem()], nextCursor: null },
      })),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/moderation`, () => {
        published = true;
        return { body: { id: QUESTION_ID } };
      }),
    ]);
    await renderInApp([{ path: QUEUE_PATH, element: <QueuePage /> }], { path: QUEUE_PATH });
    expect(await screen.findByRole('link', { name: summary().title })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng' }));
    expect(await screen.findByText('Không có câu hỏi nào ở đây.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/questions/${QUESTION_ID}/moderation`)[0]!.body).toEqual({
      action: 'publish',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Bị báo vi phạm' }));
    expect(await screen.findByText('2 báo cáo')).toBeTruthy();
    expect(screen.getByText('Thông tin cá nhân')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bỏ qua báo cáo' })).toBeTruthy();
  });
});

describe('moderating on the question’s page', () => {
  it('publishes a waiting question, promotes it to the FAQ and edits personal data out of an answer', async () => {
    let status: 'pending' | 'published' = 'pending';
    let inFaq = false;
    const api = installFakeApi([
      MODERATOR,
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, () => ({
        body: detail({
          status,
          inFaq,
          actions: ['questions.answer', 'questions.moderate', 'questions.curate'],
        }),
      })),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/moderation`, () => {
        status = 'published';
        return { body: { id: QUESTION_ID } };
      }),
      answer('PUT', `/api/v1/faq/${QUESTION_ID}`, () => {
        inFaq = true;
        return { body: { id: QUESTION_ID, topic: 'procedures', position: 1 } };
      }),
      answer('PATCH', `/api/v1/questions/${QUESTION_ID}/answers/${ANSWER_ID}`, { body: answerOf() }),
    ]);
    await renderInApp([{ path: QUESTION_PATH, element: <QuestionPage /> }], {
      path: `/questions/${QUESTION_ID}`,
    });
    expect(await screen.findByText(/Câu hỏi đang chờ kiểm duyệt/)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng câu hỏi' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Đưa vào câu hỏi thường gặp' }));
    expect(await screen.findByRole('button', { name: 'Bỏ khỏi câu hỏi thường gặp' })).toBeTruthy();
    expect(screen.getAllByText('Trong mục câu hỏi thường gặp')).not.toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Sửa câu trả lời' }));
    fireEvent.change(screen.getAllByRole('textbox', { name: /^Câu trả lời/ }).at(-1)!, {
      target: { value: 'Bạn cần giấy chứng sinh.' },
    });
    fireEvent.click(screen.getAllByRole('checkbox', { name: /xoá thông tin cá nhân/ }).at(-1)!);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH', `/api/v1/questions/${QUESTION_ID}/answers/${ANSWER_ID}`)[0]?.body).toEqual({
        body: 'Bạn cần giấy chứng sinh.',
        reason: 'personal_data',
      }),
    );
  });
});

describe('the edit history on the question’s page', () => {
  it('opens on demand for a moderator: who, when, what and why; a personal-data edit shows no earlier text', async () => {
    const api = installFakeApi([
      MODERATOR,
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, {
        body: detail({ status: 'published', actions: ['questions.moderate'] }),
      }),
      answer('GET', `/api/v1/questions/${QUESTION_ID}/revisions`, {
        body: {
          items: [
            {
              id: 'r1',
              targetKind: 'question',
              targetId: QUESTION_ID,
              reason: 'edit',
              beforeTitle: 'Tiêu đề cũ của câu hỏi',
              beforeBody: 'Nội dung cũ',
              editorUserId: 'u1',
              editorName: 'Lê Thị Kiểm Duyệt',
              note: null,
              createdAt: '2026-12-05T02:00:00.000Z',
            },
            {
              id: 'r2',
              targetKind: 'answer',
              targetId: ANSWER_ID,
              reason: 'personal_data',
              beforeTitle: null,
              beforeBody: null,
              editorUserId: 'u1',
              editorName: 'Lê Thị Kiểm Duyệt',
              note: null,
              createdAt: '2026-12-05T03:00:00.000Z',
            },
          ],
        },
      }),
    ]);
    await renderInApp([{ path: QUESTION_PATH, element: <QuestionPage /> }], {
      path: `/questions/${QUESTION_ID}`,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Xem lịch sử sửa' }));
    expect(await screen.findByText('Tiêu đề cũ của câu hỏi')).toBeTruthy();
    expect(screen.getAllByText(/Lê Thị Kiểm Duyệt/)).toHaveLength(2);
    expect(screen.getByText('Xoá thông tin cá nhân')).toBeTruthy();
    expect(screen.getByText(/Nội dung cũ không được lưu lại/)).toBeTruthy();
    expect(api.callsTo('GET', `/api/v1/questions/${QUESTION_ID}/revisions`)).toHaveLength(1);
  });
});

describe('FAQ curation and settings', () => {
  it('moves an entry by sending the topic’s whole order, and takes one out', async () => {
    const second = '0190f1a0-0000-7000-8000-000000000002';
    const data = faq();
    data.topics[0]!.items.push({
      id: second,
      position: 2,
      title: 'Câu thứ hai',
      answer: null,
      answerHtml: null,
    });
    const api = installFakeApi([
      MODERATOR,
      answer('GET', '/api/v1/faq', { body: data }),
      answer('PUT', '/api/v1/faq/order', { body: { topic: 'procedures', ids: [second, QUESTION_ID] } }),
      answer('DELETE', `/api/v1/faq/${second}`, {
        body: { id: second, topic: 'procedures', position: null },
      }),
    ]);
    await renderInApp([{ path: FAQ_CURATION_PATH, element: <FaqCurationPage /> }], {
      path: FAQ_CURATION_PATH,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Đưa "Câu thứ hai" lên' }));
    await waitFor(() =>
      expect(api.callsTo('PUT', '/api/v1/faq/order')[0]?.body).toEqual({
        topic: 'procedures',
        ids: [second, QUESTION_ID],
      }),
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Bỏ "Câu thứ hai" khỏi câu hỏi thường gặp' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ "Câu thứ hai" khỏi câu hỏi thường gặp' }));
    await waitFor(() => expect(api.callsTo('DELETE', `/api/v1/faq/${second}`)).toHaveLength(1));
  });

  it('saves the flag threshold and moderation of anonymous questions, refusing a bad number', async () => {
    const api = installFakeApi([
      MODERATOR,
      answer('GET', '/api/v1/questions/settings', {
        body: { provinceCode: '80', flagThreshold: 3, moderateAnonymous: true },
      }),
      answer('PUT', '/api/v1/questions/settings', {
        body: { provinceCode: '80', flagThreshold: 5, moderateAnonymous: false },
      }),
    ]);
    await renderInApp([{ path: SETTINGS_PATH, element: <SettingsPage /> }], { path: SETTINGS_PATH });
    const threshold = await screen.findByRole('spinbutton', { name: /Số báo cáo vi phạm/ });
    await waitFor(() => expect((threshold as HTMLInputElement).value).toBe('3'));
    fireEvent.change(threshold, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Hãy nhập một số từ 1 đến 50.')).toBeTruthy();
    fireEvent.change(threshold, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /chờ kiểm duyệt trước khi đăng/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu cài đặt.')).toBeTruthy();
    expect(api.callsTo('PUT', '/api/v1/questions/settings')[0]!.body).toEqual({
      flagThreshold: 5,
      moderateAnonymous: false,
    });
  });
});

describe('the role home’s glance', () => {
  it('counts the questions waiting for an answer, saying "more than" past one page', async () => {
    installFakeApi([
      signedIn('team_member', ['questions.answer']),
      answer('GET', '/api/v1/questions', ({ url }) => {
        expect(url.searchParams.get('answered')).toBe('no');
        return {
          body: {
            items: [
              summary({ answerCount: 0 }),
              summary({ id: '0190f1a0-0000-7000-8000-000000000003', answerCount: 0 }),
            ],
            nextCursor: 'more',
          },
        };
      }),
    ]);
    await renderInApp(<HomeQuestions />);
    expect(await screen.findByText('Hơn 2 câu hỏi chờ trả lời')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Xem câu hỏi chờ trả lời' }).getAttribute('href')).toBe(
      '/questions?answered=no',
    );
  });
});
