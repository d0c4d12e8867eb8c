/**
 * Setup for the "web" Vitest project (happy-dom): IndexedDB for Dexie, the real i18n bundle in Vietnamese, and a
 * clean DOM, storage and language before each test.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { i18n } from './app/i18n';
import { takeContractViolations } from './features/geography/fake-api';

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
