import { HomeSummarySchema } from '../../../shared/contracts/home';
import { sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { HomeSummaryService } from './home-summary.service';

/** The signed-in person's home: figures counted inside their grants (people only; integrations use the lists). */
export function registerHomeRoutes(app: ZodApp, deps: { home: HomeSummaryService }) {
  app.get(
    '/api/v1/home/summary',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['home'],
        operationId: 'getHomeSummary',
        summary: 'The caller’s home: one section of counts per kind of role held, the highest first',
        response: { 200: HomeSummarySchema, ...errorResponses },
      },
    },
    async (request) => deps.home.summary(request.actor),
  );
}
