import { uuidv7 } from '../../../shared/ids';

/** "+1" counts once per device: a random id kept on this device (the server keeps only a keyed hash of it). */
export function deviceId(storage: Storage = window.localStorage): string {
  const key = 'cds.cases.deviceId';
  const existing = storage.getItem(key);
  if (existing) return existing;
  const made = uuidv7();
  storage.setItem(key, made);
  return made;
}
