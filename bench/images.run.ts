import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { processImage } from '../server/platform/files/images';

/**
 * `npx tsx bench/images.run.ts`: what the photo intake (server/platform/files/images.ts) costs for a phone camera's
 * 4000×3000 JPEG with EXIF orientation and GPS — type sniffing, header checks, GPS, one oriented decode, a 1280 px
 * and a 320 px WebP, two SHA-256 — beside a bare baseline in the same run: sharp decoding the same JPEG and writing
 * only the 1280 px WebP. Alternating turns so background load hits both; p50/p95 of every call.
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

// Gaussian noise compresses like a detailed photo (a flat colour would flatter both sides).
const photo = await sharp({
  create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
})
  .jpeg({ quality: 90 })
  .withMetadata({ orientation: 6 })
  .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '11/1 18/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 6/1 0/1' } })
  .toBuffer();

const targets: Record<string, () => Promise<unknown>> = {
  intake: () => processImage(photo),
  'sharp resize (baseline)': () =>
    sharp(photo).rotate().resize({ width: 1280, height: 1280, fit: 'inside' }).webp({ quality: 80 }).toBuffer(),
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));

for (const run of Object.values(targets)) await run(); // warm-up: libvips caches, JIT
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? Object.keys(targets) : Object.keys(targets).reverse();
  for (const name of order) {
    for (let i = 0; i < Math.ceil(ITERATIONS / ROUNDS); i++) {
      const started = performance.now();
      await targets[name]!();
      samples[name]!.push(performance.now() - started);
    }
  }
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const base = pct(samples['sharp resize (baseline)']!, 50);
console.warn(`input: 4000×3000 JPEG, ${(photo.length / 1024 / 1024).toFixed(1)} MB; sharp concurrency ${sharp.concurrency()}`);
console.warn('| target | calls | p50 ms | p95 ms | p50 / baseline p50 |');
console.warn('|---|---|---|---|---|');
for (const [name, values] of Object.entries(samples)) {
  console.warn(
    `| ${name} | ${values.length} | ${pct(values, 50).toFixed(0)} | ${pct(values, 95).toFixed(0)} | ${(pct(values, 50) / base).toFixed(2)} |`,
  );
}
