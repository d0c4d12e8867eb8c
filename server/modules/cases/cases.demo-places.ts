/**
 * Where the demo's cases happen and who files them (issue 10): communes weighted (the demo commune, whose accounts
 * handle its inbox, the most; wards more than rural communes), pins drawn inside the commune's own boundary — the
 * same simplified shapes intake uses to find a commune from a pin, so every pin gives back its commune — and the
 * reporters' invented names, phones and e-mails (sealed by the seed before they are stored).
 */
import type { DemoCommune, DemoHamlet, DemoSeedContext, SeedRandom } from '../demo/index';
import { createGeographyServices } from '../geography/index';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './cases.demo-text';

type Box = [west: number, south: number, east: number, north: number];

/** Bounding boxes of each commune's shape in the shipped GeoJSON (none when the province has no boundaries). */
function communeBoxes(body: string | null): Map<string, Box> {
  const boxes = new Map<string, Box>();
  if (body === null) return boxes;
  const collection = JSON.parse(body) as {
    features?: { properties?: { code?: unknown }; geometry?: { coordinates?: unknown } | null }[];
  };
  for (const f of collection.features ?? []) {
    const code = f.properties?.code;
    if (typeof code !== 'string' || !f.geometry) continue;
    const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (c: unknown): void => {
      if (!Array.isArray(c)) return;
      if (typeof c[0] === 'number' && typeof c[1] === 'number') {
        box[0] = Math.min(box[0], c[0]);
        box[1] = Math.min(box[1], c[1]);
        box[2] = Math.max(box[2], c[0]);
        box[3] = Math.max(box[3], c[1]);
        return;
      }
      for (const inner of c) walk(inner);
    };
    walk(f.geometry.coordinates);
    if (Number.isFinite(box[0])) boxes.set(code, box);
  }
  return boxes;
}

export interface DemoPlaces {
  pickCommune(random: SeedRandom): DemoCommune;
  hamletsOf(communeCode: string): DemoHamlet[];
  /** A point inside the commune (its boundary decides, as for a citizen's pin), or null without boundaries. */
  pointIn(random: SeedRandom, communeCode: string): { lat: number; lng: number } | null;
}

export function createDemoPlaces(ctx: DemoSeedContext, demoCommuneCode: string): DemoPlaces {
  const { boundaries } = createGeographyServices({ db: ctx.db });
  const boxes = communeBoxes(boundaries.loadCommunesOf(ctx.provinceCode)?.body ?? null);
  const weights = ctx.communes.map((c) => (c.code === demoCommuneCode ? 25 : c.type === 'Phường' ? 2 : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const hamlets = new Map<string, DemoHamlet[]>();
  for (const h of ctx.hamlets) hamlets.set(h.communeCode, [...(hamlets.get(h.communeCode) ?? []), h]);
  return {
    pickCommune(random) {
      let r = random.next() * total;
      for (const [i, c] of ctx.communes.entries()) {
        r -= weights[i]!;
        if (r < 0) return c;
      }
      return ctx.communes[ctx.communes.length - 1]!;
    },
    hamletsOf: (code) => hamlets.get(code) ?? [],
    pointIn(random, communeCode) {
      const box = boxes.get(communeCode);
      if (!box) return null;
      // Rejection sampling in the box: a commune fills a good part of its box, so a few tries are enough.
      for (let attempt = 0; attempt < 60; attempt++) {
        const lng = box[0] + (box[2] - box[0]) * random.next();
        const lat = box[1] + (box[3] - box[1]) * random.next();
        const found = boundaries.communeAt(ctx.provinceCode, lat, lng);
        if (found.status === 'found' && found.communeCode === communeCode)
          return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
      }
      return null;
    },
  };
}

export interface DemoReporter {
  name: string;
  /** What the reporter let be shown (a form of address and their given name), or null. */
  publicName: string | null;
  phone: string | null;
  email: string | null;
}

/** An invented reporter: a phone most often (the +84 stored form), an e-mail at example.com, or nothing at all. */
export function demoReporter(random: SeedRandom, serial: number, mustHavePhone: boolean): DemoReporter {
  const given = random.pick(GIVEN_NAMES);
  const middle = random.pick(MIDDLE_NAMES);
  const name = `${random.pick(FAMILY_NAMES)} ${middle} ${given}`;
  const r = mustHavePhone ? 0 : random.next();
  const phone = r < 0.65 ? `+849${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null;
  const email = phone === null && r < 0.82 ? `nguoidan${serial}@example.com` : null;
  const anonymous = phone === null && email === null;
  const publicName = !anonymous && random.chance(0.3) ? `${middle === 'Thị' ? 'Chị' : 'Anh'} ${given}` : null;
  return { name, publicName, phone, email };
}
