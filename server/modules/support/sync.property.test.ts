import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import {
  buildHamlet,
  buildMember,
  buildTeam,
  COMMUNE_A,
  loadTestUnits,
  recordInput,
} from '../teams/teams.fixtures';

/**
 * Property, model-based: any interleaving of sends, resends, conflicting resends and corrections — in batches, one
 * by one, or as concurrent PUTs — gets, for every send, the exact answer the phone acts on: `created` (201) the
 * first time an id is stored, `duplicate` (200) for the stored content again, `conflict` (409) for other content
 * under a stored id (the phone keeps that one and shows it). The model is a map id → stored variant, updated in
 * send order; only concurrent PUTs of one new id leave the winner open, and then exactly one of them is `created`
 * and the others are answered against whichever content won. Afterwards exactly the modelled ids are stored,
 * each with its modelled content, and every corrected version is marked as superseded by its correction.
 */
const CHAINS = 3;
const VERSIONS = 3;

const opArb = fc.record({
  chain: fc.nat({ max: CHAINS - 1 }),
  version: fc.nat({ max: VERSIONS - 1 }),
  variant: fc.constantFrom('same', 'same', 'other'),
});
const stepArb = fc.record({
  ops: fc.array(opArb, { minLength: 1, maxLength: 6 }),
  mode: fc.constantFrom('batch', 'put', 'parallel-put'),
});
const scenarioArb = fc.array(stepArb, { minLength: 1, maxLength: 8 });

type Op = { chain: number; version: number; variant: string };

describe('offline sync property', () => {
  let t: TestApp;
  let member: Session;
  let team: { id: string };
  let hamlet: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A);
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const u = await buildUser(db);
    await buildMember(db, team.id, { user_id: u.id });
    member = await signIn(t.app, u.email, u.password);
  });
  afterAll(async () => t.close());

  it('answers each send exactly as the model says and stores exactly the modelled records', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (steps) => {
        const now = t.clock.now();
        const ids = Array.from({ length: CHAINS }, () => Array.from({ length: VERSIONS }, () => uuidv7()));
        const noteOf = (op: Op) => `c${op.chain}v${op.version}-${op.variant}`;
        const bodyOf = (op: Op) =>
          recordInput(team.id, hamlet.id, now, {
            id: ids[op.chain]![op.version]!,
            note: noteOf(op),
            outcome: op.variant === 'same' ? 'done' : 'partly',
            ...(op.version > 0 ? { supersedes: ids[op.chain]![op.version - 1]! } : {}),
          });
        // The model: id → the variant stored under it.
        const model = new Map<string, string>();
        /** The answer to a send of `op` when the model is as it is now (and the model after it). */
        const answer = (op: Op): 'created' | 'duplicate' | 'conflict' => {
          const id = ids[op.chain]![op.version]!;
          const stored = model.get(id);
          if (stored === undefined) {
            model.set(id, op.variant);
            return 'created';
          }
          return stored === op.variant ? 'duplicate' : 'conflict';
        };
        const HTTP = { created: 201, duplicate: 200, conflict: 409 } as const;

        for (const step of steps) {
          if (step.mode === 'batch') {
            const r = await t.app.inject({
              method: 'POST',
              url: '/api/v1/sync',
              headers: member.headers,
              payload: { records: step.ops.map(bodyOf) },
            });
            expect(r.statusCode).toBe(200);
            const statuses = (r.json().results as { status: string }[]).map((x) => x.status);
            expect(statuses).toEqual(step.ops.map(answer));
            continue;
          }
          const send = (op: Op) =>
            t.app.inject({
              method: 'PUT',
              url: `/api/v1/support-records/${ids[op.chain]![op.version]!}`,
              headers: member.headers,
              payload: bodyOf(op),
            });
          if (step.mode === 'put') {
            for (const op of step.ops) {
              const r = await send(op);
              expect(r.statusCode, r.body).toBe(HTTP[answer(op)]);
            }
            continue;
          }
          // Concurrent PUTs: answers for ids stored before the step are fixed; for a new id, read which content
          // won, then exactly one send of it is 201 with that content and each other is answered against it.
          const before = new Map(model);
          const responses = await Promise.all(step.ops.map(send));
          const newIds = [...new Set(step.ops.map((op) => ids[op.chain]![op.version]!))].filter(
            (id) => !before.has(id),
          );
          const won = await t.database.db
            .selectFrom('support_records')
            .select(['id', 'note'])
            .where('id', 'in', newIds.length > 0 ? newIds : [''])
            .execute();
          for (const row of won) model.set(row.id, row.note!.split('-')[1]!);
          expect(won.length).toBe(newIds.length);
          const createdPerId = new Map<string, number>();
          step.ops.forEach((op, i) => {
            const id = ids[op.chain]![op.version]!;
            const got = responses[i]!.statusCode;
            if (!before.has(id) && got === 201) {
              createdPerId.set(id, (createdPerId.get(id) ?? 0) + 1);
              expect(op.variant).toBe(model.get(id));
              return;
            }
            const stored = model.get(id)!;
            expect(got, responses[i]!.body).toBe(stored === op.variant ? 200 : 409);
          });
          for (const id of newIds) expect(createdPerId.get(id)).toBe(1);
        }

        const allIds = ids.flat();
        const stored = await t.database.db
          .selectFrom('support_records')
          .select(['id', 'note', 'state', 'superseded_by'])
          .where('id', 'in', allIds)
          .execute();
        expect(new Set(stored.map((r) => r.id))).toEqual(new Set(model.keys()));
        const byId = new Map(stored.map((r) => [r.id, r]));
        for (const [id, variant] of model) expect(byId.get(id)!.note!.split('-')[1]).toBe(variant);
        for (const chain of ids) {
          chain.forEach((id, v) => {
            const row = byId.get(id);
            const next = chain[v + 1];
            if (!row) return;
            if (next && byId.has(next))
              expect(row).toMatchObject({ state: 'superseded', superseded_by: next });
            else expect(row).toMatchObject({ state: 'active', superseded_by: null });
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
