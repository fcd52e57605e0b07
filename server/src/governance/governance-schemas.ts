import { Type, type Static } from 'typebox';
import type { DisposalCandidate } from '@clauseflow/application';
import { RETENTION_FROM } from '@clauseflow/application';

/** A record id (as the record routes accept it). */
export const DisposalRecordIdSchema = Type.String({ pattern: '^i_[0-9a-f]{24}(?:-[0-9]+-[0-9]+)*$', maxLength: 200 });

/** A page cursor. */
export const CursorSchema = Type.String({ minLength: 1, maxLength: 300, description: 'From the previous page.' });

/** The body of `POST /api/records/:id/disposal`. */
export const DisposalBody = Type.Object(
  {
    reason: Type.String({
      minLength: 3,
      maxLength: 2000,
      description: 'Why the record is disposed of (kept in the disposal record).',
    }),
  },
  { additionalProperties: false },
);

/** A disposal record as the API shows it. */
export const DisposalSchema = Type.Object(
  {
    recordId: Type.String(),
    processKey: Type.String(),
    processVersion: Type.Integer(),
    title: Type.String(),
    finalState: Type.String(),
    recordCreatedAt: Type.String({ format: 'date-time' }),
    closedAt: Type.String({ format: 'date-time' }),
    eventCount: Type.Integer({ description: 'Events in the record’s log when it was disposed of.' }),
    finalHash: Type.Union([Type.String(), Type.Null()], { description: 'Hash of the log’s last event.' }),
    chain: Type.Object(
      {
        ok: Type.Boolean({ description: 'Did the log’s hash chain verify at disposal?' }),
        brokenAt: Type.Optional(Type.Integer()),
        reason: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    policy: Type.Object(
      {
        period: Type.String(),
        from: Type.Enum(RETENTION_FROM),
        setBy: Type.String(),
        setAt: Type.String({ format: 'date-time' }),
      },
      { additionalProperties: false, description: 'The retention policy applied.' },
    ),
    retainUntil: Type.String({ format: 'date-time' }),
    reason: Type.String(),
    authorizedBy: Type.Object(
      { id: Type.String(), username: Type.String(), displayName: Type.String() },
      { additionalProperties: false },
    ),
    disposedAt: Type.String({ format: 'date-time' }),
    completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the record’s data was removed; null while that is unfinished.',
    }),
  },
  { additionalProperties: false, title: 'Disposal' },
);
export type DisposalView = Static<typeof DisposalSchema>;

/** A record whose retention has elapsed, as the API shows it. */
export const CandidateSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    state: Type.String(),
    processVersion: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    closedAt: Type.String({ format: 'date-time' }),
    retainUntil: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'DisposalCandidate' },
);

/** A candidate as the API shows it. */
export function candidateView(candidate: DisposalCandidate): Static<typeof CandidateSchema> {
  const { record } = candidate;
  return {
    id: record._id,
    title: record.title,
    state: record.state,
    processVersion: record.processVersion,
    createdAt: record.createdAt.toISOString(),
    closedAt: candidate.closedAt.toISOString(),
    retainUntil: candidate.retainUntil.toISOString(),
  };
}

/** `limit` and `cursor` of a paged list. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  cursor: Type.Optional(CursorSchema),
};
