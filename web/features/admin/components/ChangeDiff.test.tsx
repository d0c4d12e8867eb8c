import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { installFakeApi, renderInApp } from '../../geography/fake-api';
import { ChangeDiff, diffRows } from './ChangeDiff';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('diffRows', () => {
  it('lists every field of both snapshots and marks the changed ones', () => {
    expect(diffRows({ name: 'Ấp 1', kind: 'ap' }, { name: 'Ấp Một', kind: 'ap', localCode: 'A1' })).toEqual([
      { field: 'kind', before: 'ap', after: 'ap', changed: false },
      { field: 'localCode', before: undefined, after: 'A1', changed: true },
      { field: 'name', before: 'Ấp 1', after: 'Ấp Một', changed: true },
    ]);
  });

  it('treats a missing snapshot as empty (a creation has no "before")', () => {
    expect(diffRows(null, { status: 'active' })).toEqual([
      { field: 'status', before: undefined, after: 'active', changed: true },
    ]);
  });
});

describe('ChangeDiff', () => {
  it('says in words which fields changed, changed fields first', async () => {
    installFakeApi([]);
    await renderInApp(<ChangeDiff before={{ a: 1, b: 'x' }} after={{ a: 1, b: 'y' }} caption="Thay đổi" />);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows[0]?.textContent).toContain('Đã đổi');
    expect(rows[0]?.textContent).toContain('x');
    expect(rows[1]?.textContent).toContain('Giữ nguyên');
  });
});
