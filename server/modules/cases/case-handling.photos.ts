import type { FastifyRequest } from 'fastify';
import { ANSWER_PHOTO_LIMIT, type HandlerCase } from '../../../shared/contracts/case-handling';
import { uuidv7 } from '../../../shared/ids';
import type { CaseFilesTable } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { AppError, conflict, forbidden, validation } from '../../platform/errors';
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
import { CASE_FILES_NAMESPACE } from './case-intake.service';
import type { CaseHandlingContext, CaseHandlingReads } from './case-handling.service';
import { mayHandle } from './cases.policy';

const tooMany = () =>
  validation([
    {
      path: 'photos',
      message: `An answer holds at most ${ANSWER_PHOTO_LIMIT} photos.`,
      messageVi: `Mỗi câu trả lời có tối đa ${ANSWER_PHOTO_LIMIT} ảnh.`,
    },
  ]);

/** The `photos` parts of a multipart request (other parts are drained and ignored). */
async function readPhotos(request: FastifyRequest): Promise<Buffer[]> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photos as multipart/form-data "photos" parts.', {
      messageVi: 'Hãy gửi ảnh dạng multipart/form-data, trường "photos".',
    });
  }
  const photos: Buffer[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'photos') continue;
      if (photos.length >= ANSWER_PHOTO_LIMIT) throw tooMany();
      photos.push(bytes);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', 'A photo is too large.', { messageVi: 'Có ảnh quá lớn.' });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw tooMany();
    throw error;
  }
  if (photos.length === 0)
    throw validation([
      { path: 'photos', message: 'Attach at least one photo.', messageVi: 'Hãy đính kèm ít nhất một ảnh.' },
    ]);
  return photos;
}

/**
 * POST /cases/{id}/answer-photos: photos of the result, added to the answer once it is given (a handler of the
 * case; the answered or closed case's latest answer entry holds them, at most 5). Re-encoded like a report's photos
 * and stored whole with their rows or not at all; public with the answer unless a moderator hides them.
 */
export function createAnswerPhotos(
  ctx: CaseHandlingContext,
  reads: CaseHandlingReads,
  deps: { storage: FileStorage; uploads: ImageLimits },
) {
  const { db, repo } = ctx;

  async function add(request: FastifyRequest, audit: AuditContext): Promise<HandlerCase> {
    const id = String((request.params as { id: string }).id);
    const loaded = await reads.loadCase(request.actor, id);
    const { row } = loaded;
    if (!mayHandle(request.actor, row)) throw forbidden();
    if (row.state !== 'answered' && row.state !== 'closed') {
      throw conflict(
        'Photos of the result are added once the case is answered.',
        'Chỉ thêm ảnh kết quả sau khi đã trả lời phản ánh.',
      );
    }
    const photos = await readPhotos(request);
    const answer = [...(await repo.updatesOf(row.id))]
      .reverse()
      .find((u) => u.kind === 'transition' && u.action === 'answer');
    if (!answer) throw conflict('This case has no answer yet.', 'Phản ánh chưa có câu trả lời.');
    const existing = (await repo.filesOf(row.id)).filter((f) => f.update_id === answer.id);
    if (existing.length + photos.length > ANSWER_PHOTO_LIMIT) throw tooMany();
    const processed = [];
    for (const [i, bytes] of photos.entries())
      processed.push(await processImage(bytes, { limits: deps.uploads, field: `photos.${i}` }));
    const files: FileToStage[] = [];
    const rows: CaseFilesTable[] = processed.map((p, i) => {
      const base = newFileKey(CASE_FILES_NAMESPACE);
      const display = variantKey(base, 'display');
      const thumb = variantKey(base, 'thumb');
      files.push({ key: display, bytes: p.display.bytes, contentType: p.display.contentType });
      files.push({ key: thumb, bytes: p.thumbnail.bytes, contentType: p.thumbnail.contentType });
      return {
        id: uuidv7(),
        case_id: row.id,
        update_id: answer.id,
        display_key: display,
        thumb_key: thumb,
        width: p.display.width,
        height: p.display.height,
        bytes: p.display.bytes.length,
        position: existing.length + i,
        hidden: 0,
        created_at: audit.at,
      };
    });
    await withStagedFiles(deps.storage, files, () =>
      db.transaction().execute(async (trx) => {
        await repo.insertFiles(rows, trx);
        await repo.updateCase(row.id, { updated_at: audit.at }, trx);
        await recordAudit(trx, audit, {
          action: 'case.answer_photos_added',
          entityType: 'case',
          entityId: row.id,
          provinceCode: row.province_code,
          communeCode: row.commune_code,
          after: { updateId: answer.id, photos: rows.map((r) => r.id) },
        });
        await recordEvent(
          trx,
          {
            type: 'case.updated',
            entityType: 'case',
            entityId: row.id,
            payload: {
              code: row.code,
              updateId: answer.id,
              photos: rows.length,
              agencyId: row.agency_id,
              kind: row.kind,
              teamId: row.team_id,
            },
          },
          audit.at,
        );
      }),
    );
    return reads.view(request.actor, loaded);
  }

  return { add };
}
