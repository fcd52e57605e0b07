import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser } from '../auth/authorize.ts';
import { canEditProcess } from '@clauseflow/application';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { fieldError, ProblemError } from '../errors/problem-error.ts';
import { problemResponses } from '../errors/problem-schema.ts';
import { visibleProcess } from '../processes/process-access.ts';
import { KeyParams } from '../processes/process-schemas.ts';
import { processAccess } from '@clauseflow/application';

/** The media type of an evidence pack: newline-delimited JSON. */
export const EVIDENCE_MEDIA_TYPE = 'application/x-ndjson';

const Instant = Type.String({ format: 'date-time', maxLength: 40 });

const EvidenceQuery = Type.Object(
  {
    from: Type.Optional({ ...Instant, description: 'Start of the period (inclusive); default: the beginning.' }),
    to: Type.Optional({ ...Instant, description: 'End of the period (exclusive); default: now.' }),
  },
  { additionalProperties: false },
);

/** `2026-03-01T09:00:00.000Z` → `20260301T090000Z` (safe in a file name). */
function compact(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/**
 * `GET /api/processes/:key/evidence`: the auditor's evidence pack of a process (ISO/IEC
 * 20000-1 7.5.4.l), streamed as NDJSON (see evidence-pack.ts for the lines). Admins and the
 * process's owners export it; the platform has no auditor role, so an auditor receives the
 * pack from one of them (or is made an owner). Others who can see the process get 403;
 * those who cannot, 404.
 */
export const evidenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const platform = app.platform;
  app.addHook('preHandler', requireUser);

  app.get(
    '/processes/:key/evidence',
    {
      schema: {
        tags: ['records governance'],
        security: SIGNED_IN,
        summary: 'Export the process’s evidence pack for a period (admin, process owner)',
        description:
          'NDJSON, one object per line: `manifest`; a `definition` per published version (canonical text, sha256, conformance verdicts); a `record` per record created in the period (event log, hash-chain verification, work notes); a `disposal` per disposal record of the period; `end` with the counts and the SHA-256 of every byte before it.',
        params: KeyParams,
        querystring: EvidenceQuery,
        response: {
          200: {
            description: 'The evidence pack (a download).',
            content: { [EVIDENCE_MEDIA_TYPE]: { schema: { type: 'string' } } },
          },
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { user, process } = await visibleProcess(platform.processes, request, request.params.key);
      if (!canEditProcess(user, processAccess(process))) {
        throw new ProblemError('FORBIDDEN', `Only an admin or an owner of process ${process._id} may export evidence.`);
      }
      const now = platform.now();
      const from = request.query.from ? new Date(request.query.from) : new Date(0);
      const to = request.query.to ? new Date(request.query.to) : now;
      if (!(from.getTime() < to.getTime())) {
        throw new ProblemError('VALIDATION_FAILED', '`to` must be after `from`.', {
          errors: [fieldError('INVALID_VALUE', '/to', 'Must be after `from`.', 'querystring')],
        });
      }
      const lines = platform.clauseflow.evidencePack({ process, user, from, to, generatedAt: now });
      const filename = `evidence-${process._id}-${compact(from)}-${compact(to)}.ndjson`;
      return (
        reply
          .header('content-type', `${EVIDENCE_MEDIA_TYPE}; charset=utf-8`)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          // The schema documents the body as text; Fastify streams a Readable as it comes.
          .send(Readable.from(lines) as unknown as string)
      );
    },
  );
};
