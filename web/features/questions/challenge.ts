/**
 * The asker's side of the self-hosted spam check (server/modules/questions/question-challenge.ts): find a nonce such
 * that SHA-256(`${token}:${nonce}`) starts with `difficulty` zero bits, with the browser's WebCrypto — no third-party
 * service. 16 bits take about 65,000 hashes on average: well under a second on a cheap phone. Batches of hashes run
 * in parallel and the loop yields between batches, so the page stays responsive and a cancelled form stops it.
 */
const BATCH = 256;

/** Leading zero bits of a digest (the server counts the same way). */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export async function solveChallenge(
  token: string,
  difficulty: number,
  opts: { signal?: AbortSignal; subtle?: SubtleCrypto } = {},
): Promise<string> {
  const subtle = opts.subtle ?? globalThis.crypto.subtle;
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH) {
    if (opts.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, i) =>
        subtle.digest('SHA-256', encoder.encode(`${token}:${start + i}`)),
      ),
    );
    const found = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= difficulty);
    if (found >= 0) return String(start + found);
  }
}
