import { Dexie, type EntityTable } from 'dexie';
import type { DraftPhoto, MyReport, ReportDraft } from './report-draft';

/**
 * The citizen's report on this device (IndexedDB through Dexie, its own database: the support outbox's schema is
 * not touched). A draft is written on every change, photos included, so a lost connection, a closed tab or a
 * restarted phone keeps what was typed. Its id is made when the draft starts and is the case's id on the server, so
 * sending it again after a timeout stores nothing new. "Sent" reports stay here with their tracking code and the
 * reporter's token: "Phản ánh của tôi" on this device, and the private link for rating.
 */
export type ReportDatabase = Dexie & {
  drafts: EntityTable<ReportDraft, 'id'>;
  photos: EntityTable<DraftPhoto, 'id'>;
  mine: EntityTable<MyReport, 'id'>;
};

export const REPORT_DB_NAME = 'cong-dong-so-reports';

export function openReportDatabase(name: string = REPORT_DB_NAME): ReportDatabase {
  const db = new Dexie(name) as ReportDatabase;
  db.version(1).stores({
    drafts: 'id, status, updatedAt',
    photos: 'id, draftId',
    mine: 'id, code, submittedAt',
  });
  return db;
}

export type { DraftPhoto, MyReport, ReportDraft } from './report-draft';

let shared: ReportDatabase | null = null;

export function reportDatabase(): ReportDatabase {
  shared ??= openReportDatabase();
  return shared;
}

/** Tests start each case on a fresh database. */
export async function resetReportDatabaseForTests(): Promise<void> {
  if (shared) {
    shared.close();
    await Dexie.delete(shared.name);
  }
  shared = null;
}

/** The draft being written (the newest one not yet queued), or null. */
export async function currentDraft(db: ReportDatabase): Promise<ReportDraft | null> {
  const editing = await db.drafts.where('status').anyOf('editing', 'refused').sortBy('updatedAt');
  return editing.at(-1) ?? null;
}

export async function saveDraft(db: ReportDatabase, draft: ReportDraft): Promise<void> {
  await db.drafts.put({ ...draft, updatedAt: new Date().toISOString() });
}

export function draftPhotos(db: ReportDatabase, draftId: string): Promise<DraftPhoto[]> {
  return db.photos.where('draftId').equals(draftId).sortBy('addedAt');
}

export async function discardDraft(db: ReportDatabase, draftId: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.photos, async () => {
    await db.photos.where('draftId').equals(draftId).delete();
    await db.drafts.delete(draftId);
  });
}

export function myReports(db: ReportDatabase): Promise<MyReport[]> {
  return db.mine.orderBy('submittedAt').reverse().toArray();
}

export async function tokenFor(db: ReportDatabase, code: string): Promise<string | null> {
  return (await db.mine.where('code').equals(code).first())?.token ?? null;
}
