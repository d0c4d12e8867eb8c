import os from 'node:os';
import type { Logger } from 'pino';
import { uuidv7 } from '../../../shared/ids';
import type { Database } from '../../db/database';
import { addMs, type Clock } from '../clock';
import type { Metrics } from '../metrics';
import { enqueueJob } from './enqueue';
import { declaredJobNames, JobPayloadError, type JobDefinition, type Schedule } from './job-definition';
import { createJobStore, type ClaimedJob } from './job-store';
import { computeBackoffMs, computeSlotStart, slotKey, validateSchedule } from './schedule-slots';

export interface JobRunnerOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  jobs: JobDefinition[];
  schedules?: Schedule[];
  /** Names that must have a handler; defaults to every name passed to declareJobs() in this process. */
  declared?: readonly string[];
  workerId?: string;
  pollIntervalMs?: number;
  /** How long a claimed job is ours; a crashed worker's job is taken again once it passes. */
  leaseMs?: number;
  /** Jobs this process runs at the same time. */
  concurrency?: number;
}

export interface JobRunner {
  /** Polls in the background: schedules, then claims and runs due jobs, every pollIntervalMs. */
  start(): void;
  /** Stops taking jobs and resolves once the jobs already running have finished. */
  stop(): Promise<void>;
  /** One claim-and-run pass; resolves when the claimed jobs are finished. Returns how many ran. */
  runDueJobs(): Promise<number>;
  /** Enqueues the current slot of every schedule (idempotent per slot). Returns how many were new. */
  tick(): Promise<number>;
  /** tick + runDueJobs until a pass finds nothing due (tests and one-off tooling). Returns how many ran. */
  runUntilIdle(maxPasses?: number): Promise<number>;
  readonly workerId: string;
}

/** Interval jobs are superseded by their next slot, so a failure is not retried; daily ones are. */
const DEFAULT_SCHEDULED_MAX_ATTEMPTS = { every: 1, daily: 5 } as const;

/**
 * The jobs-table runner (architecture.md "Jobs"): lease-based claims, retries with exponential backoff, `failed`
 * after max attempts, scheduled slots with unique keys. Several servers may run it against one database; each
 * job runs once at a time, and again only after a failure or a lost lease.
 * Construction throws when a declared or scheduled job has no handler, so a bad deployment fails at boot.
 */
export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const { database, clock, logger, metrics } = opts;
  const schedules = opts.schedules ?? [];
  const pollIntervalMs = opts.pollIntervalMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${uuidv7().slice(-8)}`;

  const byName = new Map<string, JobDefinition>();
  for (const job of opts.jobs) {
    if (byName.has(job.name)) throw new Error(`Job ${job.name} is defined twice`);
    byName.set(job.name, job);
  }
  const required = new Set([...(opts.declared ?? declaredJobNames()), ...schedules.map((s) => s.name)]);
  const missing = [...required].filter((name) => !byName.has(name)).sort();
  if (missing.length > 0) {
    throw new Error(`Jobs without a handler: ${missing.join(', ')}. Pass their definitions to createJobRunner (app.ts).`);
  }
  schedules.forEach(validateSchedule);

  const store = createJobStore(database.db, database.dialect);
  const names = [...byName.keys()];
  const inFlight = new Set<Promise<void>>();
  const lastSlot = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  let currentPass: Promise<void> | null = null;
  let started = false;
  let stopping = false;

  const nowIso = () => clock.now().toISOString();

  async function tick(): Promise<number> {
    const now = clock.now();
    let created = 0;
    for (const schedule of schedules) {
      const start = computeSlotStart(schedule, now);
      const key = slotKey(schedule.name, start);
      if (lastSlot.get(schedule.name) === key) continue;
      const maxAttempts =
        'every' in schedule ? DEFAULT_SCHEDULED_MAX_ATTEMPTS.every : DEFAULT_SCHEDULED_MAX_ATTEMPTS.daily;
      const inserted = await enqueueJob(database.db, schedule.name, schedule.payload ?? {}, now.toISOString(), {
        runAt: start.toISOString(),
        uniqueKey: key,
        maxAttempts,
      });
      lastSlot.set(schedule.name, key);
      if (inserted) created += 1;
    }
    return created;
  }

  async function execute(job: ClaimedJob): Promise<void> {
    const definition = byName.get(job.name);
    const log = logger.child({ job: { id: job.id, name: job.name, attempt: job.attempts } });
    if (!definition) return;
    if (job.attempts > job.max_attempts) {
      // Its last attempt's worker died mid-run (the lease expired): do not start an attempt beyond the maximum.
      await store.fail(job, workerId, 'The worker stopped during the last attempt (lease expired).', nowIso());
      metrics.jobsProcessed.inc({ name: job.name, outcome: 'failed' });
      log.error('job failed: lease expired on its last attempt');
      return;
    }
    const heartbeat = setInterval(() => {
      const now = clock.now();
      store
        .renewLease(job, workerId, addMs(now.toISOString(), leaseMs), now.toISOString())
        .catch((err: unknown) => log.warn({ err: describeError(err) }, 'job lease renewal failed'));
    }, Math.max(1000, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    try {
      await definition.run(parsePayload(job.payload_json), {
        jobId: job.id,
        name: job.name,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        isLastAttempt: job.attempts >= job.max_attempts,
        logger: log,
      });
      await store.complete(job, workerId, nowIso());
      metrics.jobsProcessed.inc({ name: job.name, outcome: 'done' });
    } catch (err) {
      await recordFailure(job, err, log);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Logs the error's message only: payloads (and so the job's arguments) may hold personal data. */
  async function recordFailure(job: ClaimedJob, err: unknown, log: Logger) {
    const error = describeError(err);
    const text = `${error.type}: ${error.message}`;
    try {
      const now = nowIso();
      if (err instanceof JobPayloadError || job.attempts >= job.max_attempts) {
        await store.fail(job, workerId, text, now);
        metrics.jobsProcessed.inc({ name: job.name, outcome: 'failed' });
        log.error({ err: error }, 'job failed for good');
      } else {
        const runAt = addMs(now, computeBackoffMs(job.attempts));
        await store.reschedule(job, workerId, text, runAt, now);
        metrics.jobsProcessed.inc({ name: job.name, outcome: 'retry' });
        log.warn({ err: error, retryAt: runAt }, 'job failed; will retry');
      }
    } catch (storeErr) {
      // The database is unreachable: the lease expires and the job is taken again, which is the retry.
      log.error({ err: describeError(storeErr), jobErr: error }, 'could not record a job failure');
    }
  }

  function launch(job: ClaimedJob): Promise<void> {
    const run = execute(job).finally(() => inFlight.delete(run));
    inFlight.add(run);
    return run;
  }

  async function claimDue(): Promise<ClaimedJob[]> {
    if (stopping) return [];
    const now = nowIso();
    return store.claim({ names, limit: concurrency - inFlight.size, workerId, now, leaseUntil: addMs(now, leaseMs) });
  }

  async function updateQueueGauge() {
    const counts = await store.countQueued();
    metrics.jobsQueued.set({ status: 'pending' }, counts.pending);
    metrics.jobsQueued.set({ status: 'running' }, counts.running);
  }

  async function runDueJobs(): Promise<number> {
    const claimed = await claimDue();
    await Promise.all(claimed.map(launch));
    await updateQueueGauge();
    return claimed.length;
  }

  async function runUntilIdle(maxPasses = 25): Promise<number> {
    let total = 0;
    for (let pass = 0; pass < maxPasses; pass++) {
      await tick();
      const ran = await runDueJobs();
      total += ran;
      if (ran === 0) break;
    }
    return total;
  }

  async function pollOnce() {
    await tick();
    const claimed = await claimDue();
    claimed.forEach((job) => void launch(job));
    await updateQueueGauge();
  }

  function schedulePoll(delayMs: number) {
    timer = setTimeout(() => {
      timer = null;
      currentPass = pollOnce()
        .catch((err: unknown) => logger.warn({ err: describeError(err) }, 'job poll failed'))
        .finally(() => {
          currentPass = null;
          if (!stopping) schedulePoll(pollIntervalMs);
        });
    }, delayMs);
  }

  return {
    workerId,
    tick,
    runDueJobs,
    runUntilIdle,
    start() {
      if (started) return;
      started = true;
      stopping = false;
      schedulePoll(0);
      logger.info({ workerId, jobs: names.length, schedules: schedules.length }, 'job runner started');
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (currentPass) await currentPass;
      await Promise.allSettled([...inFlight]);
      started = false;
    },
  };
}

function parsePayload(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function describeError(err: unknown): { type: string; message: string } {
  if (err instanceof Error) return { type: err.name, message: err.message };
  return { type: 'Error', message: String(err) };
}
