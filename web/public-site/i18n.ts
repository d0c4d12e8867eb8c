import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../app/language';
import { initLazyI18n } from '../app/message-loading';

/**
 * What every public page reads: the shell's strings (skip link, footer), the design system's and the public frame's
 * own. A page's namespaces load with its route (./routes.tsx); the staff app's features never load here.
 */
export const PUBLIC_FRAME_NAMESPACES: readonly string[] = ['app', 'ui', 'public-site'];

/**
 * A fresh instance with the frame's messages in `language`, loaded: the prerender makes one per page, the server
 * one per rendered team page, the browser one per visit.
 */
export function createPublicI18n(language: Language): Promise<I18n> {
  const instance = createInstance();
  instance.use(initReactI18next);
  return initLazyI18n(instance, language, PUBLIC_FRAME_NAMESPACES);
}
