/**
 * Setup for the "web" Vitest project (happy-dom): IndexedDB for Dexie, the real messages (every namespace, both
 * languages, loaded once), and a clean DOM, storage and Vietnamese before each test.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { i18n, loadAllMessages } from './app/i18n';
import { takeContractViolations } from './features/geography/fake-api';

// The app loads messages per page and language; a component test reads any page in either language at once.
beforeAll(() => loadAllMessages());

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('vi');
});

afterEach(() => {
  cleanup();
  const violations = takeContractViolations();
  if (violations.length > 0) {
    throw new Error(`The fake API left the shared contracts:\n  ${[...new Set(violations)].join('\n  ')}`);
  }
});
