import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { DataTable, type DataColumn } from './DataTable';

interface Team {
  id: string;
  name: string;
  hamlet: string;
  members: number;
}

const rows: Team[] = [
  { id: 't1', name: 'Tổ ấp Bình Phú', hamlet: 'Ấp Bình Phú', members: 6 },
  { id: 't2', name: 'Tổ khu phố 3', hamlet: 'Khu phố 3', members: 4 },
];

const columns: DataColumn<Team>[] = [
  { key: 'name', header: 'Tên tổ', render: (r) => r.name, primary: true },
  { key: 'hamlet', header: 'Ấp', render: (r) => r.hamlet },
  { key: 'members', header: 'Thành viên', render: (r) => String(r.members) },
  {
    key: 'actions',
    header: 'Thao tác',
    render: (r) => <button type="button">Sửa {r.name}</button>,
    actions: true,
  },
];

/** happy-dom has no layout: the viewport width is told through matchMedia. */
function setViewportWidth(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => {
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    return {
      matches: max ? width <= Number(max[1]) : false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
  });
}

describe('DataTable', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is a table with a caption, column headers and row headers on wide screens', () => {
    setViewportWidth(1280);
    render(<DataTable caption="Các tổ" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    const table = screen.getByRole('table', { name: 'Các tổ' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Tên tổ', 'Ấp', 'Thành viên', 'Thao tác']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Tổ ấp Bình Phú', 'Tổ khu phố 3']);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('becomes a list of cards under 640 px, each titled by its primary column with labelled fields', () => {
    setViewportWidth(360);
    render(<DataTable caption="Các tổ" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(screen.queryByRole('table')).toBeNull();
    const list = screen.getByRole('list', { name: 'Các tổ' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const first = cards[0]!;
    expect(within(first).getByRole('heading', { level: 3 }).textContent).toBe('Tổ ấp Bình Phú');
    expect(within(first).getByText('Ấp').tagName).toBe('DT');
    expect(within(first).getByText('Ấp Bình Phú').tagName).toBe('DD');
    expect(within(first).queryByText('Thao tác')).toBeNull();
    expect(within(first).getByRole('button', { name: 'Sửa Tổ ấp Bình Phú' })).toBeTruthy();
  });

  it('shows the empty state instead of an empty table', () => {
    setViewportWidth(1280);
    render(
      <DataTable
        caption="Các tổ"
        columns={columns}
        rows={[]}
        rowKey={(r) => r.id}
        empty={<p>Chưa có tổ nào</p>}
      />,
    );
    expect(screen.getByText('Chưa có tổ nào')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
