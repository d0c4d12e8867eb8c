import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { CasePage } from './CasePage';
import { CASE_ID, CATEGORIES, COMMUNE_OFFICER, handlerCase } from './test-fixtures';

const BASE = `/api/v1/cases/${CASE_ID}`;
const PHOTO = {
  id: 'p1',
  url: '/api/v1/case-files/p1/display',
  thumbUrl: '/api/v1/case-files/p1/thumb',
  width: 1280,
  height: 960,
  hidden: false,
};
const EXTENSION = {
  id: 'x1',
  reason: 'Chờ vật tư thay nắp cống',
  workingDays: 5,
  status: 'pending' as const,
  requestedBy: 'Lê Văn Cường',
  requestedAt: '2026-12-02T02:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the case screen’s supervision panels', () => {
  it('decides an extension with the id in the address and only the decision in the body', async () => {
    const caseView = handlerCase({
      state: 'in_progress',
      caseActions: [],
      extensions: [EXTENSION],
      can: ['decideExtension'],
    });
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', `${BASE}/handling`, { body: caseView }),
      answer('POST', `${BASE}/extensions/x1/decision`, {
        body: {
          ...caseView,
          extensions: [
            {
              ...EXTENSION,
              status: 'approved',
              decidedBy: 'Trần Văn Bình',
              decidedAt: '2026-12-02T04:00:00.000Z',
            },
          ],
        },
      }),
    ]);
    await renderInApp([{ path: '/cases/:id', element: <CasePage /> }], { path: `/cases/${CASE_ID}` });
    const panel = await screen.findByRole('region', { name: 'Gia hạn xử lý' });
    expect(within(panel).getByText('Chờ duyệt')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Gửi đề nghị gia hạn' })).toBeNull();
    fireEvent.change(within(panel).getByLabelText(/Ghi chú quyết định/), {
      target: { value: 'Đồng ý, báo lại khi xong' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Duyệt gia hạn' }));
    expect(await within(panel).findByText('Đã ghi quyết định gia hạn.')).toBeTruthy();
    expect(api.callsTo('POST', `${BASE}/extensions/x1/decision`)[0]!.body).toEqual({
      approve: true,
      note: 'Đồng ý, báo lại khi xong',
    });
    expect(within(panel).getByText('Đã duyệt')).toBeTruthy();
  });

  it('lets a handler ask for an extension with a reason and a number of working days', async () => {
    const caseView = handlerCase({
      state: 'in_progress',
      caseActions: ['answer'],
      can: ['requestExtension'],
    });
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', `${BASE}/handling`, { body: caseView }),
      answer('GET', '/api/v1/case-categories', { body: { items: CATEGORIES } }),
      answer('POST', `${BASE}/extensions`, { body: { ...caseView, extensions: [EXTENSION] } }),
    ]);
    await renderInApp([{ path: '/cases/:id', element: <CasePage /> }], { path: `/cases/${CASE_ID}` });
    const panel = await screen.findByRole('region', { name: 'Gia hạn xử lý' });
    fireEvent.change(within(panel).getByLabelText('Số ngày làm việc xin thêm'), { target: { value: '45' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Gửi đề nghị gia hạn' }));
    expect(await within(panel).findByText('Số ngày từ 1 đến 30.')).toBeTruthy();
    expect(within(panel).getByText('Hãy ghi lý do, ít nhất 5 ký tự.')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Lý do xin gia hạn'), {
      target: { value: 'Chờ vật tư thay nắp cống' },
    });
    fireEvent.change(within(panel).getByLabelText('Số ngày làm việc xin thêm'), { target: { value: '5' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Gửi đề nghị gia hạn' }));
    expect(await within(panel).findByText('Đã gửi đề nghị gia hạn.')).toBeTruthy();
    expect(api.callsTo('POST', `${BASE}/extensions`)[0]!.body).toEqual({
      reason: 'Chờ vật tư thay nắp cống',
      workingDays: 5,
    });
  });

  it('moderates: hides a photo, hides the case with a reason, blocks the sender', async () => {
    const caseView = handlerCase({ allPhotos: [PHOTO], can: ['moderate', 'block'], caseActions: [] });
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', `${BASE}/handling`, { body: caseView }),
      answer('POST', `${BASE}/moderation`, { body: caseView }),
      answer('POST', `${BASE}/block-sender`, {
        body: { ...caseView, reporter: { ...caseView.reporter, blocked: true } },
      }),
    ]);
    await renderInApp([{ path: '/cases/:id', element: <CasePage /> }], { path: `/cases/${CASE_ID}` });
    const panel = await screen.findByRole('region', { name: 'Kiểm duyệt' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Ẩn ảnh 1' }));
    await vi.waitFor(() => expect(api.callsTo('POST', `${BASE}/moderation`)).toHaveLength(1));
    expect(api.callsTo('POST', `${BASE}/moderation`)[0]!.body).toEqual({ hidePhotoIds: ['p1'] });
    fireEvent.change(within(panel).getByLabelText('Lý do ẩn'), {
      target: { value: 'Có số điện thoại người khác' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Ẩn phản ánh khỏi trang công khai' }));
    await vi.waitFor(() => expect(api.callsTo('POST', `${BASE}/moderation`)).toHaveLength(2));
    expect(api.callsTo('POST', `${BASE}/moderation`)[1]!.body).toEqual({
      hidden: true,
      hiddenReason: 'Có số điện thoại người khác',
    });

    fireEvent.click(within(panel).getByRole('button', { name: 'Chặn người gửi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Chặn người gửi phản ánh' });
    fireEvent.change(within(dialog).getByLabelText('Lý do chặn'), {
      target: { value: 'Gửi nội dung xúc phạm nhiều lần' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Số ngày chặn/), { target: { value: '90' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chặn người gửi' }));
    await vi.waitFor(() => expect(api.callsTo('POST', `${BASE}/block-sender`)).toHaveLength(1));
    expect(api.callsTo('POST', `${BASE}/block-sender`)[0]!.body).toEqual({
      reason: 'Gửi nội dung xúc phạm nhiều lần',
      days: 90,
    });
    expect(await screen.findByText('Người gửi này đang bị chặn gửi phản ánh.')).toBeTruthy();
  });
});
