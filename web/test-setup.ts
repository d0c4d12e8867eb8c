/**
 * Setup for the "web" Vitest project (happy-dom): IndexedDB for Dexie, the real messages (every namespace, both
 * languages, loaded once), and a clean DOM, storage and Vietnamese before each test.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { i18n, loadAllMessages } from './app/i18n';
import { takeContractViolations } from './features/geography/fake-api';

// findBy*/waitFor resolve as soon as the page shows what they wait for; the default 1 s limit is too short for a lazy
// page on a CI machine running three test tiers on two cores, so it is raised (a failing test only waits longer).
configure({ asyncUtilTimeout: 10_000 });

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
