import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { CODE, publicRequest, TOKEN } from './help-requests.fixtures';
import { HelpTrackPage } from './HelpTrackPage';
import { HELP_TRACK_PATH } from './paths';

const routes = [{ path: HELP_TRACK_PATH, element: <HelpTrackPage /> }];
const DONE = { vi: 'Đã hỗ trợ xong', en: 'Help given' };

beforeEach(() => localStorage.clear());

describe('a help request’s public status page', () => {
  it('shows the state in words, the place, the team and the steps, and no personal data', async () => {
    installFakeApi([answer('GET', `/api/v1/help-requests/track/${CODE}`, { body: publicRequest() })]);
    await renderInApp(routes, { path: `/help/${CODE.toLowerCase()}` });
    expect(await screen.findByRole('heading', { level: 1, name: `Yêu cầu hỗ trợ ${CODE}` })).toBeTruthy();
    expect(screen.getByTestId('help-status').textContent).toBe('Đã nhận, đang chờ tổ liên hệ');
    expect(screen.getByText('Khu phố Bình Phú, Phường Tân An')).toBeTruthy();
    expect(screen.getByText('Tổ công nghệ số cộng đồng khu phố Bình Phú')).toBeTruthy();
    expect(screen.getByText('Trang này không hiện tên, số điện thoại hay địa chỉ của bạn.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Đánh giá việc hỗ trợ' })).toBeNull();
  });

  it('lets the requester rate done help from the private link, once', async () => {
    let rated = false;
    const done = publicRequest({
      state: 'done',
      status: DONE,
      canRate: true,
      timeline: [
        { state: 'new', status: { vi: 'Đã nhận', en: 'Received' }, at: '2026-12-07T02:00:00.000Z' },
        { state: 'done', status: DONE, at: '2026-12-08T02:00:00.000Z' },
      ],
    });
    const api = installFakeApi([
      answer('GET', `/api/v1/help-requests/track/${CODE}`, () => ({
        body: rated ? { ...done, canRate: false, rating: 5 } : done,
      })),
      answer('POST', `/api/v1/help-requests/track/${CODE}/rate`, () => {
        rated = true;
        return { body: { code: CODE, rating: 5 } };
      }),
    ]);
    await renderInApp(routes, { path: `/help/${CODE}?token=${TOKEN}` });
    expect(await screen.findByRole('heading', { name: 'Đánh giá việc hỗ trợ' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findAllByText('Hãy chọn số sao.')).not.toHaveLength(0);
    fireEvent.click(screen.getByRole('radio', { name: '5 sao' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Góp ý thêm/ }), {
      target: { value: 'Rất nhiệt tình.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText('Cảm ơn bạn đã đánh giá!')).toBeTruthy();
    expect(await screen.findByText('Bạn đã đánh giá 5/5 sao. Cảm ơn bạn!')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/help-requests/track/${CODE}/rate`)[0]!.body).toEqual({
      token: TOKEN,
      rating: 5,
      comment: 'Rất nhiệt tình.',
    });
  });

  it('asks for the private link when done help is opened without it', async () => {
    installFakeApi([
      answer('GET', `/api/v1/help-requests/track/${CODE}`, {
        body: publicRequest({ state: 'done', status: DONE, canRate: true }),
      }),
    ]);
    await renderInApp(routes, { path: `/help/${CODE}` });
    expect(await screen.findByText(/hãy mở đường dẫn riêng/)).toBeTruthy();
  });

  it('says when a code is malformed or unknown, and offers the lookup', async () => {
    installFakeApi([
      answer('GET', `/api/v1/help-requests/track/${CODE}`, {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'No such request' } },
      }),
    ]);
    const view = await renderInApp(routes, { path: '/help/abc' });
    expect(await screen.findByText('Mã chưa đúng dạng YCHT.năm tháng ngày.số.')).toBeTruthy();
    view.unmount();
    await renderInApp(routes, { path: `/help/${CODE}` });
    expect(await screen.findByText('Không tìm thấy yêu cầu có mã này.')).toBeTruthy();
    expect(screen.getByRole('search', { name: 'Xem tiến độ yêu cầu hỗ trợ' })).toBeTruthy();
  });
});
