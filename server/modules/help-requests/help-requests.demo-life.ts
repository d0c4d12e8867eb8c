/**
 * One demo help request's life (help-requests.demo.ts): from its age, the state it has reached and the steps that
 * led there, each at a plausible time after the one before and never after the seed's clock.
 */
import type { HelpRequestState } from '../../../shared/rules/help-request-workflow';
import type { SeedRandom } from '../demo/index';

const HOUR_MS = 3_600_000;

export interface DemoStep {
  action: 'created' | 'assign' | 'schedule' | 'complete' | 'not_reached' | 'cancel';
  from: HelpRequestState | null;
  to: HelpRequestState;
  at: number;
  note: string | null;
}

export interface DemoLife {
  state: HelpRequestState;
  steps: DemoStep[];
  assignedAt: number | null;
  scheduledFor: number | null;
  closedAt: number | null;
  closeReason: string | null;
}

const CANCEL_REASONS = [
  'Người dân đã tự làm được, không cần hỗ trợ nữa.',
  'Người thân đã giúp xong.',
  'Gửi trùng với một yêu cầu khác.',
];
const NOTES = ['Đã gọi, hẹn sáng thứ Bảy tại nhà.', 'Hẹn tại nhà văn hoá ấp.', null, null];

/** The state a request of this age has reached (older ones are mostly closed; a few new ones are overdue). */
function finalState(random: SeedRandom, ageDays: number, hasMembers: boolean): HelpRequestState {
  if (!hasMembers) return ageDays > 10 && random.chance(0.6) ? 'cancelled' : 'new';
  const pick = (weights: [HelpRequestState, number][]) => {
    const total = weights.reduce((s, [, w]) => s + w, 0);
    let r = random.next() * total;
    for (const [state, w] of weights) if ((r -= w) < 0) return state;
    return weights[0]![0];
  };
  if (ageDays < 2)
    return pick([
      ['new', 6],
      ['assigned', 3],
      ['scheduled', 1],
    ]);
  if (ageDays < 8)
    return pick([
      ['new', 2],
      ['assigned', 2],
      ['scheduled', 3],
      ['done', 3],
      ['could_not_reach', 1],
      ['cancelled', 1],
    ]);
  return pick([
    ['new', 1],
    ['assigned', 1],
    ['done', 16],
    ['could_not_reach', 3],
    ['cancelled', 2],
  ]);
}

/** The steps from "created" to the state reached, spread between the creation and the seed's clock. */
export function demoLife(
  random: SeedRandom,
  createdMs: number,
  nowMs: number,
  hasMembers: boolean,
): DemoLife {
  const ageDays = (nowMs - createdMs) / (24 * HOUR_MS);
  const state = finalState(random, ageDays, hasMembers);
  const steps: DemoStep[] = [{ action: 'created', from: null, to: 'new', at: createdMs, note: null }];
  const life: DemoLife = {
    state,
    steps,
    assignedAt: null,
    scheduledFor: null,
    closedAt: null,
    closeReason: null,
  };
  const span = nowMs - createdMs;
  // Each step a share of the time left, so the last one still falls before the clock.
  let at = createdMs;
  const next = (share: number) => (at = Math.min(nowMs - 60_000, at + Math.max(60_000, span * share)));
  if (state === 'new') return life;
  // Nobody in the team to assign: it can only be withdrawn from the queue.
  if (state === 'cancelled' && (!hasMembers || random.chance(0.5))) {
    life.closedAt = next(0.3);
    life.closeReason = random.pick(CANCEL_REASONS);
    steps.push({ action: 'cancel', from: 'new', to: 'cancelled', at: life.closedAt, note: null });
    return life;
  }
  life.assignedAt = next(random.next() * 0.15);
  steps.push({ action: 'assign', from: 'new', to: 'assigned', at: life.assignedAt, note: null });
  if (state === 'assigned') return life;
  if (state === 'could_not_reach') {
    life.closedAt = next(0.3);
    steps.push({
      action: 'not_reached',
      from: 'assigned',
      to: 'could_not_reach',
      at: life.closedAt,
      note: 'Gọi 3 lần không ai nghe máy.',
    });
    return life;
  }
  if (state === 'cancelled') {
    life.closedAt = next(0.3);
    life.closeReason = random.pick(CANCEL_REASONS);
    steps.push({ action: 'cancel', from: 'assigned', to: 'cancelled', at: life.closedAt, note: null });
    return life;
  }
  const scheduledAt = next(random.next() * 0.2);
  // The visit: a day or two after the call, in the morning or late afternoon; still ahead for "scheduled".
  const visit =
    state === 'scheduled'
      ? nowMs + random.int(1, 4) * 24 * HOUR_MS
      : Math.min(nowMs - HOUR_MS, scheduledAt + random.int(18, 60) * HOUR_MS);
  life.scheduledFor = visit;
  steps.push({
    action: 'schedule',
    from: 'assigned',
    to: 'scheduled',
    at: scheduledAt,
    note: random.pick(NOTES),
  });
  if (state === 'scheduled') return life;
  life.closedAt = Math.max(visit, scheduledAt + 60_000);
  steps.push({ action: 'complete', from: 'scheduled', to: 'done', at: life.closedAt, note: null });
  return life;
}
