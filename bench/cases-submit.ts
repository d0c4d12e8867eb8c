import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { uuidv7 } from '../shared/ids';
import { percentile } from './cases-load';

/**
 * Report submission with one photo (issue 10's "report submission with one photo p95"): POST /api/v1/cases as the
 * web form sends it — multipart, the report as the `data` field and one `photos` part — one call at a time, app and
 * baseline taking turns. Each call has a new client-made id and its own X-Forwarded-For, as many citizens would:
 * the per-address limit stays, out of reach, and the per-contact one is not involved (no phone or e-mail).
 */

/**
 * A 5-megapixel phone photo: 2592×1944 JPEG, quality 78, noise so it compresses like a detailed scene (≈ 1.6 MB),
 * EXIF orientation 6 and a GPS fix in Tây Ninh (the app offers it as the place, and decodes it rotated).
 */
export async function makeBenchPhoto(): Promise<Buffer> {
  return sharp({
    create: {
      width: 2592,
      height: 1944,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 25 },
    },
  })
    .jpeg({ quality: 78 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '11/1 18/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 6/1 0/1',
      },
    })
    .toBuffer();
}

export interface SubmitFigures {
  calls: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

let address = 0;

async function submitOnce(url: string, photo: Buffer, category: string, point: [number, number]) {
  const form = new FormData();
  form.set(
    'data',
    JSON.stringify({
      id: uuidv7(),
      kind: 'report',
      categoryCode: category,
      description: 'Ổ gà lớn giữa đường, xe máy dễ té ngã vào buổi tối.',
      location: { lat: point[0], lng: point[1], accuracy: 12 },
      addressText: 'Trước chợ',
      showName: false,
    }),
  );
  form.set('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'IMG_0001.jpg');
  address++;
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/cases`, {
    method: 'POST',
    body: form,
    headers: { 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` },
  });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(`POST /api/v1/cases → ${res.status}: ${body.slice(0, 300)}`);
  return ms;
}

/** `calls` submissions to each target after two unmeasured ones, in `rounds` alternating turns. */
export async function measureSubmission(
  urls: { app: string; baseline: string },
  opts: { photo: Buffer; category: string; point: [number, number]; calls: number; rounds: number },
): Promise<{ app: SubmitFigures; baseline: SubmitFigures }> {
  const samples = { app: [] as number[], baseline: [] as number[] };
  for (const t of ['app', 'baseline'] as const)
    for (let i = 0; i < 2; i++) await submitOnce(urls[t], opts.photo, opts.category, opts.point);
  const per = Math.ceil(opts.calls / Math.max(1, opts.rounds));
  for (let r = 0; r < Math.max(1, opts.rounds); r++) {
    const order = r % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
    for (const t of order)
      for (let i = 0; i < per; i++)
        samples[t].push(await submitOnce(urls[t], opts.photo, opts.category, opts.point));
  }
  const figures = (xs: number[]): SubmitFigures => ({
    calls: xs.length,
    p50Ms: percentile(xs, 50),
    p95Ms: percentile(xs, 95),
    maxMs: Math.max(...xs),
  });
  return { app: figures(samples.app), baseline: figures(samples.baseline) };
}
