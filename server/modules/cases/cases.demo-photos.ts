/**
 * The demo's photos (issue 10), drawn at seed time: no image file comes from elsewhere. A handful of simple scenes
 * (an SVG string rendered by sharp to JPEG) go through the same processImage() as a citizen's upload, so they have
 * the same display and thumbnail variants; each case file then gets keys of its own in the file storage, written
 * through the storage interface, so the public photo route serves them like any other.
 */
import sharp from 'sharp';
import type { CaseFilesTable } from '../../db/schema';
import { processImage, variantKey, type FileStorage, type ProcessedImage } from '../../platform/files/index';
import type { SeedRandom } from '../demo/index';
import { CASE_FILES_NAMESPACE } from './case-intake.service';

export type DemoScene = 'road' | 'night' | 'waste' | 'flood' | 'power' | 'works' | 'repaired' | 'village';

const W = 960;
const H = 720;

const sky = (top: string, bottom: string) =>
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/>` +
  `<stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#sky)"/>`;
const road = (colour = '#6b6b6b') => `<polygon points="400,330 560,330 960,720 0,720" fill="${colour}"/>`;
const ground = (colour: string) => `<rect y="330" width="${W}" height="${H - 330}" fill="${colour}"/>`;
const trees = `<circle cx="120" cy="300" r="70" fill="#2f7d32"/><rect x="110" y="300" width="20" height="60" fill="#5d4037"/>
  <circle cx="850" cy="290" r="80" fill="#388e3c"/><rect x="840" y="290" width="20" height="70" fill="#5d4037"/>`;
const houses = `<rect x="180" y="250" width="140" height="100" fill="#ffe0b2"/><polygon points="170,250 250,190 330,250" fill="#c62828"/>
  <rect x="640" y="240" width="160" height="110" fill="#fff3e0"/><polygon points="630,240 720,180 810,240" fill="#8d6e63"/>`;

/** Each scene as SVG: shapes and gradients that read as "a road with potholes", "a flooded street"… at a glance. */
const SCENES: Record<DemoScene, string> = {
  road: `${sky('#90caf9', '#e3f2fd')}${ground('#9ccc65')}${trees}${road()}
    <ellipse cx="470" cy="560" rx="95" ry="32" fill="#3e2f22"/><ellipse cx="620" cy="470" rx="50" ry="16" fill="#3e2f22"/>
    <ellipse cx="330" cy="640" rx="70" ry="22" fill="#4e3b2a"/>`,
  night: `${sky('#0d1b3e', '#283593')}${ground('#1b2a1b')}${road('#37474f')}
    <rect x="700" y="120" width="14" height="420" fill="#455a64"/><rect x="620" y="120" width="94" height="10" fill="#455a64"/>
    <circle cx="625" cy="140" r="16" fill="#5c6bc0"/><circle cx="820" cy="80" r="3" fill="#fff"/><circle cx="200" cy="60" r="2" fill="#fff"/>`,
  waste: `${sky('#b3e5fc', '#eceff1')}${ground('#8bc34a')}${houses}
    <ellipse cx="480" cy="560" rx="260" ry="110" fill="#6d4c41"/><circle cx="400" cy="520" r="40" fill="#1565c0"/>
    <circle cx="520" cy="500" r="46" fill="#fdd835"/><rect x="560" y="540" width="80" height="50" fill="#e53935"/>
    <circle cx="450" cy="590" r="30" fill="#f5f5f5"/><rect x="330" y="570" width="60" height="40" fill="#212121"/>`,
  flood: `${sky('#78909c', '#cfd8dc')}${houses}${trees}
    <rect y="360" width="${W}" height="${H - 360}" fill="#4f83a8"/>
    <path d="M0 420 Q 120 400 240 420 T 480 420 T 720 420 T 960 420" stroke="#9ecae1" stroke-width="8" fill="none"/>
    <path d="M0 540 Q 120 520 240 540 T 480 540 T 720 540 T 960 540" stroke="#9ecae1" stroke-width="8" fill="none"/>`,
  power: `${sky('#81d4fa', '#e1f5fe')}${ground('#aed581')}${road()}
    <g transform="rotate(12 300 560)"><rect x="290" y="140" width="22" height="420" fill="#9e9e9e"/>
    <rect x="230" y="170" width="140" height="12" fill="#757575"/></g>
    <path d="M150 200 Q 420 330 960 210" stroke="#212121" stroke-width="4" fill="none"/>
    <path d="M150 230 Q 420 380 960 240" stroke="#212121" stroke-width="4" fill="none"/>`,
  works: `${sky('#ffe082', '#fff8e1')}${ground('#bcaaa4')}
    <rect x="120" y="420" width="720" height="40" fill="#fb8c00"/><rect x="120" y="460" width="720" height="20" fill="#fafafa"/>
    <polygon points="600,560 760,560 700,380" fill="#a1887f"/><polygon points="180,600 360,600 260,440" fill="#8d6e63"/>
    <rect x="420" y="250" width="30" height="170" fill="#ffb300"/><rect x="420" y="250" width="260" height="24" fill="#ffb300"/>`,
  repaired: `${sky('#64b5f6', '#e3f2fd')}${ground('#9ccc65')}${trees}${road('#424242')}
    <rect x="470" y="380" width="20" height="50" fill="#fff"/><rect x="466" y="480" width="28" height="70" fill="#fff"/>
    <rect x="460" y="600" width="40" height="100" fill="#fff"/>`,
  village: `${sky('#4fc3f7', '#e1f5fe')}${ground('#7cb342')}${houses}${trees}
    <rect x="0" y="470" width="${W}" height="70" fill="#d7ccc8"/>`,
};

/** Which scene suits a category's report (the citizen's photo) or an answer (the result). */
export function sceneFor(categoryCode: string): DemoScene {
  switch (categoryCode) {
    case 'roads':
    case 'traffic_safety':
      return 'road';
    case 'street_lighting':
      return 'night';
    case 'waste':
    case 'pollution':
      return 'waste';
    case 'water_drainage':
      return 'flood';
    case 'power':
      return 'power';
    case 'construction':
    case 'urban_order':
      return 'works';
    default:
      return 'village';
  }
}

/**
 * The processed variants of each scene, made once per seed (at most 8 renders and re-encodings: about a second
 * together); every photo row reuses their bytes under keys of its own.
 */
export function createDemoPhotoPool() {
  const made = new Map<DemoScene, Promise<ProcessedImage>>();
  return (scene: DemoScene): Promise<ProcessedImage> => {
    let image = made.get(scene);
    if (!image) {
      image = sharp(
        Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${SCENES[scene]}</svg>`,
        ),
      )
        .jpeg({ quality: 85 })
        .toBuffer()
        .then((jpeg) => processImage(jpeg));
      made.set(scene, image);
    }
    return image;
  };
}

/** A storage key from the seed's stream (`cases.<32 hex>`), so the demo's keys are the same on every machine. */
function demoFileKey(random: SeedRandom): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(random.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return `${CASE_FILES_NAMESPACE}.${hex}`;
}

export interface DemoPhotoWrite {
  key: string;
  bytes: Buffer;
  contentType: string;
}

/** One case_files row for a scene, and the two objects to write for it (its display and thumbnail sizes). */
export function demoPhotoRow(
  random: SeedRandom,
  image: ProcessedImage,
  row: Pick<CaseFilesTable, 'id' | 'case_id' | 'update_id' | 'position' | 'created_at'>,
): { row: CaseFilesTable; writes: DemoPhotoWrite[] } {
  const base = demoFileKey(random);
  const display = variantKey(base, 'display');
  const thumb = variantKey(base, 'thumb');
  return {
    row: {
      ...row,
      display_key: display,
      thumb_key: thumb,
      width: image.display.width,
      height: image.display.height,
      bytes: image.display.bytes.length,
      hidden: 0,
    },
    writes: [
      { key: display, bytes: image.display.bytes, contentType: image.display.contentType },
      { key: thumb, bytes: image.thumbnail.bytes, contentType: image.thumbnail.contentType },
    ],
  };
}

/**
 * Writes the objects a few at a time. Before the seed's transaction commits: if it rolls back, what was written is
 * referenced by no row and the daily orphan sweep of the 'cases' namespace removes it.
 */
export async function writeDemoPhotos(
  storage: FileStorage,
  writes: readonly DemoPhotoWrite[],
): Promise<void> {
  for (let i = 0; i < writes.length; i += 8) {
    await Promise.all(writes.slice(i, i + 8).map((w) => storage.put(w.key, w.bytes, w.contentType)));
  }
}
