import { useCallback, useEffect, useRef, useState } from 'react';
import { uuidv7 } from '../../../shared/ids';
import { MAX_CASE_PHOTOS } from './limits';
import { preparePhoto } from './photo-prep';
import { newDraft, type DraftPhoto, type ReportDraft } from './report-draft';

/** The device database (Dexie) loads after the page's first paint: it is not part of the page's first download. */
const store = () => import('./report-store');

export interface DraftState {
  /** Null until the device database has answered (a restored draft, or a new one). */
  draft: ReportDraft | null;
  photos: DraftPhoto[];
  /** True when the draft was found on the device (typed before a reload or a lost connection). */
  restored: boolean;
  update: (patch: Partial<ReportDraft>) => void;
  addPhotos: (files: readonly File[]) => Promise<{ failed: number }>;
  removePhoto: (id: string) => void;
  /** Drops the draft and its photos and starts a new one (a new id). */
  reset: () => void;
  /** Starts a new draft, leaving the old one to the outbox (it was sent or queued). */
  startNew: () => void;
  /** Resolves once every change typed so far is stored (before the outbox takes the draft over). */
  settle: () => Promise<void>;
  /** Reads the current draft again (a queued report came back refused: it is the draft to fix). */
  reload: () => Promise<void>;
}

/**
 * The report being written, mirrored to IndexedDB on every change: the new draft gets its id (the case's id) when
 * the page opens, and is stored from its first change, so a reload finds it. Writes go in order (one chain), so the
 * stored draft is always the last one typed.
 */
export function useReportDraft(): DraftState {
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [restored, setRestored] = useState(false);
  const latest = useRef<ReportDraft | null>(null);
  const writes = useRef<Promise<void>>(Promise.resolve());

  const load = useCallback(async (isLive: () => boolean = () => true) => {
    const { currentDraft, draftPhotos, reportDatabase } = await store();
    const db = reportDatabase();
    const found = await currentDraft(db);
    const start = found ?? newDraft();
    const kept = found ? await draftPhotos(db, found.id) : [];
    if (!isLive()) return;
    latest.current = start;
    setDraft(start);
    setPhotos(kept);
    setRestored(Boolean(found));
  }, []);

  useEffect(() => {
    let live = true;
    void load(() => live);
    return () => {
      live = false;
    };
  }, [load]);

  const persist = useCallback((next: ReportDraft) => {
    writes.current = writes.current
      .then(async () => {
        const { reportDatabase, saveDraft } = await store();
        await saveDraft(reportDatabase(), next);
      })
      .catch(() => undefined);
  }, []);

  const update = useCallback(
    (patch: Partial<ReportDraft>) => {
      if (!latest.current) return;
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setDraft(next);
      persist(next);
    },
    [persist],
  );

  const addPhotos = useCallback(
    async (files: readonly File[]) => {
      const current = latest.current;
      if (!current) return { failed: 0 };
      const { draftPhotos, reportDatabase } = await store();
      const db = reportDatabase();
      const room = MAX_CASE_PHOTOS - (await draftPhotos(db, current.id)).length;
      let failed = 0;
      for (const file of files.slice(0, Math.max(0, room))) {
        try {
          const prepared = await preparePhoto(file);
          const photo: DraftPhoto = {
            id: uuidv7(),
            draftId: current.id,
            bytes: prepared.bytes,
            type: prepared.type,
            name: file.name.replace(/\.[^.]*$/, '') + (prepared.type === 'image/jpeg' ? '.jpg' : ''),
            gps: prepared.gps,
            addedAt: new Date().toISOString(),
          };
          // The draft row goes first, so a photo never sits in the database without its draft.
          persist(latest.current ?? current);
          await writes.current;
          await db.photos.put(photo);
        } catch {
          failed += 1;
        }
      }
      setPhotos(await draftPhotos(db, current.id));
      return { failed };
    },
    [persist],
  );

  const removePhoto = useCallback((id: string) => {
    const current = latest.current;
    if (!current) return;
    void (async () => {
      const { draftPhotos, reportDatabase } = await store();
      const db = reportDatabase();
      await db.photos.delete(id);
      setPhotos(await draftPhotos(db, current.id));
    })();
  }, []);

  const reset = useCallback(() => {
    const current = latest.current;
    const fresh = newDraft();
    latest.current = fresh;
    setDraft(fresh);
    setPhotos([]);
    setRestored(false);
    if (current) {
      writes.current = writes.current.then(async () => {
        const { discardDraft, reportDatabase } = await store();
        await discardDraft(reportDatabase(), current.id);
      });
    }
  }, []);

  const startNew = useCallback(() => {
    const fresh = newDraft();
    latest.current = fresh;
    setDraft(fresh);
    setPhotos([]);
    setRestored(false);
  }, []);

  const settle = useCallback(() => writes.current, []);

  const reload = useCallback(() => load(), [load]);

  return { draft, photos, restored, update, addPhotos, removePhoto, reset, startNew, settle, reload };
}
