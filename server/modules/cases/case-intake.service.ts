import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { MAX_CASE_PHOTOS } from '../../../shared/contracts/cases';
import { uuidv7 } from '../../../shared/ids';
import type { CategoryAttribute } from '../../../shared/rules/case-categories';
import { acceptDeadline, type CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import { caseTrackingCode } from '../../../shared/rules/case-workflow';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { ContactHash, DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { EMAIL_HASH_CONTEXT, PHONE_HASH_CONTEXT, sealContact } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { conflict } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import {
  newFileKey,
  processImage,
  variantKey,
  withStagedFiles,
  type FileStorage,
  type FileToStage,
  type ImageLimits,
} from '../../platform/files/index';
import { recordConsents } from '../../platform/privacy/consent';
import type { CommuneLookup } from '../geography/index';
import {
  BLOCKED,
  checkAttributes,
  invalid,
  sha256Hex,
  submissionDigest,
  titleFrom,
  TOO_MANY_FOR_CONTACT,
  type CaseIntakeInput,
  type CaseIntakeResult,
} from './case-intake.rules';
import type { CaseRow, CasesRepository } from './cases.repository';
import { consentChannel, CONTACT_CONSENT_VERSION, contactOf, placeOf } from './case-intake.checks';

export { CONTACT_CONSENT_VERSION };

/** The consent record's subject: one per case that keeps a reporter's contact for progress messages. */
export const CASE_CONTACT_SUBJECT = 'case_contact';
/** Reports one phone or e-mail may file through the public form in 24 hours (staff filing is not limited). */
export const MAX_CASES_PER_CONTACT_PER_DAY = 10;
/** Where a case's photos live in the file storage (the orphan sweep walks this namespace). */
export const CASE_FILES_NAMESPACE = 'cases';

export interface CaseIntakeDeps {
  db: Kysely<DB>;
  cases: CasesRepository;
  clock: Clock;
  sealer: Sealer;
  storage: FileStorage;
  uploads: ImageLimits;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
  communeAt: (provinceCode: string, lat: number, lng: number) => CommuneLookup;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The one write path of a new case (issue 10), for the web form, staff filing and Open311: it checks the category,
 * the place, the contact and its consent, processes the photos, and stores the case with its first timeline entry,
 * its photos, audit row, `case.submitted` event and consent record in one transaction — whole or not at all. A
 * resend (same submission key, same content) answers the stored case; other content under the same key is a conflict.
 */
export function createCaseIntakeService(deps: CaseIntakeDeps) {
  const { db, cases, clock, sealer } = deps;

  async function answerExisting(key: string, digest: string): Promise<CaseIntakeResult | null> {
    const existing = await cases.findSubmission(key);
    if (!existing) return null;
    if (existing.digest !== digest) {
      throw conflict(
        'This report was already sent with different content.',
        'Phản ánh này đã được gửi trước đó với nội dung khác.',
      );
    }
    const row = await cases.findById(existing.case_id);
    if (!row) return null;
    return {
      status: 'duplicate',
      caseId: row.id,
      code: row.code,
      state: row.state,
      acceptDueAt: row.accept_due_at,
    };
  }

  async function createCase(input: CaseIntakeInput, ctx: AuditContext): Promise<CaseIntakeResult> {
    const photos = input.photos ?? [];
    if (photos.length > MAX_CASE_PHOTOS) {
      throw invalid('photos', `At most ${MAX_CASE_PHOTOS} photos.`, `Tối đa ${MAX_CASE_PHOTOS} ảnh.`);
    }
    const digest = submissionDigest(
      input,
      photos.map((p) => sha256Hex(p)),
    );
    const resent = await answerExisting(input.submissionKey, digest);
    if (resent) return resent;

    const category = await cases.findCategory(input.provinceCode, input.categoryCode);
    const kinds = category ? (JSON.parse(category.kinds_json) as string[]) : [];
    if (!category || category.active !== 1 || !kinds.includes(input.kind)) {
      throw invalid(
        'body.categoryCode',
        'Choose one of the listed categories.',
        'Hãy chọn một lĩnh vực trong danh sách.',
      );
    }
    const attributes = checkAttributes(
      JSON.parse(category.attributes_json) as CategoryAttribute[],
      input.attributes ?? {},
    );
    const contact = contactOf(input);
    const now = clock.now();
    const at = now.toISOString();
    const phoneHashes = contact.phone
      ? (sealer.hashesFor(contact.phone, PHONE_HASH_CONTEXT) as ContactHash[])
      : [];
    const emailHashes = contact.email
      ? (sealer.hashesFor(contact.email, EMAIL_HASH_CONTEXT) as ContactHash[])
      : [];
    const hashes = [...phoneHashes, ...emailHashes];
    if (await cases.isBlocked(input.provinceCode, hashes, at)) throw BLOCKED();
    if (input.source === 'web' && hashes.length > 0) {
      const since = new Date(now.getTime() - 86_400_000).toISOString();
      if ((await cases.countByContactSince(hashes, since)) >= MAX_CASES_PER_CONTACT_PER_DAY)
        throw TOO_MANY_FOR_CONTACT();
    }

    // Photos one after another: each decode takes a core, and the server has two.
    const processed = [];
    for (const [i, bytes] of photos.entries())
      processed.push(await processImage(bytes, { limits: deps.uploads, field: `photos.${i}` }));
    const gps = processed.find((p) => p.gps)?.gps;
    const place = await placeOf(deps, input, gps ? { lat: gps.latitude, lng: gps.longitude } : null);

    const [calendar, policy, settings] = await Promise.all([
      deps.calendarFor(input.provinceCode),
      deps.deadlinesFor(input.provinceCode),
      cases.findSettings(input.provinceCode),
    ]);
    const acceptDueAt = acceptDeadline(calendar, policy, now).toISOString();
    // A report is public at once (FixMyStreet's way: neighbours see it and add "me too"), unless the province asked
    // that reports without any contact wait for a moderator. Petitions are published when accepted; proposals stay
    // between the team and those who triage them.
    const anonymous = contact.phone === null && contact.email === null;
    const publishNow = input.kind === 'report' && !(anonymous && settings?.moderate_anonymous === 1);
    const token = randomBytes(24).toString('base64url');

    const files: FileToStage[] = [];
    const fileRows = processed.map((p, position) => {
      const base = newFileKey(CASE_FILES_NAMESPACE);
      const displayKey = variantKey(base, 'display');
      const thumbKey = variantKey(base, 'thumb');
      files.push({ key: displayKey, bytes: p.display.bytes, contentType: p.display.contentType });
      files.push({ key: thumbKey, bytes: p.thumbnail.bytes, contentType: p.thumbnail.contentType });
      return {
        id: uuidv7(),
        case_id: input.id,
        update_id: null,
        display_key: displayKey,
        thumb_key: thumbKey,
        width: p.display.width,
        height: p.display.height,
        bytes: p.display.bytes.length,
        position,
        hidden: 0,
        created_at: at,
      };
    });

    const phone = contact.phone ? sealContact(sealer, 'cases.reporter_phone', 'phone', contact.phone) : null;
    const email = contact.email ? sealContact(sealer, 'cases.reporter_email', 'email', contact.email) : null;
    const row: Omit<CaseRow, 'code'> = {
      id: input.id,
      province_code: input.provinceCode,
      commune_code: place.communeCode,
      hamlet_id: place.hamletId,
      kind: input.kind,
      category_code: category.code,
      severity: category.default_severity,
      state: 'submitted',
      title: titleFrom(input.description, input.title),
      description: input.description.trim(),
      public_description: input.description.trim(),
      attributes_json: JSON.stringify(attributes),
      lat: place.location?.lat ?? null,
      lng: place.location?.lng ?? null,
      location_accuracy: place.location?.accuracy ?? null,
      address_text: input.addressText?.trim() || null,
      agency_id: null,
      merged_into_id: null,
      team_id: input.teamId ?? null,
      theme: input.theme ?? null,
      reporter_name: contact.name
        ? (sealer.seal(contact.name, 'cases.reporter_name') as CaseRow['reporter_name'])
        : null,
      reporter_phone: phone?.sealed ?? null,
      reporter_phone_hash: phone?.hash ?? null,
      reporter_email: email?.sealed ?? null,
      reporter_email_hash: email?.hash ?? null,
      reporter_token_hash: sha256Hex(token),
      show_name: input.reporter.showName && contact.name ? 1 : 0,
      public_name: input.reporter.showName && contact.name ? contact.name : null,
      source: input.source,
      channel: input.channel,
      created_by: input.createdBy ?? null,
      api_key_id: input.apiKeyId ?? null,
      external_ref: input.externalRef ?? null,
      media_url: input.mediaUrl ?? null,
      submitted_at: at,
      accept_due_at: acceptDueAt,
      accepted_at: null,
      handle_due_at: null,
      answered_at: null,
      closed_at: null,
      refused_reason: null,
      answer_text: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      disputed_at: null,
      reopen_count: 0,
      published_at: publishNow ? at : null,
      hidden: 0,
      hidden_reason: null,
      supporters: 0,
      warned_at: null,
      overdue_flagged_at: null,
      contact_anonymised_at: null,
      updated_at: at,
    };

    try {
      const code = await withStagedFiles(deps.storage, files, () =>
        db.transaction().execute(async (trx) => {
          // The key first: a concurrent resend fails here, before anything else is written.
          await cases.insertSubmission(
            { key: input.submissionKey, case_id: input.id, digest, created_at: at },
            trx,
          );
          const code = caseTrackingCode(
            localDateOf(now),
            await cases.nextSequence(input.provinceCode, localDateOf(now).replaceAll('-', ''), trx),
          );
          await cases.insertCase({ ...row, code }, trx);
          await cases.insertUpdate(
            {
              id: uuidv7(),
              case_id: input.id,
              province_code: input.provinceCode,
              kind: 'transition',
              action: null,
              from_state: null,
              to_state: 'submitted',
              body: '',
              public: 1,
              agency_id: null,
              author_user_id: input.createdBy ?? null,
              api_key_id: input.apiKeyId ?? null,
              external_ref: null,
              hidden: 0,
              created_at: at,
            },
            trx,
          );
          await cases.insertFiles(fileRows, trx);
          if (contact.consented) {
            await recordConsents(trx, [
              {
                purpose: 'reports',
                textVersion: CONTACT_CONSENT_VERSION,
                channel: consentChannel(input.channel),
                subjectType: CASE_CONTACT_SUBJECT,
                subjectId: input.id,
                provinceCode: input.provinceCode,
                contactHash: phone?.hash ?? email?.hash ?? null,
                recordedBy: input.createdBy ?? null,
                givenAt: at,
              },
            ]);
          }
          // Nothing personal in the trail or the event: the row id finds the rest for those allowed to see it.
          await recordAudit(trx, ctx, {
            action: 'case.submitted',
            entityType: 'case',
            entityId: input.id,
            provinceCode: input.provinceCode,
            communeCode: place.communeCode,
            after: {
              code,
              kind: input.kind,
              category: category.code,
              source: input.source,
              channel: input.channel,
              photos: fileRows.length,
            },
          });
          await recordEvent(
            trx,
            {
              type: 'case.submitted',
              entityType: 'case',
              entityId: input.id,
              payload: {
                code,
                kind: input.kind,
                provinceCode: input.provinceCode,
                communeCode: place.communeCode,
                categoryCode: category.code,
                source: input.source,
                teamId: input.teamId ?? null,
              },
            },
            at,
          );
          return code;
        }),
      );
      return {
        status: 'created',
        caseId: input.id,
        code,
        state: 'submitted',
        acceptDueAt,
        reporterToken: token,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent resend stored it first (same key), or the id is taken by another submission.
      const resentMeanwhile = await answerExisting(input.submissionKey, digest);
      if (resentMeanwhile) return resentMeanwhile;
      throw conflict('A report with this id already exists.', 'Đã có phản ánh với mã này.');
    }
  }

  return { createCase };
}
export type CaseIntakeService = ReturnType<typeof createCaseIntakeService>;
