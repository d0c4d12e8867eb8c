import { Readable } from 'node:stream';
import { z } from 'zod';
import { CaseStatsQuerySchema, CaseStatsSchema } from '../../../shared/contracts/case-admin';
import { localDateOf } from '../../../shared/time/vietnam-time';
import type { Clock } from '../../platform/clock';
import { sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { CaseExport } from './case-export';
import type { CaseStatsService } from './case-stats.service';

/** Supervisors' statistics and the exports of the same cases (cases.supervise in scope; signed-in staff only). */
export function registerCaseStatsRoutes(
  app: ZodApp,
  deps: { stats: CaseStatsService; exports: CaseExport; clock: Clock },
) {
  const { stats, exports, clock } = deps;
  const fileName = (ext: string) => `phan-anh-${localDateOf(clock.now()).replace(/-/g, '')}.${ext}`;

  app.get(
    '/api/v1/case-stats',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['cases'],
        operationId: 'getCaseStats',
        summary:
          'Cases submitted on local days [from, to] in the caller’s scope: by state, category, agency, commune and month; ' +
          'on-time rates, median working hours to accept and to answer, satisfaction (cases.supervise)',
        querystring: CaseStatsQuerySchema,
        response: { 200: CaseStatsSchema, ...errorResponses },
      },
    },
    async (request) => stats.summary(request.actor, request.query),
  );

  app.get(
    '/api/v1/case-stats.csv',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['cases'],
        operationId: 'exportCaseStatsCsv',
        summary:
          'The cases of the statistics as CSV (UTF-8 with BOM, Vietnam time); never the reporter’s contact',
        querystring: CaseStatsQuerySchema,
        response: { 200: z.unknown().describe('text/csv; one line per case'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const f = stats.filterOf(request.actor, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName('csv')}"`)
        .send(Readable.from(exports.csv(f, f.provinces)));
    },
  );

  app.get(
    '/api/v1/case-stats.xlsx',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['cases'],
        operationId: 'exportCaseStatsXlsx',
        summary: 'The cases of the statistics as an Excel workbook (streamed); never the reporter’s contact',
        querystring: CaseStatsQuerySchema,
        response: {
          200: z.unknown().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const f = stats.filterOf(request.actor, request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName('xlsx')}"`)
        .send(exports.xlsx(f, f.provinces));
    },
  );
}
