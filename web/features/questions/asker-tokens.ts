/**
 * The asker's private tokens, one per question, kept on this device: the private link (?askerToken=…) opened once
 * is remembered, so the asker can come back to the plain address and still accept an answer or clarify.
 */
const KEY = 'cds.questions.askerTokens';

function readAll(storage: Storage | undefined): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function rememberAskerToken(
  id: string,
  token: string,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ ...readAll(storage), [id]: token }));
  } catch {
    // Storage refused: the private link itself still works.
  }
}

export function askerTokenFor(
  id: string,
  storage: Storage | undefined = globalThis.localStorage,
): string | null {
  const token = readAll(storage)[id];
  return typeof token === 'string' ? token : null;
}

/** "Helpful" and flags count once per device: a random id kept here (the server keeps only a keyed hash). */
export function questionDeviceId(storage: Storage | undefined = globalThis.localStorage): string {
  const key = 'cds.questions.deviceId';
  const made = () =>
    Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  try {
    const existing = storage?.getItem(key);
    if (existing) return existing;
    const id = made();
    storage?.setItem(key, id);
    return id;
  } catch {
    return made();
  }
}
