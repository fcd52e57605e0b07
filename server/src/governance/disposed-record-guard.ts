import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { ProblemError } from '../errors/problem-error.ts';

/** The record routes the guard covers: every `/api/records/:id…` route but the disposal itself. */
const RECORD_ROUTE = '/api/records/:id';
const DISPOSAL_ROUTE = '/api/records/:id/disposal';

/**
 * Hides disposed records: a signed-in request to any `/api/records/:id…` route of a record that
 * has a disposal record answers 404, even while a crash has left the record's data half removed.
 * Registered without encapsulation (fastify-plugin), so its `preHandler` runs for the record
 * routes of every plugin under `/api`; it costs one `_id` lookup on those routes only.
 * Anonymous requests are left to the route (401).
 */
export const disposedRecordGuard: FastifyPluginAsyncTypebox = fp(
  async (app) => {
    const { disposals } = app.platform;
    app.addHook('preHandler', async (request) => {
      const route = request.routeOptions.url;
      if (!request.user || !route?.startsWith(RECORD_ROUTE) || route === DISPOSAL_ROUTE) return;
      const id = (request.params as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && (await disposals.store.exists(id))) {
        throw new ProblemError('NOT_FOUND', `No record ${id}.`);
      }
    });
  },
  { name: 'disposed-record-guard' },
);
