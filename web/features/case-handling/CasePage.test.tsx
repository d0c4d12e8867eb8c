import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp, type FakeRoute } from '../geography/fake-api';
import { CasePage } from './CasePage';
import {
  agency,
  AGENCY_ID,
  CASE_ID,
  CATEGORIES,
  COMMUNE_OFFICER,
  handlerCase,
  OTHER_AGENCY_ID,
  template,
} from './test-fixtures';

const BASE = `/api/v1/cases/${CASE_ID}`;
const routes = [{ path: '/cases/:id', element: <CasePage /> }];

function fakeApi(caseView = handlerCase(), extra: FakeRoute[] = []) {
  return installFakeApi([
    ...extra,
    answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
    answer('GET', `${BASE}/handling`, { body: caseView }),
    answer('GET', '/api/v1/agencies', {
      body: {
        items: [agency(), agency({ id: OTHER_AGENCY_ID, name: 'Điện lực Tây Ninh', kind: 'utility' })],
      },
    }),
    answer('GET', '/api/v1/case-templates', {
      body: {
        items: [
          template(),
          template({ id: 't2', purpose: 'answer', title: 'Đã khắc phục', body: 'Đơn vị đã khắc phục xong.' }),
        ],
      },
    }),
    answer('GET', '/api/v1/case-categories', { body: { items: CATEGORIES } }),
  ]);
}

async function openCase() {
  await renderInApp(routes, { path: `/cases/${CASE_ID}` });
  await screen.findByRole('heading', { level: 1, name: 'Ổ gà lớn trước chợ Tân Ninh' });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the case screen', () => {
  it('offers only the steps the server names, and tells internal entries from public ones', async () => {
    fakeApi();
    await openCase();
    const panel = screen.getByRole('region', { name: 'Bước tiếp theo' });
    expect(
      within(panel)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Tiếp nhận', 'Không tiếp nhận', 'Gộp vào phản ánh khác']);
    expect(screen.queryByRole('button', { name: 'Trả lời' })).toBeNull();
    const history = screen.getByRole('region', { name: 'Diễn biến xử lý' });
    const entries = within(history).getAllByRole('listitem');
    expect(within(entries[0]!).getByText('Nội bộ')).toBeTruthy();
    expect(within(entries[0]!).getByText('Ghi chú nội bộ')).toBeTruthy();
    expect(within(entries[1]!).getByText('Công khai')).toBeTruthy();
    // No moderation or extension panel for someone whose `can` has neither.
    expect(screen.queryByRole('region', { name: 'Kiểm duyệt' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Gia hạn xử lý' })).toBeNull();
  });

  it('accepts with the severity chosen and assigns at once to the routed agency', async () => {
    const api = fakeApi(handlerCase(), [
      answer('POST', `${BASE}/actions`, {
        body: handlerCase({
          state: 'assigned',
          agencyId: AGENCY_ID,
          agencyName: 'Sở Xây dựng',
          caseActions: ['reassign'],
        }),
      }),
    ]);
    await openCase();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp nhận' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tiếp nhận phản ánh' });
    fireEvent.click(within(dialog).getByLabelText('Khẩn'));
    expect((within(dialog).getByLabelText('Chuyển ngay cho cơ quan xử lý') as HTMLInputElement).checked).toBe(
      true,
    );
    expect(await within(dialog).findByText('Sở Xây dựng (theo quy tắc phân công)')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tiếp nhận' }));
    await vi.waitFor(() => expect(api.callsTo('POST', `${BASE}/actions`)).toHaveLength(1));
    expect(api.callsTo('POST', `${BASE}/actions`)[0]!.body).toEqual({
      action: 'accept',
      severity: 'urgent',
      assign: true,
    });
    expect(await screen.findByText('Đã lưu: Tiếp nhận.')).toBeTruthy();
    expect(screen.getAllByText('Đã chuyển cơ quan xử lý').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Chuyển cơ quan khác' })).toBeTruthy();
  });

  it('refuses only with a reason, taken from a template or typed', async () => {
    const api = fakeApi(handlerCase(), [
      answer('POST', `${BASE}/actions`, { body: handlerCase({ state: 'refused', caseActions: [] }) }),
    ]);
    await openCase();
    fireEvent.click(screen.getByRole('button', { name: 'Không tiếp nhận' }));
    const dialog = await screen.findByRole('dialog', { name: 'Không tiếp nhận phản ánh' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Không tiếp nhận' }));
    expect(await within(dialog).findByText('Hãy ghi lý do, ít nhất 5 ký tự.')).toBeTruthy();
    expect(api.callsTo('POST', `${BASE}/actions`)).toHaveLength(0);
    fireEvent.change(await within(dialog).findByLabelText('Dùng câu soạn sẵn'), { target: { value: 't1' } });
    fireEvent.click(within(dialog).getByLabelText('Không thuộc thẩm quyền giải quyết'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Không tiếp nhận' }));
    await vi.waitFor(() => expect(api.callsTo('POST', `${BASE}/actions`)).toHaveLength(1));
    expect(api.callsTo('POST', `${BASE}/actions`)[0]!.body).toEqual({
      action: 'refuse',
      reason: 'Nội dung phản ánh không thuộc thẩm quyền giải quyết của cơ quan.',
      notCompetent: true,
    });
    expect(await screen.findByText('Ở bước này bạn không có thao tác nào.')).toBeTruthy();
  });

  it('answers with the text typed; a stale screen is refreshed and said so', async () => {
    let answered = 0;
    const api = fakeApi(handlerCase({ state: 'in_progress', caseActions: ['answer', 'reassign'] }), [
      answer('POST', `${BASE}/actions`, () =>
        ++answered === 1
          ? { status: 409, body: { error: { code: 'CONFLICT', message: 'Stale', messageVi: 'Đã thay đổi' } } }
          : {
              body: handlerCase({
                state: 'answered',
                answer: 'Đơn vị đã khắc phục xong.',
                caseActions: ['close'],
              }),
            },
      ),
    ]);
    await openCase();
    fireEvent.click(screen.getByRole('button', { name: 'Trả lời' }));
    let dialog = await screen.findByRole('dialog', { name: 'Trả lời người dân' });
    fireEvent.change(within(dialog).getByLabelText('Nội dung trả lời (công khai)'), {
      target: { value: 'Xong' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lời' }));
    expect(await within(dialog).findByText('Hãy viết câu trả lời, ít nhất 5 ký tự.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Nội dung trả lời (công khai)'), {
      target: { value: 'Đơn vị đã khắc phục xong.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lời' }));
    expect(await screen.findByText(/vừa được người khác xử lý/)).toBeTruthy();
    // The case was read again after the conflict.
    await vi.waitFor(() => expect(api.callsTo('GET', `${BASE}/handling`).length).toBeGreaterThan(1));
    fireEvent.click(screen.getByRole('button', { name: 'Trả lời' }));
    dialog = await screen.findByRole('dialog', { name: 'Trả lời người dân' });
    fireEvent.change(await within(dialog).findByLabelText('Dùng câu soạn sẵn'), { target: { value: 't2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lời' }));
    await vi.waitFor(() => expect(api.callsTo('POST', `${BASE}/actions`)).toHaveLength(2));
    expect(api.callsTo('POST', `${BASE}/actions`)[1]!.body).toEqual({
      action: 'answer',
      text: 'Đơn vị đã khắc phục xong.',
    });
    expect(await screen.findByRole('button', { name: 'Đóng phản ánh' })).toBeTruthy();
  });

  it('reveals the full contact only with a reason, and says the reveal is logged', async () => {
    const api = fakeApi(handlerCase(), [
      answer('POST', `${BASE}/reveal-contact`, { body: { phone: '0912345678', email: null } }),
    ]);
    await openCase();
    expect(screen.getByText('09•• ••• 678')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Xem số đầy đủ' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xem thông tin liên hệ đầy đủ' });
    expect(within(dialog).getByText(/ghi vào nhật ký truy cập dữ liệu cá nhân/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xem và ghi nhật ký' }));
    expect(await within(dialog).findByText('Hãy ghi lý do, ít nhất 5 ký tự.')).toBeTruthy();
    expect(api.callsTo('POST', `${BASE}/reveal-contact`)).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('Lý do cần xem'), {
      target: { value: 'Gọi lại hỏi vị trí chính xác' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xem và ghi nhật ký' }));
    const call = await screen.findByRole('link', { name: 'Gọi 0912345678' });
    expect(call.getAttribute('href')).toBe('tel:0912345678');
    expect(api.callsTo('POST', `${BASE}/reveal-contact`)[0]!.body).toEqual({
      reason: 'Gọi lại hỏi vị trí chính xác',
    });
    expect(screen.getByText('Lần xem này đã được ghi vào nhật ký truy cập.')).toBeTruthy();
  });

  it('posts an internal note only once the handler has chosen who may see it', async () => {
    const api = fakeApi(handlerCase(), [answer('POST', `${BASE}/notes`, { body: handlerCase() })]);
    await openCase();
    const form = screen.getByRole('region', { name: 'Thêm ghi chú hoặc cập nhật' });
    fireEvent.change(within(form).getByLabelText('Nội dung'), {
      target: { value: 'Hẹn kiểm tra sáng mai.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await within(form).findByText('Hãy điền mục này.')).toBeTruthy();
    expect(api.callsTo('POST', `${BASE}/notes`)).toHaveLength(0);
    fireEvent.click(within(form).getByLabelText(/Ghi chú nội bộ/));
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await within(form).findByText('Đã lưu ghi chú nội bộ.')).toBeTruthy();
    expect(api.callsTo('POST', `${BASE}/notes`)[0]!.body).toEqual({
      body: 'Hẹn kiểm tra sáng mai.',
      public: false,
    });
  });
});
