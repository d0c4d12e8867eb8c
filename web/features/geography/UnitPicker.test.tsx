import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HamletItem, UnitItem } from '../../../shared/contracts/units';
import { answer, installFakeApi, renderInApp, type FakeRoute } from './fake-api';
import { UnitPicker, type UnitChoice } from './UnitPicker';

function unit(
  code: string,
  fullName: string,
  level: 'province' | 'commune',
  parentCode: string | null,
): UnitItem {
  return {
    code,
    level,
    name: fullName.replace(/^(Tỉnh|Phường|Xã) /, ''),
    fullName,
    type: fullName.split(' ')[0] ?? '',
    parentCode,
    provinceCode: level === 'province' ? code : (parentCode ?? ''),
    validFrom: '2025-07-01',
    validTo: null,
  };
}

const TAY_NINH = unit('80', 'Tỉnh Tây Ninh', 'province', null);
const HA_NOI = unit('01', 'Thành phố Hà Nội', 'province', null);
const TAN_AN = unit('25459', 'Phường Tân An', 'commune', '80');
const LONG_AN = unit('25460', 'Phường Long An', 'commune', '80');
const BINH_PHU: HamletItem = {
  id: '0190a000-0000-7000-8000-000000000001',
  code: '0190a000-0000-7000-8000-000000000001',
  level: 'hamlet',
  name: 'Khu phố Bình Phú',
  fullName: 'Khu phố Bình Phú',
  type: 'Khu phố',
  kind: 'khu_pho',
  localCode: 'KP1',
  communeCode: '25459',
  provinceCode: '80',
  status: 'active',
  validFrom: '2025-07-01T00:00:00.000Z',
  validTo: null,
  actions: [],
};

/** A small slice of the real API: units by level/parent, search by q, details by code. */
function unitRoutes(): FakeRoute[] {
  return [
    answer('GET', '/api/v1/me', {
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } },
    }),
    answer('GET', '/api/v1/units', ({ url }) => {
      const level = url.searchParams.get('level');
      const parent = url.searchParams.get('parent');
      const q = url.searchParams.get('q');
      let items: (UnitItem | HamletItem)[] = [];
      if (level === 'province') items = [HA_NOI, TAY_NINH];
      if (level === 'commune' && parent === '80') items = [LONG_AN, TAN_AN];
      if (level === 'hamlet' && parent === '25459') items = [BINH_PHU];
      if (q === 'tan an') items = items.filter((i) => i.code === '25459');
      return { body: { items, nextCursor: null } };
    }),
    answer('GET', /^\/api\/v1\/units\/\d+$/, ({ url }) => {
      const code = url.pathname.split('/').pop();
      const found = [TAY_NINH, HA_NOI, TAN_AN, LONG_AN].find((u) => u.code === code);
      return found
        ? { body: { ...found, nameEn: null, predecessors: [], successors: [] } }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'No unit' } } };
    }),
  ];
}

function Harness({
  onPick,
  selectable,
  startCode,
}: {
  onPick: (c: UnitChoice) => void;
  selectable?: ('province' | 'commune' | 'hamlet')[];
  startCode?: string;
}) {
  const [value, setValue] = useState<UnitChoice | null>(null);
  return (
    <UnitPicker
      label="Đơn vị"
      value={value}
      selectable={selectable}
      startCode={startCode}
      onChange={(choice) => {
        setValue(choice);
        onPick(choice);
      }}
    />
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UnitPicker', () => {
  it('drills from the provinces to a commune and announces the choice', async () => {
    installFakeApi(unitRoutes());
    const onPick = vi.fn();
    await renderInApp(<Harness onPick={onPick} selectable={['commune']} />);

    expect(await screen.findByText('Các tỉnh, thành phố')).toBeTruthy();
    // Provinces are not choosable here, only openable.
    expect(screen.queryByRole('button', { name: /Chọn Tỉnh Tây Ninh/ })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: /Tỉnh Tây Ninh/ }));

    expect(await screen.findByText('Các xã, phường thuộc Tỉnh Tây Ninh')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn Phường Tân An' }));

    expect(onPick).toHaveBeenCalledWith(
      expect.objectContaining({
        code: '25459',
        level: 'commune',
        fullName: 'Phường Tân An',
        provinceCode: '80',
      }),
    );
    const live = screen.getByText(/Đã chọn:/);
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toContain('Phường Tân An');
    // The long list folds away once chosen; focus lands on the button that opens it again.
    const change = screen.getByRole('button', { name: 'Chọn đơn vị khác' });
    await waitFor(() => expect(document.activeElement).toBe(change));
    expect(screen.queryByRole('button', { name: 'Chọn Phường Long An' })).toBeNull();
    fireEvent.click(change);

    // The breadcrumb leads back up, and its last step is marked as the current location.
    const crumbs = screen.getByRole('navigation', { name: 'Vị trí trong danh sách đơn vị' });
    expect(within(crumbs).getByText('Tỉnh Tây Ninh').getAttribute('aria-current')).toBe('location');
    fireEvent.click(within(crumbs).getByRole('button', { name: 'Cả nước' }));
    expect(await screen.findByText('Các tỉnh, thành phố')).toBeTruthy();
  });

  it('searches without diacritics inside the open province', async () => {
    const api = installFakeApi(unitRoutes());
    await renderInApp(<Harness onPick={() => undefined} selectable={['commune']} startCode="80" />);

    const search = await screen.findByLabelText('Tìm trong Tỉnh Tây Ninh');
    fireEvent.change(search, { target: { value: 'tan an' } });
    fireEvent.keyDown(search, { key: 'Enter' });

    expect(await screen.findByText('Kết quả tìm "tan an" (1)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Chọn Phường Tân An' })).toBeTruthy();
    expect(screen.queryByText('Phường Long An')).toBeNull();
    const searchCall = api
      .callsTo('GET', '/api/v1/units')
      .find((c) => c.url.searchParams.get('q') === 'tan an');
    expect(searchCall?.url.searchParams.get('level')).toBe('commune');
    expect(searchCall?.url.searchParams.get('parent')).toBe('80');
  });

  it('opens a commune to show its hamlets with their kind and local code', async () => {
    installFakeApi(unitRoutes());
    const onPick = vi.fn();
    await renderInApp(<Harness onPick={onPick} selectable={['hamlet']} startCode="80" />);

    fireEvent.click(await screen.findByRole('button', { name: /Phường Tân An/ }));
    expect(await screen.findByText('Các ấp, khu phố thuộc Phường Tân An')).toBeTruthy();
    expect(screen.getByText('Khu phố · KP1')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Chọn Khu phố Bình Phú' }));
    expect(onPick).toHaveBeenCalledWith(
      expect.objectContaining({ code: BINH_PHU.id, level: 'hamlet', communeCode: '25459' }),
    );
    // Opened again, the chosen row says so in words, not only by its colour, and has no "Chọn" button.
    fireEvent.click(screen.getByRole('button', { name: 'Chọn đơn vị khác' }));
    const row = (await screen.findByText('Khu phố · KP1')).closest('li');
    expect(row?.textContent).toContain('Đang chọn');
    expect(screen.queryByRole('button', { name: 'Chọn Khu phố Bình Phú' })).toBeNull();
  });

  it('speaks English when the interface is in English', async () => {
    installFakeApi(unitRoutes());
    await renderInApp(<Harness onPick={() => undefined} />, { language: 'en' });
    expect(await screen.findByText('Provinces and cities')).toBeTruthy();
    expect(screen.getByText('No unit chosen yet.')).toBeTruthy();
  });
});
