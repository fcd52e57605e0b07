import { Type, type Static } from 'typebox';
import { RECORD_SORTS } from '@clauseflow/application';
import { ReferencesSchema } from './record-reference-schemas.ts';

const Localized = Type.Object({ en: Type.String(), zh: Type.String() }, { additionalProperties: false });
const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

/** A record id (`i_` and hex; linked records add `-<seq>-<index>` suffixes). */
export const RecordIdSchema = Type.String({ pattern: '^i_[0-9a-f]{24}(?:-[0-9]+-[0-9]+)*$', maxLength: 200 });

export const RecordIdParams = Type.Object({ id: RecordIdSchema }, { additionalProperties: false });

/** An event type of a definition (or `approval.vote`). */
export const EventTypeSchema = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,99}$' });

/** Record data: any JSON object (forbidden keys are refused before validation). */
export const RecordDataSchema = Type.Record(Type.String(), Type.Unknown(), { description: 'Form data.' });

const AssigneeSchema = Type.Union([
  Type.Object(
    { role: Type.Optional(Type.String()), user: Type.Optional(Type.String()) },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

const ClockSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('running'), Type.Literal('paused'), Type.Literal('stopped')]),
    targetMs: Type.Number(),
    elapsedMs: Type.Number(),
    remainingMs: Type.Number(),
    breached: Type.Boolean(),
    breachAt: NullableDateTime,
    warningAt: NullableDateTime,
  },
  { additionalProperties: false },
);

const summaryFields = {
  id: Type.String(),
  processKey: Type.String(),
  processVersion: Type.Integer(),
  state: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('done')]),
  title: Type.String(),
  assignee: AssigneeSchema,
  requester: Type.Union([Type.String(), Type.Null()]),
  clocks: Type.Record(Type.String(), ClockSchema),
  breachAt: NullableDateTime,
  seq: Type.Integer({ description: 'The sequence number of the last event; send it back in `If-Match`.' }),
  createdAt: DateTime,
  updatedAt: DateTime,
};

/** A record as a queue lists it. */
export const RecordSummarySchema = Type.Object(summaryFields, { additionalProperties: false, title: 'RecordSummary' });
export type RecordSummary = Static<typeof RecordSummarySchema>;

/** A form to fill for an action: its JSON Schema and UI schema. */
const ActionFormSchema = Type.Object(
  { id: Type.String(), schema: Type.Unknown(), ui: Type.Unknown() },
  { additionalProperties: false },
);

/** An action the caller may take now: an event and the transitions it may take. */
export const RecordActionSchema = Type.Object(
  {
    event: Type.String(),
    transitions: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          label: Localized,
          to: Type.String(),
          guarded: Type.Boolean({ description: 'A guard decides at send time whether it is taken.' }),
          form: Type.Optional(ActionFormSchema),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'RecordAction' },
);
export type RecordAction = Static<typeof RecordActionSchema>;

/** One record with its data and what the caller may do now. */
export const RecordDetailSchema = Type.Object(
  {
    ...summaryFields,
    data: RecordDataSchema,
    myRoles: Type.Array(Type.String(), { description: "The caller's process roles on this record." }),
    actions: Type.Array(RecordActionSchema),
    references: Type.Optional(ReferencesSchema),
  },
  { additionalProperties: false, title: 'Record' },
);
export type RecordDetail = Static<typeof RecordDetailSchema>;

/** A recorded event, briefly. */
export const EventSummarySchema = Type.Object(
  { seq: Type.Integer(), type: Type.String(), actor: Type.String(), at: DateTime },
  { additionalProperties: false },
);

/** The outcome of a start or an event: the record's new seq and state. */
export const RecordChangeSchema = Type.Object(
  {
    id: Type.String(),
    seq: Type.Integer(),
    state: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('done')]),
    data: RecordDataSchema,
    event: EventSummarySchema,
  },
  { additionalProperties: false, title: 'RecordChange' },
);
export type RecordChange = Static<typeof RecordChangeSchema>;

export const StartBody = Type.Object({ data: RecordDataSchema }, { additionalProperties: false });

export const SendBody = Type.Object(
  {
    type: EventTypeSchema,
    data: Type.Optional(RecordDataSchema),
    vote: Type.Optional(Type.Union([Type.Literal('approve'), Type.Literal('reject')])),
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

/** `Idempotency-Key` and `If-Match` request headers. */
export const WriteHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      pattern: '^[\\x21-\\x7e]{1,200}$',
      description: 'Replaying the same key returns the same response.',
    }),
  ),
  'if-match': Type.Optional(
    Type.String({ description: 'The `ETag` (`"<seq>"`) last seen; another change in between answers 412.' }),
  ),
});

export const ListQuery = Type.Object(
  {
    process: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })),
    state: Type.Optional(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,99}$' })),
    assignee: Type.Optional(Type.String({ pattern: '^(?:me|u_[0-9a-f]{24})$', description: 'A user id, or `me`.' })),
    mine: Type.Optional(Type.Boolean({ description: 'Only records I raised.' })),
    clock: Type.Optional(Type.Union([Type.Literal('breached'), Type.Literal('at-risk')])),
    riskMinutes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 525_600, description: 'At-risk window (default 60).' }),
    ),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text in the title.' })),
    sort: Type.Optional(Type.Union(RECORD_SORTS.map((s) => Type.Literal(s)))),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'From `nextCursor` of the previous page.' })),
  },
  { additionalProperties: false },
);

export const RecordPageSchema = Type.Object(
  { items: Type.Array(RecordSummarySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false, title: 'RecordPage' },
);

/** A data change an event made. */
const ChangeSchema = Type.Object(
  { field: Type.String(), from: Type.Unknown(), to: Type.Unknown() },
  { additionalProperties: false },
);

/** Why: a decision evaluated by the event, the rows that matched and their conditions' fact values. */
const DecisionWhySchema = Type.Object(
  {
    decision: Type.String(),
    hitPolicy: Type.String(),
    inputs: Type.Record(Type.String(), Type.Unknown()),
    matchedRows: Type.Array(
      Type.Object({ rule: Type.String(), conditions: Type.Unknown() }, { additionalProperties: false }),
    ),
    outputs: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const HistoryEntrySchema = Type.Object(
  {
    seq: Type.Integer(),
    type: Type.String(),
    kind: Type.String(),
    actor: Type.String(),
    at: DateTime,
    from: Type.Union([Type.String(), Type.Null()]),
    to: Type.String(),
    input: Type.Unknown(),
    changes: Type.Array(ChangeSchema),
    decisions: Type.Array(DecisionWhySchema),
    effects: Type.Array(Type.Unknown()),
    trace: Type.Array(Type.Unknown(), { description: 'The full rule trace of the event.' }),
    hash: Type.String(),
  },
  { additionalProperties: false, title: 'RecordHistoryEntry' },
);
export type HistoryEntry = Static<typeof HistoryEntrySchema>;

export const AuditSchema = Type.Object(
  {
    ok: Type.Boolean(),
    length: Type.Optional(Type.Integer()),
    headHash: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    brokenAt: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'RecordAudit' },
);

export const NoteSchema = Type.Object(
  {
    id: Type.String(),
    source: Type.Union([Type.Literal('user'), Type.Literal('process')], {
      description: '`user`: added through the API; `process`: written by a process effect.',
    }),
    author: Type.Union([Type.String(), Type.Null()]),
    at: NullableDateTime,
    text: Localized,
  },
  { additionalProperties: false, title: 'WorkNote' },
);
export type Note = Static<typeof NoteSchema>;

export const NoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);
