/**
 * The case engine's part of the demo (issue 10): about 420 citizens' reports and petitions over the six months
 * before the seed (what is filed when: cases.demo-plan.ts), across the demo province's communes, in every state of
 * the workflow (cases.demo-life.ts), routed to the agencies seedDemoAgencies made, with photos drawn at seed time
 * (cases.demo-photos.ts), "me too"s, followers and ratings; and a few teams' proposals with the Youth Union's
 * official answers. Written with ctx.db (the seed's transaction) the way intake and the handlers' services write:
 * contacts sealed, consent recorded, tracking codes drawn from the day counters (which are moved on, so the next
 * real report of a day follows). No events: the demo's past must not mail anyone. The map overview is rebuilt by
 * `cases.map.refresh`, which the job runner runs as soon as the server starts.
 */
import { acceptDeadline } from '../../../shared/rules/case-deadlines';
import type {
  CaseExtensionsTable,
  CaseFilesTable,
  CaseFollowersTable,
  CasesTable,
  CaseSupportersTable,
  CaseUpdatesTable,
  DB,
} from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { ANONYMOUS } from '../../platform/auth/actor';
import { sealContact } from '../../platform/crypto/sealed-columns';
import { recordConsents, type ConsentGiven } from '../../platform/privacy/consent';
import { createCalendarModule } from '../calendar/index';
import { DEMO_COMMUNE_CODE, type DemoSeedContext } from '../demo/index';
import { CASE_FOLLOWER_SUBJECT, unfollowToken } from './case-citizen.service';
import { deadlinesFromSettings, ensureCaseDefaults } from './case-defaults';
import { consentChannel, CONTACT_CONSENT_VERSION } from './case-intake.checks';
import { sha256Hex, titleFrom } from './case-intake.rules';
import { CASE_CONTACT_SUBJECT } from './case-intake.service';
import { createCasesRepository } from './cases.repository';
import { liveDemoCase, type DemoLifeDeps } from './cases.demo-life';
import {
  createDemoPhotoPool,
  demoPhotoRow,
  sceneFor,
  writeDemoPhotos,
  type DemoPhotoWrite,
} from './cases.demo-photos';
import { createDemoPlaces, demoReporter } from './cases.demo-places';
import { planDemoProposals } from './cases.demo-proposals';
import { fillDemoText, pickDemoCategory, planDemoFilings } from './cases.demo-plan';
import { assignCodes, DAY_MS, inChunks, submittedCase } from './cases.demo-rows';
import { ANSWERS, GENERIC_ANSWERS, PETITION_TEMPLATES, REPORT_TEMPLATES, ROADS } from './cases.demo-text';

/** Citizens' reports and petitions in the demo. */
export const DEMO_CASE_COUNT = 420;
/** case-citizen.service.ts keys its "me too" device hashes with this context. */
const SUPPORTER_CONTEXT = 'case-supporter';

export async function seedDemoCases(ctx: DemoSeedContext): Promise<void> {
  const { db, provinceCode, sealer } = ctx;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const random = ctx.random.fork('cases');
  const casesRepo = createCasesRepository(db);
  // The categories are the app's start-up defaults; the seed runs before the app is built, so it ensures them.
  await ensureCaseDefaults(casesRepo, provinceCode, at);
  const categories = new Map((await casesRepo.listCategories(provinceCode)).map((c) => [c.code, c] as const));
  const calendar = await createCalendarModule({ db, clock: ctx.clock }).calendarFor(provinceCode);
  const policy = await deadlinesFromSettings(casesRepo, provinceCode);
  const rules = await db
    .selectFrom('case_routing_rules')
    .select(['category_code', 'commune_code', 'agency_id'])
    .where('province_code', '=', provinceCode)
    .execute();
  const route = (category: string, commune: string | null) =>
    rules.find((r) => r.category_code === category && r.commune_code === commune && commune !== null)
      ?.agency_id ??
    rules.find((r) => r.category_code === category && r.commune_code === null)?.agency_id ??
    null;
  const handlerGrants = await db
    .selectFrom('grants')
    .select(['user_id', 'agency_id'])
    .where('role', '=', 'agency_handler')
    .where('province_code', '=', provinceCode)
    .where('agency_id', 'is not', null)
    .orderBy('user_id')
    .execute();
  const account = (role: string) => ctx.accounts.find((a) => a.role === role)?.userId ?? null;
  const admin = account('province_admin') ?? ctx.accounts[0]!.userId;
  const lifeDeps = (communeCode: string | null, triage: string | null): DemoLifeDeps => ({
    calendar,
    policy,
    now,
    random,
    triageUserId: communeCode === DEMO_COMMUNE_CODE ? (account('commune_officer') ?? admin) : triage,
    supervisorUserId: admin,
    handlerOf: (agencyId) => handlerGrants.find((g) => g.agency_id === agencyId)?.user_id ?? null,
  });
  const places = createDemoPlaces(ctx, DEMO_COMMUNE_CODE);
  const photoOf = createDemoPhotoPool();
  const photoRandom = random.fork('photos');
  const people = random.fork('people');

  const cases: CasesTable[] = [];
  const updates: CaseUpdatesTable[] = [];
  const extensions: CaseExtensionsTable[] = [];
  const files: CaseFilesTable[] = [];
  const writes: DemoPhotoWrite[] = [];
  const supporters: CaseSupportersTable[] = [];
  const followers: CaseFollowersTable[] = [];
  const consents: ConsentGiven[] = [];
  const submissions: DB['case_submissions'][] = [];
  const addPhotos = async (
    c: CasesTable,
    count: number,
    updateId: string | null,
    scene: ReturnType<typeof sceneFor>,
    when: string,
  ) => {
    if (!ctx.storage) return;
    const image = await photoOf(scene);
    for (let position = 0; position < count; position++) {
      const made = demoPhotoRow(photoRandom, image, {
        id: photoRandom.idAt(Date.parse(when)),
        case_id: c.id,
        update_id: updateId,
        position,
        created_at: when,
      });
      files.push(made.row);
      writes.push(...made.writes);
    }
  };

  // Outcomes and filing times first, in time order, so a duplicate can be folded into an earlier case.
  const planned = planDemoFilings(random, DEMO_CASE_COUNT, now.getTime());

  for (const [serial, p] of planned.entries()) {
    const submittedAt = new Date(p.submittedMs).toISOString();
    let outcome = p.outcome;
    // A duplicate: the same problem reported again near an earlier report that is still being handled.
    const original =
      outcome === 'merged'
        ? [...cases]
            .reverse()
            .find(
              (c) =>
                c.kind === 'report' &&
                c.lat !== null &&
                c.accepted_at !== null &&
                c.merged_into_id === null &&
                (c.answered_at === null || Date.parse(c.answered_at) > p.submittedMs + DAY_MS) &&
                p.submittedMs - Date.parse(c.submitted_at) < 30 * DAY_MS,
            )
        : undefined;
    if (outcome === 'merged' && !original) outcome = 'refused';
    let categoryCode = original?.category_code ?? pickDemoCategory(random);
    if (!categories.has(categoryCode)) categoryCode = 'other';
    const category = categories.get(categoryCode);
    if (!category) continue;
    const kinds = JSON.parse(category.kinds_json) as string[];
    const kind: CasesTable['kind'] =
      !kinds.includes('report') || (kinds.includes('petition') && !original && random.chance(0.2))
        ? 'petition'
        : 'report';
    const commune = original?.commune_code
      ? (ctx.communes.find((c) => c.code === original.commune_code) ?? places.pickCommune(random))
      : places.pickCommune(random);
    const hamletList = places.hamletsOf(commune.code);
    const hamlet = hamletList.length > 0 ? random.pick(hamletList) : null;
    const templates =
      (kind === 'report' ? REPORT_TEMPLATES : PETITION_TEMPLATES)[categoryCode] ?? REPORT_TEMPLATES.other!;
    const template = random.pick(templates);
    const description = fillDemoText(template.text, random, hamlet?.name ?? 'khu dân cư');
    const point =
      kind === 'petition'
        ? null
        : original?.lat != null && original.lng != null
          ? {
              lat: original.lat + (random.next() - 0.5) * 0.0008,
              lng: original.lng + (random.next() - 0.5) * 0.0008,
            }
          : places.pointIn(random, commune.code);
    const staff = random.chance(0.2);
    const channel: CasesTable['channel'] = staff
      ? random.chance(0.6)
        ? 'phone'
        : 'walk_in'
      : random.chance(0.3)
        ? 'app'
        : 'web';
    const createdBy = staff ? lifeDeps(commune.code, admin).triageUserId : null;
    const reporter = demoReporter(people, serial, staff);
    const phone = reporter.phone
      ? sealContact(sealer, 'cases.reporter_phone', 'phone', reporter.phone)
      : null;
    const email = reporter.email
      ? sealContact(sealer, 'cases.reporter_email', 'email', reporter.email)
      : null;
    const id = random.idAt(p.submittedMs);
    // As intake stores a report or petition on submission (case-intake.service.ts): contacts sealed.
    const row = submittedCase({
      id,
      province_code: provinceCode,
      commune_code: commune.code,
      hamlet_id: hamlet && random.chance(0.5) ? hamlet.id : null,
      kind,
      category_code: categoryCode,
      severity: category.default_severity,
      title: titleFrom(description),
      description,
      attributes_json: JSON.stringify(template.attributes ?? {}),
      lat: point ? Number(point.lat.toFixed(6)) : null,
      lng: point ? Number(point.lng.toFixed(6)) : null,
      location_accuracy: point ? random.pick([8, 12, 20, 35, 65]) : null,
      address_text:
        point && random.chance(0.6) ? `${random.pick(ROADS)}, ${hamlet?.name ?? commune.fullName}` : null,
      reporter_name: sealer.seal(reporter.name, 'cases.reporter_name') as CasesTable['reporter_name'],
      reporter_phone: phone?.sealed ?? null,
      reporter_phone_hash: phone?.hash ?? null,
      reporter_email: email?.sealed ?? null,
      reporter_email_hash: email?.hash ?? null,
      reporter_token_hash: sha256Hex(`demo-token:${id}:${random.next()}`),
      show_name: reporter.publicName ? 1 : 0,
      public_name: reporter.publicName,
      source: staff ? 'staff' : 'web',
      channel,
      created_by: createdBy,
      submitted_at: submittedAt,
      accept_due_at: acceptDeadline(calendar, policy, new Date(p.submittedMs)).toISOString(),
      // Reports are public at once (the demo province does not hold anonymous ones back); petitions when accepted.
      published_at: kind === 'report' ? submittedAt : null,
    });
    const answer = random.pick(ANSWERS[categoryCode] ?? GENERIC_ANSWERS);
    const life = liveDemoCase(
      row,
      outcome,
      route(categoryCode, commune.code),
      { answer },
      lifeDeps(commune.code, admin),
      original ? { id: original.id, code: original.id } : null,
    );
    cases.push(row);
    updates.push(...life.updates);
    extensions.push(...life.extensions);
    submissions.push({
      key: `${staff ? 'staff' : 'client'}:${id}`,
      case_id: id,
      digest: sha256Hex(`demo:${id}`),
      created_at: submittedAt,
    });
    if (phone || email) {
      consents.push({
        purpose: 'reports',
        textVersion: CONTACT_CONSENT_VERSION,
        channel: consentChannel(channel),
        subjectType: CASE_CONTACT_SUBJECT,
        subjectId: id,
        provinceCode,
        contactHash: phone?.hash ?? email?.hash ?? null,
        recordedBy: createdBy,
        givenAt: submittedAt,
      });
    }
    if (kind === 'report' && random.chance(1 / 3))
      await addPhotos(row, random.int(1, 3), null, sceneFor(categoryCode), submittedAt);
    if (life.answerUpdateId && kind === 'report' && random.chance(0.3)) {
      const scene = categoryCode === 'roads' || categoryCode === 'traffic_safety' ? 'repaired' : 'village';
      await addPhotos(row, 1, life.answerUpdateId, scene, row.answered_at!);
    }
    // Neighbours' "me too" and e-mail followers on published reports.
    if (row.published_at !== null && row.state !== 'refused' && random.chance(0.35)) {
      const n = random.chance(0.8) ? random.int(1, 4) : random.int(5, 18);
      for (let i = 0; i < n; i++) {
        const when = new Date(
          Math.min(now.getTime(), p.submittedMs + random.int(1, 10 * 24) * 3_600_000),
        ).toISOString();
        supporters.push({
          case_id: id,
          supporter_hash: sealer.hash(`demo-device:${id}:${i}`, SUPPORTER_CONTEXT),
          created_at: when,
        });
      }
      row.supporters = n;
    }
    if (row.published_at !== null && random.chance(0.1)) {
      const followerId = random.idAt(p.submittedMs + 3_600_000);
      const sealed = sealContact(sealer, 'case_followers.email', 'email', `theodoi${serial}@example.com`);
      const followedAt = new Date(Math.min(now.getTime(), p.submittedMs + 3_600_000)).toISOString();
      followers.push({
        id: followerId,
        case_id: id,
        email: sealed.sealed,
        email_hash: sealed.hash,
        unsubscribe_token_hash: sha256Hex(unfollowToken(sealer, followerId)),
        created_at: followedAt,
        unsubscribed_at: null,
      });
      consents.push({
        purpose: 'reports',
        textVersion: CONTACT_CONSENT_VERSION,
        channel: 'web',
        subjectType: CASE_FOLLOWER_SUBJECT,
        subjectId: followerId,
        provinceCode,
        contactHash: sealed.hash,
        recordedBy: null,
        givenAt: followedAt,
      });
    }
  }
  // The merge step's body names the original's tracking code, known only once codes are drawn below.
  const proposals = await planDemoProposals(
    ctx,
    random.fork('proposals'),
    lifeDeps(null, account('youth_union_coordinator') ?? admin),
    route,
  );
  cases.push(...proposals.cases);
  updates.push(...proposals.updates);

  await assignCodes(db, provinceCode, cases);
  const codeOf = new Map(cases.map((c) => [c.id, c.code]));
  for (const u of updates) if (u.action === 'merge') u.body = codeOf.get(u.body) ?? u.body;

  await inChunks(cases, 50, (chunk) => db.insertInto('cases').values(chunk).execute());
  await inChunks(updates, 200, (chunk) => db.insertInto('case_updates').values(chunk).execute());
  await inChunks(extensions, 200, (chunk) => db.insertInto('case_extensions').values(chunk).execute());
  await inChunks(submissions, 200, (chunk) => db.insertInto('case_submissions').values(chunk).execute());
  await inChunks(supporters, 300, (chunk) => db.insertInto('case_supporters').values(chunk).execute());
  await inChunks(followers, 200, (chunk) => db.insertInto('case_followers').values(chunk).execute());
  await inChunks(files, 200, (chunk) => db.insertInto('case_files').values(chunk).execute());
  await recordConsents(db, consents);
  if (ctx.storage) await writeDemoPhotos(ctx.storage, writes);
  await recordAudit(
    db,
    { actor: ANONYMOUS, ip: null, requestId: null, at },
    {
      action: 'demo.cases_seeded',
      entityType: 'province',
      entityId: provinceCode,
      provinceCode,
      after: { cases: cases.length, proposals: proposals.cases.length, photos: files.length },
    },
  );
}
