import { useEffect, useState } from 'react';
import type * as ReportConsent from './report-consent';

type ConsentModule = typeof ReportConsent;

/**
 * The register's consent text, loaded when a form shows it (the register is not part of the page's first download);
 * null until it is there, which is a moment after the person types a phone number or an e-mail.
 */
export function useConsent(): ConsentModule | null {
  const [loaded, setLoaded] = useState<ConsentModule | null>(null);
  useEffect(() => {
    let live = true;
    void import('./report-consent').then((module) => live && setLoaded(module));
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}
