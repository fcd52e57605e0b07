import Type from 'typebox';
import { ClockAction } from './clock.ts';
import { Id, LocalizedText, Tags } from './common.ts';
import { Effect, Timer } from './effect.ts';

/**
 * Approvals asked for in a state: who approves, how many must, and segregation of duties.
 * The outcome raises `approvedEvent` or `rejectedEvent`; every vote is recorded with its comment.
 */
export const Approval = Type.Object(
  {
    approvers: Type.Object(
      {
        roles: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
        users: Type.Optional(Type.Array(Type.String({ maxLength: 128 }), { maxItems: 100, uniqueItems: true })),
      },
      { additionalProperties: false },
    ),
    policy: Type.Union([Type.Literal('any'), Type.Literal('all'), Type.Literal('quorum')]),
    quorum: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    /** Segregation of duties: may the record's requester, or its implementer (assignee), approve? */
    requesterMayApprove: Type.Boolean(),
    implementerMayApprove: Type.Boolean(),
    approvedEvent: Id,
    rejectedEvent: Id,
  },
  { additionalProperties: false },
);
export type Approval = Type.Static<typeof Approval>;

/** A state of the process. */
export const State = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    tags: Tags,
    kind: Type.Union([Type.Literal('normal'), Type.Literal('final')]),
    /** Roles that may act on the record while it is in this state (assignees always may). */
    actors: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
    /** Form for the work done in this state. */
    form: Type.Optional(Id),
    onEntry: Type.Optional(Type.Array(Effect, { maxItems: 50 })),
    clocks: Type.Optional(Type.Array(ClockAction, { maxItems: 20 })),
    timers: Type.Optional(Type.Array(Timer, { maxItems: 20 })),
    approval: Type.Optional(Approval),
  },
  { additionalProperties: false },
);
export type State = Type.Static<typeof State>;
