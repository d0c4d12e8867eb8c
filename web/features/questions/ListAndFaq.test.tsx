import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { FaqPage } from './FaqPage';
import { FAQ_PATH, QUESTIONS_PATH } from './paths';
import { QuestionsPage } from './QuestionsPage';
import { choiceRoutes, faq, QUESTION_ID, SIGNED_OUT, summary } from './questions.fixtures';

beforeEach(() => localStorage.clear());

describe('the public list of questions', () => {
  it('searches and filters through the URL, pages by cursor, and links to asking and the FAQ', async () => {
    const api = installFakeApi([
      SIGNED_OUT,
      ...choiceRoutes(),
      answer('GET', '/api/v1/questions', ({ url }) =>
        url.searchParams.get('cursor')
          ? {
              body: {
                items: [
                  summary({
                    id: '0190f1a0-0000-7000-8000-000000000002',
                    title: 'Câu hỏi trang hai',
                    answerCount: 0,
                  }),
                ],
                nextCursor: null,
              },
            }
          : { body: { items: [summary()], nextCursor: 'c2' } },
      ),
    ]);
    await renderInApp([{ path: QUESTIONS_PATH, element: <QuestionsPage /> }], { path: QUESTIONS_PATH });
    const first = await screen.findByRole('link', { name: summary().title });
    expect(first.getAttribute('href')).toBe(`/questions/${QUESTION_ID}`);
    expect(screen.getByText('Có trả lời chính thức')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Đặt câu hỏi' }).getAttribute('href')).toBe('/questions/ask');
    expect(screen.getByRole('link', { name: 'Câu hỏi thường gặp' }).getAttribute('href')).toBe('/faq');
    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByRole('link', { name: 'Câu hỏi trang hai' })).toBeTruthy();
    expect(screen.getAllByText('Chưa có lời đáp').some((el) => el.classList.contains('tag'))).toBe(true);

    fireEvent.change(screen.getByRole('searchbox', { name: /Tìm câu hỏi/ }), {
      target: { value: 'dang ky khai sinh' },
    });
    await screen.findByRole('option', { name: 'Phường Tân An' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Xã, phường' }), { target: { value: '25459' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Trạng thái' }), { target: { value: 'no' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tìm' }));
    await waitFor(() => {
      const last = api.callsTo('GET', '/api/v1/questions').at(-1)!.url.searchParams;
      expect([last.get('q'), last.get('unit'), last.get('answered')]).toEqual([
        'dang ky khai sinh',
        '25459',
        'no',
      ]);
    });
  });

  it('says when nothing matches and offers to ask', async () => {
    installFakeApi([
      SIGNED_OUT,
      ...choiceRoutes(),
      answer('GET', '/api/v1/questions', { body: { items: [], nextCursor: null } }),
    ]);
    await renderInApp([{ path: QUESTIONS_PATH, element: <QuestionsPage /> }], {
      path: `${QUESTIONS_PATH}?q=xyz`,
    });
    expect(await screen.findByText('Chưa có câu hỏi nào khớp.')).toBeTruthy();
  });
});

describe('the FAQ', () => {
  it('lists the curated questions by topic with FAQPage JSON-LD, skipping empty topics', async () => {
    installFakeApi([SIGNED_OUT, answer('GET', '/api/v1/faq', { body: faq() })]);
    const view = await renderInApp([{ path: FAQ_PATH, element: <FaqPage /> }], { path: FAQ_PATH });
    expect(await screen.findByRole('heading', { level: 2, name: 'Thủ tục hành chính' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'Khác' })).toBeNull();
    expect(screen.getByText('Bạn cần giấy chứng sinh và CCCD của cha mẹ.')).toBeTruthy();
    const ld = view.container.querySelector('script[type="application/ld+json"]');
    expect(JSON.parse(ld!.innerHTML)).toMatchObject({ '@type': 'FAQPage' });
  });

  it('speaks English', async () => {
    installFakeApi([SIGNED_OUT, answer('GET', '/api/v1/faq', { body: faq() })]);
    await renderInApp([{ path: FAQ_PATH, element: <FaqPage /> }], { path: FAQ_PATH, language: 'en' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Administrative procedures' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Frequently asked questions' })).toBeTruthy();
  });
});
