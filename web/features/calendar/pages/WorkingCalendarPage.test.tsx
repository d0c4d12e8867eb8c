import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CalendarDay, CalendarYear } from '../../../../shared/contracts/calendar';
import { answer, installFakeApi, renderInApp, type RecordedCall } from '../../geography/fake-api';
import { WorkingCalendarPage } from './WorkingCalendarPage';

const ME = {
  user: { id: 'u1', name: 'Nguyễn Thị Thu Hà', email: 'ha@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'province_admin', unitCode: '80', unitName: 'Tỉnh Tây Ninh' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['calendar.manage'],
};

const TET: CalendarDay = {
  day: '2026-02-16',
  kind: 'holiday',
  nameVi: 'Tết Nguyên đán Bính Ngọ',
  nameEn: 'Lunar New Year (Year of the Horse)',
  origin: 'national',
  isWorkingDay: false,
  national: null,
};
const OWN: CalendarDay = {
  day: '2026-03-09',
  kind: 'holiday',
  nameVi: 'Nghỉ kỷ niệm ngày thành lập tỉnh',
  nameEn: 'Province founding anniversary',
  origin: 'province',
  isWorkingDay: false,
  national: null,
};
const CANCELLED: CalendarDay = {
  day: '2026-09-01',
  kind: 'cancelled',
  nameVi: 'Tỉnh làm việc',
  nameEn: 'Worked in the province',
  origin: 'province',
  isWorkingDay: true,
  national: { kind: 'holiday', nameVi: 'Quốc khánh', nameEn: 'National Day' },
};

function yearOf(year: number, overrides: Partial<CalendarYear> = {}): CalendarYear {
  return {
    provinceCode: '80',
    year,
    hours: {
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      weekdays: [1, 2, 3, 4, 5],
      isDefault: true,
      updatedAt: null,
    },
    national: {
      source:
        year === 2027 ? 'Tạm tính theo Điều 112 Bộ luật Lao động 2019' : 'Thông báo của Bộ Nội vụ (10/2025)',
      provisional: year === 2027,
    },
    nationalYears: [2025, 2026, 2027],
    days: year === 2026 ? [TET, OWN, CANCELLED] : [],
    actions: ['calendar.manage'],
    ...overrides,
  };
}

const readCalendar = (overrides: Partial<CalendarYear> = {}) =>
  answer('GET', '/api/v1/calendars/80', (call: RecordedCall) => ({
    body: yearOf(Number(call.url.searchParams.get('year')), overrides),
  }));

const render = (language: 'vi' | 'en' = 'vi') =>
  renderInApp(<WorkingCalendarPage />, { path: '/admin/calendar?year=2026', language });

describe('WorkingCalendarPage', () => {
  it('shows the hours and the year’s days with dd/mm/yyyy dates, origin and source, and switches years', async () => {
    const api = installFakeApi([answer('GET', '/api/v1/me', { body: ME }), readCalendar()]);
    await render();

    const table = await screen.findByRole('table', { name: 'Ngày nghỉ và ngày làm việc hoán đổi năm 2026' });
    const tet = within(table).getByRole('row', { name: /16\/02\/2026/ });
    expect(within(tet).getByText('Tết Nguyên đán Bính Ngọ')).toBeTruthy();
    expect(within(tet).getByText('(Thứ Hai)')).toBeTruthy();
    expect(within(tet).getByText('Cả nước')).toBeTruthy();
    expect(within(tet).getByText('Nghỉ')).toBeTruthy();
    expect(within(tet).queryByRole('button')).toBeNull();
    const cancelled = within(table).getByRole('row', { name: /01\/09\/2026/ });
    expect(within(cancelled).getByText('Bỏ ngày nghỉ chung')).toBeTruthy();
    expect(within(cancelled).getByText('Thay cho: Quốc khánh')).toBeTruthy();
    expect(within(cancelled).getByText('Tỉnh')).toBeTruthy();
    expect(within(cancelled).getByText('Làm việc')).toBeTruthy();
    expect(screen.getByText(/Nguồn lịch nghỉ chung của cả nước: Thông báo của Bộ Nội vụ/)).toBeTruthy();
    expect(screen.getByText('Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu')).toBeTruthy();
    expect(screen.getByText('07:30–11:30, 13:30–17:00')).toBeTruthy();
    expect(
      api.calls.find((c) => c.url.pathname === '/api/v1/calendars/80')?.url.searchParams.get('year'),
    ).toBe('2026');

    fireEvent.change(screen.getByLabelText('Năm'), { target: { value: '2027' } });
    expect(await screen.findByText(/Lịch năm 2027 đang được tạm tính/)).toBeTruthy();
    expect(screen.getByText('Không có ngày nghỉ hay ngày hoán đổi nào trong năm này.')).toBeTruthy();
  });

  it('adds a day after checking the form, and shows the server’s refusal in Vietnamese', async () => {
    let attempts = 0;
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      readCalendar(),
      answer('PUT', '/api/v1/calendars/80/days/2026-03-20', () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 400,
              body: {
                error: {
                  code: 'VALIDATION',
                  message: 'Some fields are not valid.',
                  messageVi: 'Một số trường chưa hợp lệ.',
                  details: [
                    {
                      path: 'body.kind',
                      message: 'The national list has nothing on this date to cancel.',
                      messageVi: 'Ngày này không có trong lịch nghỉ chung của cả nước nên không thể huỷ.',
                    },
                  ],
                },
              },
            }
          : {
              body: {
                ...OWN,
                day: '2026-03-20',
                nameVi: 'Nghỉ lễ hội của tỉnh',
                nameEn: 'Provincial festival',
              },
            };
      }),
    ]);
    await render();
    await screen.findByRole('table');

    fireEvent.click(screen.getByRole('button', { name: 'Lưu ngày' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Vui lòng chọn một ngày có thật.')).toBeTruthy();
    expect(within(summary).getByText('Vui lòng chọn loại ngày.')).toBeTruthy();
    expect(api.callsTo('PUT', '/api/v1/calendars/80/days/2026-03-20')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Ngày'), { target: { value: '2026-03-20' } });
    fireEvent.click(screen.getByRole('radio', { name: /^Bỏ ngày nghỉ chung/ }));
    fireEvent.change(screen.getByLabelText('Tên tiếng Việt'), { target: { value: 'Nghỉ lễ hội của tỉnh' } });
    fireEvent.change(screen.getByLabelText('Tên tiếng Anh'), { target: { value: 'Provincial festival' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu ngày' }));
    expect(
      await screen.findByText('Ngày này không có trong lịch nghỉ chung của cả nước nên không thể huỷ.'),
    ).toBeTruthy();
    expect(screen.getByText('Một số trường chưa hợp lệ.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /^Ngày nghỉ/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu ngày' }));
    expect(await screen.findByText('Đã lưu ngày 20/03/2026.')).toBeTruthy();
    const puts = api.callsTo('PUT', '/api/v1/calendars/80/days/2026-03-20');
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toEqual({
      kind: 'holiday',
      nameVi: 'Nghỉ lễ hội của tỉnh',
      nameEn: 'Provincial festival',
    });
    expect(puts[1]?.headers['x-csrf-token']).toBe('csrf-1');
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/calendars/80').length).toBeGreaterThan(1));
  });

  it('edits the working hours, refusing overlapping periods before sending', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      readCalendar(),
      answer('PUT', '/api/v1/calendars/80/hours', (call) => ({
        body: { ...(call.body as object), isDefault: false, updatedAt: '2026-03-01T02:00:00.000Z' },
      })),
    ]);
    await render();
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa giờ làm việc' }));

    const second = screen.getByRole('group', { name: 'Khoảng 2' });
    fireEvent.change(within(second).getByLabelText('Từ'), { target: { value: '11:00' } });
    fireEvent.click(screen.getByLabelText('Thứ Bảy'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu giờ làm việc' }));
    expect(await screen.findByText('Khoảng này phải bắt đầu sau khi khoảng trước kết thúc.')).toBeTruthy();
    expect(api.callsTo('PUT', '/api/v1/calendars/80/hours')).toHaveLength(0);

    fireEvent.change(within(second).getByLabelText('Từ'), { target: { value: '13:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu giờ làm việc' }));
    expect(await screen.findByText('Đã lưu giờ làm việc.')).toBeTruthy();
    expect(api.callsTo('PUT', '/api/v1/calendars/80/hours')[0]?.body).toEqual({
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      weekdays: [1, 2, 3, 4, 5, 6],
    });
  });

  it('removes a province day only after confirmation', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      readCalendar(),
      answer('DELETE', '/api/v1/calendars/80/days/2026-03-09', { status: 204 }),
    ]);
    await render();
    fireEvent.click(await screen.findByRole('button', { name: 'Bỏ ngày riêng 09/03/2026' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Bỏ ngày riêng 09/03/2026?')).toBeTruthy();
    expect(api.callsTo('DELETE', '/api/v1/calendars/80/days/2026-03-09')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Bỏ ngày riêng', hidden: true }));
    expect(await screen.findByText('Đã bỏ ngày riêng 09/03/2026.')).toBeTruthy();
    expect(api.callsTo('DELETE', '/api/v1/calendars/80/days/2026-03-09')).toHaveLength(1);
  });

  it('reads in English and offers no edit when the server lists no calendar.manage', async () => {
    installFakeApi([answer('GET', '/api/v1/me', { body: ME }), readCalendar({ actions: [] })]);
    await render('en');
    const table = await screen.findByRole('table', { name: 'Days off and swapped working days in 2026' });
    expect(within(table).getByText('Lunar New Year (Year of the Horse)')).toBeTruthy();
    expect(within(table).getAllByText('National').length).toBe(1);
    expect(screen.getByText(/only the province’s administrators can change it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit working hours' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove own day/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save day' })).toBeNull();
  });
});
