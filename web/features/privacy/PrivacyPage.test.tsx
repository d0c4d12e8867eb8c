import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { RouteObject } from 'react-router';
import {
  CONTROLLER,
  DATA_SUBJECT_RIGHT_TEXTS,
  DATA_SUBJECT_RIGHTS,
  LEGAL_BASIS_NAMES,
  PROCESSING_PURPOSES,
} from '../../../shared/privacy/register';
import type * as appFeatures from '../../app/features';
import { features, hasRoute } from '../../app/features';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { PrivacyPage } from './PrivacyPage';
import { routes } from './routes';

/** Routes other features may add later (the request form), appended to the collected ones for one test. */
const laterRoutes = vi.hoisted((): RouteObject[] => []);
vi.mock('../../app/features', async (importOriginal) => {
  const actual = await importOriginal<typeof appFeatures>();
  return {
    ...actual,
    features: {
      ...actual.features,
      get routes() {
        return [...actual.features.routes, ...laterRoutes];
      },
    },
  };
});

function signedOut() {
  installFakeApi([
    answer('GET', '/api/v1/me', { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } }),
  ]);
}

function sectionOf(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { level: 3, name });
  const section = heading.closest('section');
  if (!section) throw new Error(`no section around "${name}"`);
  return section;
}

describe('PrivacyPage', () => {
  afterEach(() => {
    laterRoutes.length = 0;
    vi.unstubAllGlobals();
  });

  it('is served at /privacy to anyone, through the feature routes', async () => {
    signedOut();
    expect(hasRoute('/privacy', features.routes)).toBe(true);
    // The lazy page loads as in the app, where the shell provides the fallback shown meanwhile.
    await renderInApp([{ hydrateFallbackElement: <p>…</p>, children: routes }], { path: '/privacy' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Quyền riêng tư và dữ liệu cá nhân' }),
    ).toBeTruthy();
    // The tab title is set in an effect, after the first paint.
    await waitFor(() => expect(document.title).toBe('Quyền riêng tư và dữ liệu cá nhân · Cộng Đồng Số'));
  });

  it('tells, in Vietnamese, who is responsible and every purpose of the register with its six answers', async () => {
    signedOut();
    await renderInApp(<PrivacyPage />);
    expect(screen.getByText(CONTROLLER.name.vi)).toBeTruthy();
    expect(screen.getByText(/Luật Bảo vệ dữ liệu cá nhân số 91\/2025\/QH15/)).toBeTruthy();

    const contents = screen.getByRole('navigation', { name: 'Các việc có dùng dữ liệu cá nhân' });
    expect(within(contents).getAllByRole('link')).toHaveLength(PROCESSING_PURPOSES.length);

    for (const purpose of PROCESSING_PURPOSES) {
      const section = sectionOf(purpose.name.vi);
      const link = within(contents).getByRole('link', { name: purpose.name.vi });
      expect(link.getAttribute('href')).toBe(`#${section.id}`);
      const body = section.textContent ?? '';
      for (const item of [...purpose.data, ...purpose.recipients]) expect(body).toContain(item.vi);
      expect(body).toContain(LEGAL_BASIS_NAMES[purpose.basis.kind].vi);
      expect(body).toContain(purpose.basis.explanation.vi);
      expect(body).toContain(purpose.retention.text.vi);
      expect(body).toContain(purpose.withdrawal.vi);
      if (purpose.consent) {
        expect(body).toContain(purpose.consent.text.vi);
        expect(body).toContain('Lời đồng ý (phiên bản ngày 05/12/2026)');
      }
      expect(body.includes('Sắp có'), purpose.id).toBe(purpose.status === 'planned');
    }
  });

  it('lists the six rights, the 2-working-day answer, and links to the request form', async () => {
    signedOut();
    // The request form is a feature of its own (web/features/privacy-requests): the page links to it once it exists.
    expect(hasRoute('/privacy/requests', features.routes)).toBe(true);
    await renderInApp(<PrivacyPage />);
    const rights = screen.getByRole('heading', { level: 2, name: 'Quyền của bạn' }).closest('section');
    const text = rights?.textContent ?? '';
    for (const right of DATA_SUBJECT_RIGHTS) expect(text).toContain(DATA_SUBJECT_RIGHT_TEXTS[right].name.vi);
    expect(text).toContain('Yêu cầu của bạn được trả lời trong vòng 2 ngày làm việc.');
    const link = screen.getByRole('link', { name: 'Gửi yêu cầu về dữ liệu cá nhân' });
    expect(link.getAttribute('href')).toBe('/privacy/requests');
    expect(screen.getByText(/Ảnh chụp căn cước/)).toBeTruthy();
  });

  it('is complete in English, with no Vietnamese register text left over', async () => {
    signedOut();
    await renderInApp(<PrivacyPage />, { language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy and personal data' })).toBeTruthy();
    for (const purpose of PROCESSING_PURPOSES) {
      const body = sectionOf(purpose.name.en).textContent ?? '';
      expect(body).toContain(purpose.retention.text.en);
      expect(body).not.toContain(purpose.retention.text.vi);
    }
    expect(screen.getByText(/answered within 2 working days/)).toBeTruthy();
    expect(screen.queryByText(CONTROLLER.name.vi)).toBeNull();
  });

  it('keeps its headings in order (h1, then h2, then h3), so a screen reader can outline it', async () => {
    signedOut();
    await renderInApp(<PrivacyPage />);
    const levels = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(levels.filter((l) => l === 3)).toHaveLength(PROCESSING_PURPOSES.length);
  });
});
