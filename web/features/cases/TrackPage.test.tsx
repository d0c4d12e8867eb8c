import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { CODE, publicCase, TOKEN } from './cases.fixtures';
import { TRACK_PATH } from './paths';
import { myReports, reportDatabase, resetReportDatabaseForTests } from './report-store';
import { TrackPage } from './TrackPage';

beforeEach(async () => {
  await resetReportDatabaseForTests();
});

const routes = [{ path: TRACK_PATH, element: <TrackPage /> }];
const track = (item: ReturnType<typeof publicCase>) =>
  answer('GET', `/api/v1/cases/track/${CODE}`, { body: item });

describe('a case’s tracking page', () => {
  it('says a case waiting for acceptance is not public yet, with its deadline', async () => {
    installFakeApi([track(publicCase({ published: false, title: '', description: '' }))]);
    await renderInApp(routes, { path: `/reports/${CODE}` });
    expect(await screen.findByRole('heading', { name: CODE })).toBeTruthy();
    expect(screen.getByText(/Nội dung sẽ được công khai sau khi được tiếp nhận/)).toBeTruthy();
    expect(screen.getByText('Đã gửi, chờ tiếp nhận')).toBeTruthy();
    // Due Monday 7 December 2026 at 16:00 in Vietnam.
    expect(screen.getByText(/07\/12\/2026 16:00/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Tiến trình xử lý' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /\+1/ })).toBeNull();
  });

  it('lets the reporter rate an answered case from the private link, then remembers the link on the device', async () => {
    const answered = publicCase({
      state: 'answered',
      agencyName: 'Phòng Kinh tế phường Tân An',
      answer: 'Đã vá ổ gà ngày 06/12.',
      answeredAt: '2026-12-06T08:00:00.000Z',
      mayRate: true,
      mayDispute: true,
      deadlineStatus: null,
    });
    // After the rating the server no longer offers it: the refreshed case says so, and the thanks must stay.
    let rated = false;
    const api = installFakeApi([
      answer('GET', `/api/v1/cases/track/${CODE}`, () => ({
        body: rated ? { ...answered, mayRate: false, rating: 4 } : answered,
      })),
      answer('POST', `/api/v1/cases/${answered.id}/rate`, () => {
        rated = true;
        return { body: { id: answered.id, rating: 4 } };
      }),
    ]);
    await renderInApp(routes, { path: `/reports/${CODE}?token=${TOKEN}` });
    expect(await screen.findByRole('heading', { name: 'Kết quả xử lý' })).toBeTruthy();
    expect(screen.getByText('Đã vá ổ gà ngày 06/12.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Không đồng ý với kết quả' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findAllByText('Hãy chọn một mức.')).not.toHaveLength(0);
    fireEvent.click(screen.getByRole('radio', { name: '4 — Hài lòng' }));
    fireEvent.change(screen.getByLabelText(/Ý kiến thêm/), { target: { value: 'Nhanh, cảm ơn.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText('Cảm ơn bạn đã đánh giá.')).toBeTruthy();
    expect(await screen.findByText('Người phản ánh đã đánh giá 4/5.')).toBeTruthy();
    expect(screen.getByText('Cảm ơn bạn đã đánh giá.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/cases/${answered.id}/rate`)[0]!.body).toEqual({
      token: TOKEN,
      rating: 4,
      comment: 'Nhanh, cảm ơn.',
    });
    await waitFor(async () =>
      expect(await myReports(reportDatabase())).toMatchObject([{ code: CODE, token: TOKEN }]),
    );
  });

  it('offers the dispute only inside its window, and rating only to the reporter', async () => {
    const late = publicCase({
      state: 'answered',
      answer: 'Đã xử lý.',
      answeredAt: '2026-11-20T08:00:00.000Z',
      mayRate: true,
      mayDispute: false,
    });
    installFakeApi([track(late)]);
    await renderInApp(routes, { path: `/reports/${CODE}` });
    expect(await screen.findByText('Đã xử lý.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Không đồng ý với kết quả' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).toBeNull();
    expect(screen.getByText(/Chỉ người gửi mới đánh giá được/)).toBeTruthy();
  });

  it('sends a dispute with the reason, from the token kept on this device', async () => {
    const answered = publicCase({
      state: 'answered',
      answer: 'Đã xử lý.',
      answeredAt: '2026-12-05T08:00:00.000Z',
      mayDispute: true,
    });
    await reportDatabase().mine.put({
      id: answered.id,
      code: CODE,
      token: TOKEN,
      title: 'x',
      submittedAt: answered.submittedAt,
    });
    const api = installFakeApi([
      track(answered),
      answer('POST', `/api/v1/cases/${answered.id}/dispute`, {
        body: { id: answered.id, state: 'in_progress', handleDueAt: '2026-12-10T10:00:00.000Z' },
      }),
    ]);
    await renderInApp(routes, { path: `/reports/${CODE}` });
    fireEvent.change(await screen.findByLabelText(/Vì sao bạn không đồng ý/), {
      target: { value: 'Ổ gà vẫn còn.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Đề nghị xử lý lại' }));
    expect(await screen.findByText(/Phản ánh được mở lại/)).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/cases/${answered.id}/dispute`)[0]!.body).toEqual({
      token: TOKEN,
      reason: 'Ổ gà vẫn còn.',
    });
  });

  it('answers an unknown code with the lookup form, in English too', async () => {
    installFakeApi([
      answer('GET', /\/api\/v1\/cases\/track\//, {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'No such case' } },
      }),
    ]);
    await renderInApp(routes, { path: '/reports/PAKN.20261205.9999', language: 'en' });
    expect(await screen.findByText('No report has this code.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Tracking code/), { target: { value: 'not a code' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findAllByText(/A tracking code looks like PAKN/)).not.toHaveLength(0);
  });
});
