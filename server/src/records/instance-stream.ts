import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser, requireUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { stillSignedIn } from '../plugins/authentication.ts';
import type { ProcessDocument } from '@clauseflow/application';
import { changeId, parseChangeId, type ChangedRecord } from '@clauseflow/application';
import { maySee } from '@clauseflow/application';
import type { InstanceDocument } from '@clauseflow/runtime';

/** What one `record` event of the stream carries. */
function changeData(change: ChangedRecord): string {
  return JSON.stringify({
    id: change._id,
    seq: change.seq,
    processKey: change.processKey,
    processVersion: change.processVersion,
    state: change.state,
    status: change.status,
    title: change.title,
    assignee: change.assignee ?? null,
    requester: change.requester ?? null,
    breachAt: change.breachAt ? new Date(change.breachAt).toISOString() : null,
    createdAt: new Date(change.createdAt).toISOString(),
    updatedAt: new Date(change.updatedAt).toISOString(),
  });
}

/**
 * `GET /api/records/stream`: Server-Sent Events of changes to the records the caller may see.
 * Each event is `event: record`, `id: <time>:<seq>:<record id>`, and the record's summary as
 * data; a reconnect with `Last-Event-ID` resumes from that change (a change may then arrive
 * twice: dedupe by record id and seq). Comments (`: keep-alive`) are sent as heartbeats.
 */
export const instanceStreamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { records } = app.platform;
  const { processes } = records;
  const open = new Set<() => void>();
  app.addHook('preHandler', requireUser);
  app.addHook('onClose', async () => {
    for (const close of [...open]) close();
  });

  app.get(
    '/records/stream',
    {
      schema: {
        tags: ['records'],
        security: SIGNED_IN,
        summary: 'Live changes to the records the caller may see (Server-Sent Events)',
        headers: Type.Object({
          'last-event-id': Type.Optional(Type.String({ maxLength: 300, description: 'Resume after this change.' })),
        }),
        response: {
          200: {
            description: 'An event stream: `event: record` with the record summary as JSON data.',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { pollMs, heartbeatMs, authCheckMs } = records.timing;
      const resume = parseChangeId(request.headers['last-event-id']);
      const cursor = records.changes(resume ? resume.at : app.platform.now().getTime());
      if (resume) cursor.skip(resume.recordId, resume.seq, resume.at);
      else await cursor.prime();

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'x-request-id': String(request.id),
      });
      raw.write(`retry: 2000\n: connected\n\n`);

      let stopped = false;
      let poller: NodeJS.Timeout | undefined;
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
      const close = () => {
        if (stopped) return;
        stopped = true;
        clearTimeout(poller);
        clearInterval(heartbeat);
        open.delete(close);
        raw.end();
      };
      open.add(close);
      raw.on('close', close);

      let checkedAt = Date.now();
      const tick = async () => {
        try {
          // Signing out, a revoked token or a disabled user ends the stream within seconds.
          if (Date.now() - checkedAt >= authCheckMs) {
            checkedAt = Date.now();
            if (!(await stillSignedIn(app.platform, request))) {
              raw.write('event: signed-out\ndata: {}\n\n');
              close();
              return;
            }
          }
          const changes = await cursor.poll();
          const known = new Map<string, ProcessDocument | null>();
          for (const change of changes) {
            if (stopped) return;
            if (!known.has(change.processKey)) known.set(change.processKey, await processes.byKey(change.processKey));
            if (!maySee(user, change as InstanceDocument, known.get(change.processKey) ?? null)) continue;
            raw.write(`id: ${changeId(change)}\nevent: record\ndata: ${changeData(change)}\n\n`);
          }
        } catch (error) {
          request.log.warn({ err: error }, 'record stream poll failed');
        }
        if (!stopped) poller = setTimeout(() => void tick(), pollMs);
      };
      void tick();
    },
  );
};
