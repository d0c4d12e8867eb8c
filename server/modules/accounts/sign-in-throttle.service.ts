import { normalizeIP } from '@fastify/rate-limit';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { hashSecret } from '../../platform/auth/tokens';
import type { SignInThrottleRepository } from './sign-in-throttle.repository';

/**
 * Slowing down password guessers without handing anyone a way to lock an account. Failures are counted per
 * (identifier + client address) and per client address — never per account alone, so an attacker elsewhere cannot
 * keep the owner out of a correct password. Past a free allowance each further failure doubles a waiting time
 * (1 s, 2 s, 4 s … capped); attempts inside it are answered 429 with Retry-After before any password is checked.
 * The identifier is counted whether or not an account has it, so known and unknown ones answer alike.
 */
export const THROTTLE_RULES = {
  /** One person mistyping their own password. */
  pair: { freeFailures: 5 },
  /** One address: larger, since a carrier NAT or a commune's Wi-Fi puts many people behind it. */
  address: { freeFailures: 50 },
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  /** A row is forgotten this long after its last failure. */
  windowMs: 24 * 3_600_000,
} as const;

interface Counter {
  failures: number;
  last_failure_at: string;
}

/** When the counter next lets an attempt through (epoch ms), or 0 while it is inside its free allowance. */
export function blockedUntilMs(counter: Counter, freeFailures: number): number {
  if (counter.failures < freeFailures) return 0;
  const doublings = Math.min(counter.failures - freeFailures, 30);
  const delay = Math.min(THROTTLE_RULES.maxDelayMs, THROTTLE_RULES.firstDelayMs * 2 ** doublings);
  return Date.parse(counter.last_failure_at) + delay;
}

/** IPv6 by /56 (as the general rate limiter does), so rotating addresses inside one allocation does not help. */
function addressPart(ip: string | null): string {
  return ip ? normalizeIP(ip) : 'unknown';
}

export function createSignInThrottle(deps: { throttles: SignInThrottleRepository; clock: Clock }) {
  const { throttles, clock } = deps;
  // Hashed: the table must hold no e-mail, phone number or address.
  const keysOf = (identifier: string, ip: string | null) => ({
    pair: hashSecret(`sign-in|pair|${identifier}|${addressPart(ip)}`),
    address: hashSecret(`sign-in|address|${addressPart(ip)}`),
  });

  return {
    /** Throws RATE_LIMITED (with Retry-After) while either counter of this attempt is waiting. */
    async assertMayAttempt(identifier: string, ip: string | null): Promise<void> {
      const keys = keysOf(identifier, ip);
      const rows = await throttles.find([keys.pair, keys.address]);
      const until = Math.max(
        0,
        ...rows.map((r) =>
          blockedUntilMs(
            r,
            r.key === keys.pair ? THROTTLE_RULES.pair.freeFailures : THROTTLE_RULES.address.freeFailures,
          ),
        ),
      );
      const waitMs = until - clock.now().getTime();
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new AppError('RATE_LIMITED', `Too many failed sign-ins. Try again in ${seconds} s.`, {
          messageVi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
          headers: { 'retry-after': String(seconds) },
        });
      }
    },

    async recordFailure(identifier: string, ip: string | null): Promise<void> {
      const keys = keysOf(identifier, ip);
      const now = clock.now();
      await throttles.recordFailure(
        [keys.pair, keys.address],
        now.toISOString(),
        new Date(now.getTime() + THROTTLE_RULES.windowMs).toISOString(),
      );
    },

    /** A right password forgives this identifier's failures from this address (not the address's own count). */
    async recordSuccess(identifier: string, ip: string | null): Promise<void> {
      await throttles.clear(keysOf(identifier, ip).pair);
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
