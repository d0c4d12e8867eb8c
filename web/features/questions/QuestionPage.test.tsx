import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { askerTokenFor, rememberAskerToken } from './asker-tokens';
import { QUESTION_PATH } from './paths';
import { QuestionPage } from './QuestionPage';
import {
  ANSWER_ID,
  answerOf,
  ASKER_TOKEN,
  choiceRoutes,
  detail,
  QUESTION_ID,
  SIGNED_OUT,
  signedIn,
} from './questions.fixtures';

const routes = [{ path: QUESTION_PATH, element: <QuestionPage /> }];
const path = `/questions/${QUESTION_ID}`;

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('a question’s page', () => {
  it('shows the question as text, the official badge, and the QAPage JSON-LD with "<" escaped', async () => {
    installFakeApi([
      SIGNED_OUT,
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, { body: detail() }),
    ]);
    const view = await renderInApp(routes, { path });
    expect(await screen.findByRole('heading', { level: 1, name: detail().title })).toBeTruthy();
    // The user's markup is shown as text, never parsed.
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy();
    expect(view.container.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
    expect(screen.getByText('Trả lời chính thức')).toBeTruthy();
    const ld = view.container.querySelector('script[type="application/ld+json"]');
    expect(ld?.innerHTML).not.toContain('<');
    expect(JSON.parse(ld!.innerHTML)).toMatchObject({ '@type': 'QAPage' });
    // Signed out: "helpful" and flags, no upvote, no accept.
    expect(screen.getAllByRole('button', { name: /^Hữu ích/ })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /^Bình chọn/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Chấp nhận câu trả lời này' })).toBeNull();
  });

  it('counts "helpful" once per device and flags with a reason', async () => {
    const api = installFakeApi([
      SIGNED_OUT,
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, { body: detail() }),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/helpful`, { body: { count: 4, counted: true } }),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/flags`, { body: { received: true } }),
    ]);
    await renderInApp(routes, { path });
    const [, answerHelpful] = await screen.findAllByRole('button', { name: /^Hữu ích/ });
    fireEvent.click(answerHelpful!);
    expect(await screen.findByRole('button', { name: 'Cảm ơn bạn (4)' })).toBeTruthy();
    const helpful = api.callsTo('POST', `/api/v1/questions/${QUESTION_ID}/helpful`)[0]!.body as Record<
      string,
      string
    >;
    expect(helpful.answerId).toBe(ANSWER_ID);
    expect(helpful.deviceId).toMatch(/^[0-9a-f]{32}$/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Báo vi phạm' })[0]!);
    fireEvent.change(screen.getByRole('combobox', { name: 'Lý do' }), { target: { value: 'personal_data' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    expect(await screen.findByText('Đã nhận báo cáo. Cán bộ kiểm duyệt sẽ xem xét.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/questions/${QUESTION_ID}/flags`)[0]!.body).toMatchObject({
      reason: 'personal_data',
      deviceId: helpful.deviceId,
    });
  });

  it('lets the asker with the private link accept an answer, and remembers the link', async () => {
    let accepted = false;
    window.history.replaceState(null, '', `${path}?askerToken=${ASKER_TOKEN}`);
    const api = installFakeApi([
      SIGNED_OUT,
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, ({ url }) => ({
        body:
          url.searchParams.get('askerToken') === ASKER_TOKEN
            ? detail({
                acceptedAnswerId: accepted ? ANSWER_ID : null,
                answers: [answerOf({ accepted })],
              })
            : detail(),
      })),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/accept`, () => {
        accepted = true;
        return { body: { acceptedAnswerId: ANSWER_ID } };
      }),
    ]);
    await renderInApp(routes, { path: `${path}?askerToken=${ASKER_TOKEN}` });
    expect(await screen.findByText(/Bạn đang xem câu hỏi của mình/)).toBeTruthy();
    expect(askerTokenFor(QUESTION_ID)).toBe(ASKER_TOKEN);
    fireEvent.click(await screen.findByRole('button', { name: 'Chấp nhận câu trả lời này' }));
    expect(await screen.findByText(/Câu trả lời được chấp nhận/)).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/questions/${QUESTION_ID}/accept`)[0]!.body).toEqual({
      answerId: ANSWER_ID,
      askerToken: ASKER_TOKEN,
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Chấp nhận câu trả lời này' })).toBeNull(),
    );
  });

  it('lets the asker clarify from a remembered link', async () => {
    rememberAskerToken(QUESTION_ID, ASKER_TOKEN);
    const api = installFakeApi([
      SIGNED_OUT,
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, { body: detail() }),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/comments`, {
        status: 201,
        body: {
          id: '0190f1a0-0000-7000-8000-0000000000c1',
          answerId: null,
          body: 'Con tôi sinh ở bệnh viện tỉnh.',
          authorName: null,
          byAsker: true,
          createdAt: '2026-12-03T02:00:00.000Z',
        },
      }),
    ]);
    await renderInApp(routes, { path });
    const [onQuestion] = await screen.findAllByRole('button', { name: 'Hỏi thêm' });
    fireEvent.click(onQuestion!);
    fireEvent.change(screen.getByRole('textbox', { name: 'Nội dung hỏi thêm' }), {
      target: { value: 'Con tôi sinh ở bệnh viện tỉnh.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await waitFor(() =>
      expect(api.callsTo('POST', `/api/v1/questions/${QUESTION_ID}/comments`)).toHaveLength(1),
    );
    expect(api.callsTo('POST', `/api/v1/questions/${QUESTION_ID}/comments`)[0]!.body).toEqual({
      body: 'Con tôi sinh ở bệnh viện tỉnh.',
      askerToken: ASKER_TOKEN,
    });
  });

  it('says when there is no such question', async () => {
    installFakeApi([
      SIGNED_OUT,
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'Not found' } },
      }),
    ]);
    await renderInApp(routes, { path });
    expect(await screen.findByRole('heading', { name: 'Không tìm thấy câu hỏi' })).toBeTruthy();
  });

  it('gives a team member the answer form; an upvote once signed in', async () => {
    const api = installFakeApi([
      signedIn('team_member', ['questions.answer']),
      ...choiceRoutes(),
      answer('GET', `/api/v1/questions/${QUESTION_ID}`, { body: detail({ actions: ['questions.answer'] }) }),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/answers`, {
        status: 201,
        body: answerOf({ official: false }),
      }),
      answer('POST', `/api/v1/questions/${QUESTION_ID}/upvote`, { body: { count: 2, counted: true } }),
    ]);
    await renderInApp(routes, { path });
    const form = await screen.findByRole('textbox', { name: /^Câu trả lời/ });
    fireEvent.change(form, { target: { value: 'Ra phường mang theo giấy chứng sinh.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi câu trả lời' }));
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/questions/${QUESTION_ID}/answers`)[0]!.body).toEqual({
      body: 'Ra phường mang theo giấy chứng sinh.',
    });
    // No moderation for a member.
    expect(screen.queryByRole('heading', { name: 'Kiểm duyệt' })).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: /^Bình chọn/ })[0]!);
    expect(await screen.findByRole('button', { name: 'Đã bình chọn (2)' })).toBeTruthy();
  });
});
