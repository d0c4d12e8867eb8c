import { afterEach, describe, expect, it } from 'vitest';
import type { LoaderFunctionArgs } from 'react-router';
import { captureDocumentFor, handOffToCapturePage } from './capture-handoff';
import { readCaptureView } from './paths';

function loaderArgs(path: string): LoaderFunctionArgs {
  return {
    request: new Request(`http://app.test${path}`),
    params: {},
    context: undefined,
  } as LoaderFunctionArgs;
}

describe('the app handing over to the capture page', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('maps app addresses under /capture to the capture page’s views', () => {
    expect(captureDocumentFor('/capture')).toBe('/capture');
    expect(captureDocumentFor('/capture/outbox')).toBe('/capture#outbox');
    expect(captureDocumentFor('/capture/outbox/')).toBe('/capture#outbox');
    expect(captureDocumentFor('/capture/other')).toBe('/capture');
  });

  it('loads the capture document after an in-app navigation (e.g. back from signing in)', () => {
    window.history.replaceState(null, '', '/sign-in?next=%2Fcapture');
    const response = handOffToCapturePage(loaderArgs('/capture'));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/capture');
    expect(response.headers.get('X-Remix-Reload-Document')).toBe('true');
  });

  it('says "not found" instead of reloading itself forever when the document already is /capture', () => {
    window.history.replaceState(null, '', '/capture');
    let thrown: unknown = null;
    try {
      handOffToCapturePage(loaderArgs('/capture'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof Response && thrown.status === 404).toBe(true);
  });
});

describe('the capture page’s views', () => {
  it('reads the view from the address', () => {
    expect(readCaptureView({ pathname: '/capture', hash: '' })).toEqual({ name: 'form', editId: null });
    expect(readCaptureView({ pathname: '/capture', hash: '#outbox' })).toEqual({ name: 'outbox' });
    expect(readCaptureView({ pathname: '/capture/outbox', hash: '' })).toEqual({ name: 'outbox' });
    expect(readCaptureView({ pathname: '/capture', hash: '#edit=abc%2D1' })).toEqual({
      name: 'form',
      editId: 'abc-1',
    });
    expect(readCaptureView({ pathname: '/capture', hash: '#edit=%E0%A4%A' })).toEqual({
      name: 'form',
      editId: null,
    });
  });
});
