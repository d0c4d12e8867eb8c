import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { publicAccess } from '../../platform/http/route-access';
import { DemoAccountsResponseSchema } from './demo.contract';
import type { DemoService } from './demo.service';

export function registerDemoRoutes(app: ZodApp, deps: { demo: DemoService }) {
  app.get(
    '/api/v1/demo/accounts',
    {
      config: { access: publicAccess() },
      schema: {
        tags: ['demo'],
        operationId: 'listDemoAccounts',
        summary: 'The demo accounts and their shared password (demo mode only; 404 otherwise)',
        response: { 200: DemoAccountsResponseSchema, ...errorResponses },
      },
    },
    async (_request, reply) => {
      const items = await deps.demo.listAccounts();
      // A password is in the body: no shared cache may keep it.
      void reply.header('cache-control', 'no-store');
      return { items };
    },
  );
}
