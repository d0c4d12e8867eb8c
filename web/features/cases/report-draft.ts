import { uuidv7 } from '../../../shared/ids';

/**
 * The shapes of a report on this device (drafts, their photos, the reports sent from here) and a new draft. No
 * Dexie here: the report page reads these at once and loads the database (./report-store.ts) after its first paint.
 */
export type DraftStatus = 'editing' | 'queued' | 'refused';

export interface DraftLocation {
  lat: number;
  lng: number;
  accuracy?: number | null;
}

export interface ReportDraft {
  id: string;
  status: DraftStatus;
  kind: 'report' | 'petition';
  step: number;
  categoryCode: string | null;
  description: string;
  attributes: Record<string, string | string[]>;
  location: DraftLocation | null;
  communeCode: string | null;
  communeName: string | null;
  hamletId: string | null;
  hamletName: string | null;
  addressText: string;
  name: string;
  showName: boolean;
  phone: string;
  email: string;
  consent: boolean;
  /** The server's words when it refused a queued report (the person fixes and sends again). */
  refusal: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Photos as bytes, not Blobs: some browsers lose Blobs kept in IndexedDB across restarts. */
export interface DraftPhoto {
  id: string;
  draftId: string;
  bytes: ArrayBuffer;
  type: string;
  name: string;
  /** Where the photo was taken, read from its EXIF before the device re-encoded it (which drops metadata). */
  gps: { lat: number; lng: number } | null;
  addedAt: string;
}

export interface MyReport {
  id: string;
  code: string;
  /** Null when the answer that carried it was lost (a resend is answered without it). */
  token: string | null;
  title: string;
  submittedAt: string;
}

export function newDraft(now = new Date()): ReportDraft {
  const at = now.toISOString();
  return {
    id: uuidv7(now.getTime()),
    status: 'editing',
    kind: 'report',
    step: 0,
    categoryCode: null,
    description: '',
    attributes: {},
    location: null,
    communeCode: null,
    communeName: null,
    hamletId: null,
    hamletName: null,
    addressText: '',
    name: '',
    showName: false,
    phone: '',
    email: '',
    consent: false,
    refusal: null,
    createdAt: at,
    updatedAt: at,
  };
}
