/**
 * What the case demo files and when (issue 10): the mix of outcomes, how often each category is reported, how long
 * ago a case of each outcome was filed, and the templates' blanks filled with the demo's roads and landmarks.
 */
import type { SeedRandom } from '../demo/index';
import type { DemoOutcome } from './cases.demo-life';
import { DAY_MS, daytime } from './cases.demo-rows';
import { LANDMARKS, ROADS } from './cases.demo-text';

const OUTCOMES: readonly [DemoOutcome, number][] = [
  ['submitted', 6],
  ['accepted', 5],
  ['assigned', 9],
  ['in_progress', 14],
  ['answered', 12],
  ['closed', 34],
  ['refused', 8],
  ['merged', 5],
  ['reopened', 4],
];
/** How often each category is reported (roads, waste and lighting lead, as in the provinces' 1022 statistics). */
const CATEGORY_WEIGHTS: readonly [string, number][] = [
  ['roads', 16],
  ['traffic_safety', 6],
  ['street_lighting', 9],
  ['waste', 12],
  ['water_drainage', 9],
  ['pollution', 6],
  ['urban_order', 6],
  ['construction', 4],
  ['security', 4],
  ['power', 6],
  ['mobile_internet', 5],
  ['online_services', 3],
  ['online_scam', 4],
  ['health_food', 3],
  ['social_welfare', 3],
  ['procedures', 3],
  ['other', 4],
];

function weighted<T>(random: SeedRandom, items: readonly [T, number][]): T {
  let r = random.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** How long before now a case with this outcome was filed: open ones mostly recent, a few left to run late. */
function ageMs(random: SeedRandom, outcome: DemoOutcome): number {
  const days = (a: number, b: number) => (a + (b - a) * random.next()) * DAY_MS;
  switch (outcome) {
    case 'submitted':
      return days(0.02, 1.7);
    case 'accepted':
    case 'assigned':
      return random.chance(0.85) ? days(1, 6) : days(6, 60);
    case 'in_progress':
      return random.chance(0.8) ? days(2, 15) : days(15, 90);
    case 'answered':
      return days(3, 20);
    case 'reopened':
      return days(10, 120);
    default:
      return days(2, 182);
  }
}

/** Outcomes and filing times, in time order, so a duplicate can be folded into an earlier case. */
export function planDemoFilings(random: SeedRandom, count: number, nowMs: number) {
  return Array.from({ length: count }, () => {
    const outcome = weighted(random, OUTCOMES);
    return { outcome, submittedMs: daytime(random, nowMs - ageMs(random, outcome), nowMs) };
  }).sort((a, b) => a.submittedMs - b.submittedMs);
}

export const pickDemoCategory = (random: SeedRandom): string => weighted(random, CATEGORY_WEIGHTS);

export const fillDemoText = (text: string, random: SeedRandom, hamlet: string) =>
  text
    .replaceAll('{road}', random.pick(ROADS))
    .replaceAll('{hamlet}', hamlet)
    .replaceAll('{landmark}', random.pick(LANDMARKS))
    .replaceAll('{n}', String(random.int(2, 9)));
