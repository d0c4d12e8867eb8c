import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { askerTokenFor } from './asker-tokens';
import { ASK_DRAFT_KEY, loadAskDraft } from './ask-draft';
import { QUESTIONS_CONSENT_VERSION } from './AskNotice';
import { leadingZeroBits } from './challenge';
import { AskPage } from './AskPage';
import { ASK_PATH } from './paths';
import { ASKER_TOKEN, choiceRoutes, QUESTION_ID, SIGNED_OUT } from './questions.fixtures';

const routes = [{ path: ASK_PATH, element: <AskPage /> }];
const CHALLENGE_TOKEN = 'eyJpZCI6InRlc3QifQ.c2lnbmF0dXJl';

function askRoutes(status: 'pending' | 'published' = 'pending') {
  return [
    SIGNED_OUT,
    ...choiceRoutes(),
    answer('GET', '/api/v1/questions/suggestions', ({ url }) => ({
      body: {
        items: /khai sinh/i.test(url.searchParams.get('q') ?? '')
          ? [
              {
                id: QUESTION_ID,
                title: 'Đăng ký khai sinh trực tuyến cần giấy tờ gì?',
                answerCount: 2,
                hasAcceptedAnswer: true,
              },
              {
                id: '0190f1a0-0000-7000-8000-000000000002',
                title: 'Khai sinh cho con chưa ai trả lời',
                answerCount: 0,
                hasAcceptedAnswer: false,
              },
            ]
          : [],
      },
    })),
    answer('GET', '/api/v1/questions/challenge', {
      body: {
        token: CHALLENGE_TOKEN,
        algorithm: 'sha256-leading-zero-bits',
        difficulty: 8,
        expiresAt: '2026-12-06T10:00:00.000Z',
      },
    }),
    answer('POST', '/api/v1/questions', {
      status: 201,
      body: { id: QUESTION_ID, status, askerToken: ASKER_TOKEN },
    }),
  ];
}

beforeEach(() => localStorage.clear());

describe('asking a question', () => {
  it('offers similar answered questions as links while the title is typed', async () => {
    const api = installFakeApi(askRoutes());
    await renderInApp(routes, { path: ASK_PATH });
    fireEvent.change(await screen.findByRole('textbox', { name: /Câu hỏi của bạn/ }), {
      target: { value: 'dang ky khai sinh' },
    });
    expect(
      await screen.findByRole('heading', { name: 'Câu hỏi tương tự đã có lời đáp' }, { timeout: 2000 }),
    ).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Đăng ký khai sinh trực tuyến cần giấy tờ gì?' });
    expect(link.getAttribute('href')).toBe(`/questions/${QUESTION_ID}`);
    // Only answered ones are offered, and the pause is asked about once, not per key.
    expect(screen.queryByRole('link', { name: 'Khai sinh cho con chưa ai trả lời' })).toBeNull();
    expect(api.callsTo('GET', '/api/v1/questions/suggestions')).toHaveLength(1);
  });

  it('names what is missing and sends nothing without the consent', async () => {
    const api = installFakeApi(askRoutes());
    await renderInApp(routes, { path: ASK_PATH });
    expect(
      await screen.findByText(/Tôi đồng ý để câu hỏi của tôi và câu trả lời được đăng công khai/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await screen.findAllByText('Câu hỏi cần ít nhất 8 ký tự.')).not.toHaveLength(0);
    expect(screen.getAllByText('Hãy đánh dấu đồng ý để gửi câu hỏi.')).not.toHaveLength(0);
    expect(api.callsTo('POST', '/api/v1/questions')).toHaveLength(0);
  });

  it('solves the challenge in the page, sends, and shows the moderation notice and the private link', async () => {
    const api = installFakeApi(askRoutes('pending'));
    await renderInApp(routes, { path: ASK_PATH });
    fireEvent.change(await screen.findByRole('textbox', { name: /Câu hỏi của bạn/ }), {
      target: { value: 'Làm căn cước cho con dưới 14 tuổi?' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Nội dung chi tiết/ }), {
      target: { value: 'Con tôi 10 tuổi, làm căn cước ở đâu và cần gì?' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /E-mail để được báo/ }), {
      target: { value: 'lan@example.vn' },
    });
    await screen.findByRole('option', { name: 'Thủ tục hành chính' });
    fireEvent.change(screen.getByRole('combobox', { name: /Chủ đề/ }), { target: { value: 'procedures' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tôi đồng ý với nội dung trên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await screen.findByRole('heading', { name: 'Đã gửi câu hỏi' })).toBeTruthy();
    expect(screen.getByText(/đang chờ kiểm duyệt/)).toBeTruthy();
    expect(screen.getByTestId('asker-link').getAttribute('href')).toBe(
      `/questions/${QUESTION_ID}?askerToken=${ASKER_TOKEN}`,
    );
    const body = api.callsTo('POST', '/api/v1/questions')[0]!.body as {
      challenge: { token: string; nonce: string };
      [key: string]: unknown;
    };
    expect(body).toMatchObject({
      title: 'Làm căn cước cho con dưới 14 tuổi?',
      topic: 'procedures',
      email: 'lan@example.vn',
      consentVersion: QUESTIONS_CONSENT_VERSION,
    });
    expect(body.challenge.token).toBe(CHALLENGE_TOKEN);
    const digest = createHash('sha256').update(`${CHALLENGE_TOKEN}:${body.challenge.nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(8);
    expect(askerTokenFor(QUESTION_ID)).toBe(ASKER_TOKEN);
    expect(localStorage.getItem(ASK_DRAFT_KEY)).toBeNull();
  });

  it('keeps the draft across a reload and says so', async () => {
    installFakeApi(askRoutes());
    const first = await renderInApp(routes, { path: ASK_PATH });
    fireEvent.change(await screen.findByRole('textbox', { name: /Câu hỏi của bạn/ }), {
      target: { value: 'Một câu hỏi đang viết dở' },
    });
    expect(loadAskDraft()?.title).toBe('Một câu hỏi đang viết dở');
    first.unmount();
    await renderInApp(routes, { path: ASK_PATH });
    expect(await screen.findByText('Câu hỏi bạn đang viết dở đã được mở lại.')).toBeTruthy();
  });

  it('speaks English', async () => {
    installFakeApi(askRoutes());
    await renderInApp(routes, { path: ASK_PATH, language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ask a question' })).toBeTruthy();
    // The consent notice loads after the first paint (the page's budget): wait for it.
    expect(await screen.findByText(/I agree that my question and its answer are published/)).toBeTruthy();
  });
});
