import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as appMessages from '../app/messages';
import { initI18nInstance, type Language, type MessageBundle } from '../app/language';
import * as uiMessages from '../ui/messages';
import * as homeMessages from '../features/home/messages';
import * as privacyMessages from '../features/privacy/messages';
import * as privacyRequestMessages from '../features/privacy-requests/messages';
import * as supportMessages from '../features/support/messages';
import * as teamsMessages from '../features/teams/messages';
import * as publicSiteMessages from './messages';

/**
 * Only the namespaces the public pages read (the staff app's web/app/i18n.ts collects every feature's). "support"
 * is here for the age bands of a team's figures, which its members see on the team page.
 */
const BUNDLES: MessageBundle[] = [
  appMessages,
  uiMessages,
  homeMessages,
  teamsMessages,
  privacyMessages,
  privacyRequestMessages,
  supportMessages,
  publicSiteMessages,
];

/** A fresh instance: the prerender makes one per page, the browser one per visit. */
export function createPublicI18n(language: Language): I18n {
  const instance = createInstance();
  instance.use(initReactI18next);
  return initI18nInstance(instance, BUNDLES, language);
}
