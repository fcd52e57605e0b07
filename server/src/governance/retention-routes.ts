import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser, requireUser } from '../auth/authorize.ts';
import { canEditProcess } from '@clauseflow/application';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { type AuthenticatedUser } from '@clauseflow/application';
import { fieldError, ProblemError } from '../errors/problem-error.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { bareProcessAccess } from '@clauseflow/application';
import { editableProcess, visibleProcess } from '../processes/process-access.ts';
import { IfMatchHeaders, ifMatchRevision, KeyParams, ProcessKeySchema } from '../processes/process-schemas.ts';
import { ProcessConflictError, processAccess, type ProcessDocument } from '@clauseflow/application';
import { decodeCandidateCursor, encodeCandidateCursor } from '@clauseflow/application';
import {
  CandidateSchema,
  candidateView,
  DisposalBody,
  DisposalRecordIdSchema,
  DisposalSchema,
  PageQuery,
} from './governance-schemas.ts';
import {
  disposalView,
  parseRetentionPolicy,
  RetentionPolicyBody,
  RetentionPolicySchema,
  retentionPolicyView,
} from '@clauseflow/application';

const tags = ['records governance'];
const security = SIGNED_IN;

const PolicyResponse = Type.Object(
  {
    key: Type.String(),
    policy: Type.Union([RetentionPolicySchema, Type.Null()], {
      description: 'Null: the process keeps its records indefinitely.',
    }),
  },
  { additionalProperties: false, title: 'ProcessRetention' },
);

const RecordIdParams = Type.Object({ id: DisposalRecordIdSchema }, { additionalProperties: false });

const invalidCursor = () =>
  new ProblemError('VALIDATION_FAILED', 'The cursor is not valid for this list.', {
    errors: [fieldError('INVALID_VALUE', '/cursor', 'Not a cursor from this list.', 'querystring')],
  });

/** May the user dispose of records of the process, and list its disposals? Admin, or one of its owners. */
function governs(user: AuthenticatedUser, key: string, process: ProcessDocument | null): boolean {
  return canEditProcess(user, process ? processAccess(process) : bareProcessAccess(key));
}

/**
 * Retention and disposal (ISO/IEC 20000-1 7.5.3.2.d). Process owners and admins set a retention
 * policy per process, list the closed records whose retention has elapsed, and dispose of them
 * with a reason; each disposal leaves a disposal record, which the API lists but never deletes.
 */
export const retentionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { records, disposals, processes } = app.platform;
  app.addHook('preHandler', requireUser);

  app.get(
    '/processes/:key/retention',
    {
      schema: {
        tags,
        security,
        summary: 'The retention policy of a process’s records',
        params: KeyParams,
        response: { 200: PolicyResponse, ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const { process } = await visibleProcess(processes, request, request.params.key);
      void reply.header('etag', `"${process.rev}"`);
      return { key: process._id, policy: process.retention ? retentionPolicyView(process.retention) : null };
    },
  );

  app.put(
    '/processes/:key/retention',
    {
      schema: {
        tags,
        security,
        summary: 'Set the retention policy of a process’s records (admin, process owner)',
        description:
          'The period is an ISO 8601 duration (`P7Y`, `P18M`, `P90D`), counted from the record’s closure or creation. A period that is not a positive duration of at most 200 years answers 400 with a JSON Pointer to `/period`.',
        params: KeyParams,
        headers: IfMatchHeaders,
        body: RetentionPolicyBody,
        response: { 200: PolicyResponse, ...problemResponses(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const { user, process } = await editableProcess(processes, request, request.params.key);
      checkRevision(process, request.headers['if-match']);
      const parsed = parseRetentionPolicy(request.body);
      const updated = await update(process, { ...parsed, setBy: user.id, setAt: app.platform.now() });
      void reply.header('etag', `"${updated.rev}"`);
      return { key: updated._id, policy: updated.retention ? retentionPolicyView(updated.retention) : null };
    },
  );

  app.delete(
    '/processes/:key/retention',
    {
      schema: {
        tags,
        security,
        summary: 'Remove the retention policy: the process’s records are kept indefinitely (admin, process owner)',
        params: KeyParams,
        headers: IfMatchHeaders,
        response: { 200: PolicyResponse, ...problemResponses(401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const { process } = await editableProcess(processes, request, request.params.key);
      checkRevision(process, request.headers['if-match']);
      const updated = process.retention ? await update(process, null) : process;
      void reply.header('etag', `"${updated.rev}"`);
      return { key: updated._id, policy: null };
    },
  );

  app.get(
    '/processes/:key/disposal-candidates',
    {
      schema: {
        tags,
        security,
        summary: 'Closed records whose retention has elapsed, oldest first (admin, process owner)',
        params: KeyParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: {
          200: Type.Object(
            {
              policy: Type.Union([RetentionPolicySchema, Type.Null()]),
              items: Type.Array(CandidateSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            },
            { additionalProperties: false },
          ),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { process } = await editableProcess(processes, request, request.params.key);
      const { limit = 25, cursor } = request.query;
      const position = cursor === undefined ? undefined : (decodeCandidateCursor(cursor) ?? undefined);
      if (cursor !== undefined && !position) throw invalidCursor();
      const page = await disposals.candidates(process, limit, position);
      return {
        policy: process.retention ? retentionPolicyView(process.retention) : null,
        items: page.items.map(candidateView),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/records/:id/disposal',
    {
      schema: {
        tags,
        security,
        summary: 'Dispose of a closed record whose retention has elapsed (admin, process owner)',
        description:
          'Writes a disposal record (who, when, why, the record’s process, title, log length and final hash, the policy applied), then removes the record’s data, event log, notes, timers and notifications. 201 with the disposal record; a repeated request answers 200 with the first disposal record and finishes a removal a crash left unfinished. 409 RECORD_NOT_CLOSED or RETENTION_NOT_ELAPSED when the record may not be disposed of yet.',
        params: RecordIdParams,
        body: DisposalBody,
        response: { 200: DisposalSchema, 201: DisposalSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const user = currentUser(request);
      /** A disposal record of the record (its removal finished now), or null; 404 unless the caller governs it. */
      const disposedAlready = async () => {
        const existing = await disposals.store.get(id);
        if (!existing) return null;
        if (!governs(user, existing.processKey, await processes.byKey(existing.processKey))) {
          throw new ProblemError('NOT_FOUND', `No record ${id}.`);
        }
        return (await disposals.purge(id)) ?? existing;
      };
      const earlier = await disposedAlready();
      if (earlier) return reply.code(200).send(disposalView(earlier));
      try {
        const { record, process } = await records.visible(currentUser(request), id);
        if (!governs(user, record.processKey, process)) {
          throw new ProblemError('FORBIDDEN', `Only an admin or an owner of process ${record.processKey} may dispose.`);
        }
        const plan = await disposals.plan(record, process);
        const { doc, created } = await disposals.record(plan, request.body.reason, user);
        const finished = (await disposals.purge(doc._id)) ?? doc;
        return reply.code(created ? 201 : 200).send(disposalView(finished));
      } catch (error) {
        // Someone else disposed of it meanwhile (its log went while this request read it).
        if (error instanceof ProblemError && error.code === 'NOT_FOUND') {
          const raced = await disposedAlready();
          if (raced) return reply.code(200).send(disposalView(raced));
        }
        throw error;
      }
    },
  );

  const DisposalListQuery = Type.Object(
    {
      process: Type.Optional(ProcessKeySchema),
      ...PageQuery,
    },
    { additionalProperties: false },
  );

  app.get(
    '/disposals',
    {
      schema: {
        tags,
        security,
        summary: 'Disposal records, newest first (admin: all; process owner: their processes)',
        querystring: DisposalListQuery,
        response: {
          200: Type.Object(
            { items: Type.Array(DisposalSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) },
            { additionalProperties: false },
          ),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { process, limit = 25, cursor } = request.query;
      let keys = await governedKeys(user);
      if (process !== undefined) {
        if (keys !== null && !keys.includes(process)) throw new ProblemError('NOT_FOUND', `No process ${process}.`);
        keys = [process];
      }
      const position = cursor === undefined ? undefined : decodeCandidateCursor(cursor);
      if (position === null) throw invalidCursor();
      const page = await disposals.store.page({ processKeys: keys }, position, limit);
      const last = page.items.at(-1);
      return {
        items: page.items.map(disposalView),
        nextCursor: page.more && last ? encodeCandidateCursor(last.disposedAt, last._id) : null,
      };
    },
  );

  app.get(
    '/disposals/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One disposal record (admin, owner of its process)',
        params: RecordIdParams,
        response: { 200: DisposalSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const keys = await governedKeys(user);
      const doc = await disposals.store.get(request.params.id);
      if (!doc || (keys !== null && !keys.includes(doc.processKey))) {
        throw new ProblemError('NOT_FOUND', `No disposal of record ${request.params.id}.`);
      }
      return disposalView(doc);
    },
  );

  /** The processes whose disposals the user may see (null: all, for admin); 403 for anyone else. */
  async function governedKeys(user: AuthenticatedUser): Promise<string[] | null> {
    if (user.roles.includes('admin')) return null;
    if (!user.roles.includes('process-owner')) {
      throw new ProblemError('FORBIDDEN', 'Disposal records are for admins and process owners.');
    }
    return (await processes.list()).filter((process) => governs(user, process._id, process)).map((p) => p._id);
  }

  function checkRevision(process: ProcessDocument, header: string | undefined): void {
    const expected = ifMatchRevision(header);
    if (expected !== undefined && expected !== process.rev) {
      throw new ProblemError('PRECONDITION_FAILED', `Process ${process._id} is at revision ${process.rev}.`);
    }
  }

  async function update(
    process: ProcessDocument,
    retention: NonNullable<ProcessDocument['retention']> | null,
  ): Promise<ProcessDocument> {
    try {
      return await processes.update(process, { retention });
    } catch (error) {
      if (error instanceof ProcessConflictError) throw new ProblemError('PRECONDITION_FAILED', error.message);
      throw error;
    }
  }
};
