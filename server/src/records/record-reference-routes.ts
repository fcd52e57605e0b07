import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser, requireUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { visibleProcess } from '../processes/process-access.ts';
import { ProblemError } from '../errors/problem-error.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import {
  LookupPageSchema,
  LookupQuery,
  ReferencedByPageSchema,
  ReferencedByQuery,
} from './record-reference-schemas.ts';
import { RecordIdParams } from './record-schemas.ts';
import { ProcessKeySchema } from '../processes/process-schemas.ts';

const tags = ['records'];
const security = SIGNED_IN;

/**
 * Record-reference fields (`x-ref`): the lookup a `record` widget searches, and the records that
 * reference a record. Both answer only records the caller may see; the record itself (for
 * referenced-by) must be visible, else 404.
 */
export const recordReferenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { records } = app.platform;
  app.addHook('preHandler', requireUser);

  app.get(
    '/processes/:key/records/lookup',
    {
      schema: {
        tags,
        security,
        summary: 'Find records of a process to reference, by text in their title',
        description:
          'Records of the process the caller may see whose title contains `q` (case-insensitive; taken literally, never as a pattern or an operator), most recently changed first.',
        params: Type.Object({ key: ProcessKeySchema }, { additionalProperties: false }),
        querystring: LookupQuery,
        response: { 200: LookupPageSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { key } = request.params;
      // 404 for a process the caller has no role in, as everywhere, so keys cannot be probed.
      const { user } = await visibleProcess(app.platform.processes, request, key);
      if (!(await records.engine.definitions.latest(key))) {
        throw new ProblemError('NOT_FOUND', `Process ${key} has no published version.`);
      }
      const { q, limit = 20 } = request.query;
      return { items: await records.references.lookup(user, key, q, limit) };
    },
  );

  app.get(
    '/records/:id/referenced-by',
    {
      schema: {
        tags,
        security,
        summary: 'Records the caller may see that reference this record through a record-reference field',
        params: RecordIdParams,
        querystring: ReferencedByQuery,
        response: { 200: ReferencedByPageSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { user, record } = await records.visible(currentUser(request), request.params.id);
      return { items: await records.references.referencedBy(user, record._id, request.query.limit ?? 50) };
    },
  );
};
