import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { currentUser, requireUser } from '../auth/authorize.ts';
import { canActOnRecord } from '@clauseflow/application';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { ProblemError } from '../errors/problem-error.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { ProcessKeySchema } from '../processes/process-schemas.ts';
import { engineActor, recordAccessOf } from '@clauseflow/application';
import {
  AuditSchema,
  HistoryEntrySchema,
  ListQuery,
  NoteBody,
  NoteSchema,
  RecordChangeSchema,
  RecordDetailSchema,
  RecordIdParams,
  RecordPageSchema,
  SendBody,
  StartBody,
  WriteHeaders,
} from './record-schemas.ts';
import {
  etag,
  ifMatchSeq,
  noteView,
  recordActions,
  recordChange,
  recordHistory,
  recordNotes,
  recordSummary,
} from './record-views.ts';
import type { EngineSuccess } from '@clauseflow/runtime';

const tags = ['records'];
const security = SIGNED_IN;

/** Headers of a write's answer: the new seq as `ETag`, and whether an idempotency key replayed it. */
function changed(reply: FastifyReply, result: EngineSuccess): FastifyReply {
  return reply.header('etag', etag(result.seq)).header('idempotent-replayed', String(result.replayed));
}

/**
 * `/api/records` and `/api/processes/:key/records`: start records, list and fetch them with
 * the caller's available actions, send events (Idempotency-Key, If-Match), history with rule
 * traces, audit verification and work notes. Every route checks record-level access; a record
 * the caller may not see answers 404.
 */
export const instanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { records } = app.platform;
  app.addHook('preHandler', requireUser);

  app.post(
    '/processes/:key/records',
    {
      schema: {
        tags,
        security,
        summary: 'Start a record of a process with the requester’s form data',
        params: Type.Object({ key: ProcessKeySchema }, { additionalProperties: false }),
        headers: WriteHeaders,
        body: StartBody,
        response: { 201: RecordChangeSchema, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const idempotencyKey = request.headers['idempotency-key'];
      const result = await records.start(currentUser(request), request.params.key, request.body.data, {
        idempotencyKey,
      });
      return changed(reply, result)
        .header('location', `/api/records/${result.instanceId}`)
        .code(201)
        .send(recordChange(result));
    },
  );

  app.get(
    '/records',
    {
      schema: {
        tags,
        security,
        summary: 'List the records the caller may see, filtered, sorted, a page at a time',
        querystring: ListQuery,
        response: { 200: RecordPageSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const page = await records.list(user, request.query);
      return { items: page.items.map(recordSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/records/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Fetch a record with the actions the caller may take now (and their forms)',
        params: RecordIdParams,
        response: { 200: RecordDetailSchema, ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const { user, record, process } = await records.visible(currentUser(request), request.params.id);
      const current = await records.current(record);
      if (!current) throw new ProblemError('NOT_FOUND', `No record ${record._id}.`);
      const actor = engineActor(user, current.compiled, process, record);
      const projection =
        current.seq > record.seq ? ((await records.engine.projections.get(record._id)) ?? record) : record;
      void reply.header('etag', etag(current.seq));
      return {
        ...recordSummary(projection),
        seq: current.seq,
        data: current.state.data,
        myRoles: [...actor.roles],
        actions: recordActions(current.compiled, current.state, actor),
        references: await records.references.resolve(user, current.compiled, current.state.data),
      };
    },
  );

  app.post(
    '/records/:id/events',
    {
      schema: {
        tags,
        security,
        summary: 'Send an event (take an action) to a record',
        description:
          'With `Idempotency-Key`, a replay returns the recorded response and changes nothing. With `If-Match: "<seq>"`, a record changed since answers 412. The answer carries the new seq as `ETag`.',
        params: RecordIdParams,
        headers: WriteHeaders,
        body: SendBody,
        response: { 200: RecordChangeSchema, ...problemResponses(400, 401, 404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const visible = await records.visible(currentUser(request), request.params.id);
      const result = await records.send(visible, request.body, {
        idempotencyKey: request.headers['idempotency-key'],
        expectedSeq: ifMatchSeq(request.headers['if-match']),
      });
      return changed(reply, result).send(recordChange(result));
    },
  );

  app.get(
    '/records/:id/history',
    {
      schema: {
        tags,
        security,
        summary: 'The record’s events with who, when, what changed and why (rule traces)',
        params: RecordIdParams,
        response: {
          200: Type.Object({ items: Type.Array(HistoryEntrySchema) }, { additionalProperties: false }),
          ...problemResponses(401, 404),
        },
      },
    },
    async (request) => {
      const { record } = await records.visible(currentUser(request), request.params.id);
      return { items: recordHistory(await records.engine.log.read(record._id)) };
    },
  );

  app.get(
    '/records/:id/audit',
    {
      schema: {
        tags,
        security,
        summary: 'Verify the record’s hash-chained event log',
        params: RecordIdParams,
        response: { 200: AuditSchema, ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      const { record } = await records.visible(currentUser(request), request.params.id);
      return records.engine.log.verify(record._id);
    },
  );

  /** Work notes are internal: those who work the process (and admin) read and add them. */
  async function workedRecord(request: FastifyRequest, id: string) {
    const visible = await records.visible(currentUser(request), id);
    if (!canActOnRecord(visible.user, recordAccessOf(visible.record, visible.process), 'agent')) {
      throw new ProblemError('FORBIDDEN', 'Work notes are for those who work this process.');
    }
    return visible;
  }

  app.get(
    '/records/:id/notes',
    {
      schema: {
        tags,
        security,
        summary: 'The record’s work notes (people’s and the process’s)',
        params: RecordIdParams,
        response: {
          200: Type.Object({ items: Type.Array(NoteSchema) }, { additionalProperties: false }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { record } = await workedRecord(request, request.params.id);
      const current = await records.current(record);
      if (!current) throw new ProblemError('NOT_FOUND', `No record ${record._id}.`);
      return { items: recordNotes(await records.notes.list(record._id), current.state) };
    },
  );

  app.post(
    '/records/:id/notes',
    {
      schema: {
        tags,
        security,
        summary: 'Add a work note to a record',
        params: RecordIdParams,
        headers: WriteHeaders,
        body: NoteBody,
        response: { 201: NoteSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { user, record } = await workedRecord(request, request.params.id);
      const key = request.headers['idempotency-key'];
      const note = await records.notes.add(record._id, user.id, request.body.text, app.platform.now(), key);
      return reply.code(201).send(noteView(note));
    },
  );
};
