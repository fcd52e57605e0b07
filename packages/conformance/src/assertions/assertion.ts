import Type from 'typebox';

/**
 * The assertion vocabulary: small, typed checks over a process definition, written as data.
 * Every assertion finds elements by semantic tag (states, transitions, roles, decisions and
 * clocks carry `tags`; record fields carry `x-tags`), never by id or label, so a process owner
 * may rename and restyle a tailored copy freely.
 */

const Tag = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$', description: 'kebab-case semantic tag' });
const ProcessKey = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' });
const Tags = Type.Array(Tag, { minItems: 1, maxItems: 16, uniqueItems: true });
const options = { additionalProperties: false } as const;

/** A state tagged `tag` exists. */
export const StateExists = Type.Object({ kind: Type.Literal('stateExists'), tag: Tag }, options);

/**
 * Every path from the initial state to a final state passes a state tagged `tag`; with `before`,
 * no state tagged `before` is reachable without passing a state tagged `tag` first.
 */
export const EveryPathPasses = Type.Object(
  { kind: Type.Literal('everyPathPasses'), tag: Tag, before: Type.Optional(Tag) },
  options,
);

/** The record has a field tagged `fieldTag`. */
export const FieldExists = Type.Object({ kind: Type.Literal('fieldExists'), fieldTag: Tag }, options);

/**
 * A field tagged `fieldTag` is required before the record leaves any state tagged
 * `leavingStateTag`: on the state's form, or on the form of every transition leaving it.
 */
export const FieldRequiredBefore = Type.Object(
  { kind: Type.Literal('fieldRequiredBefore'), fieldTag: Tag, leavingStateTag: Tag },
  options,
);

/**
 * A field tagged `fieldTag` is required whenever the record enters a state tagged `stateTag`:
 * on the form of every transition entering it from another state (or the start form, for the initial state).
 */
export const FieldRequiredOnEntry = Type.Object(
  { kind: Type.Literal('fieldRequiredOnEntry'), fieldTag: Tag, stateTag: Tag },
  options,
);

/** Some form (start form included) captures fields tagged each of `fieldTags` (all required when `required`). */
export const FormCaptures = Type.Object(
  { kind: Type.Literal('formCaptures'), fieldTags: Tags, required: Type.Optional(Type.Boolean()) },
  options,
);

/** A decision table writes the field tagged `outputFieldTag` from inputs tagged each of `fromFieldTags`. */
export const DecisionSets = Type.Object(
  { kind: Type.Literal('decisionSets'), outputFieldTag: Tag, fromFieldTags: Type.Array(Tag, { maxItems: 16 }) },
  options,
);

/**
 * From every non-final state tagged `openTag` an escalation is possible: a transition tagged
 * `escalationTag` (default `escalation`) leaves it, taken by an actor or raised by a timer or clock.
 */
export const EscalationFromOpen = Type.Object(
  { kind: Type.Literal('escalationFromOpen'), openTag: Tag, escalationTag: Type.Optional(Tag) },
  options,
);

/** Entering any state tagged `stateTag` notifies a role tagged `roleTag` (on entry, or on every entering transition). */
export const NotifiesOnEntry = Type.Object(
  { kind: Type.Literal('notifiesOnEntry'), stateTag: Tag, roleTag: Tag },
  options,
);

/** A role tagged `roleTag` exists. */
export const RoleExists = Type.Object({ kind: Type.Literal('roleExists'), roleTag: Tag }, options);

/** A role tagged `roleTag` may act (or is assigned on entry) in every state tagged `stateTag`. */
export const RoleResponsible = Type.Object(
  { kind: Type.Literal('roleResponsible'), roleTag: Tag, stateTag: Tag },
  options,
);

/** A repeating timer exists (in a state tagged `stateTag` when given): reviews at planned intervals. */
export const PeriodicReviewTimer = Type.Object(
  { kind: Type.Literal('periodicReviewTimer'), stateTag: Type.Optional(Tag) },
  options,
);

/** Every state tagged `stateTag` asks for an approval. */
export const ApprovalRequired = Type.Object({ kind: Type.Literal('approvalRequired'), stateTag: Tag }, options);

/** Every state tagged `approvalStateTag` asks for an approval that neither the requester nor the implementer may give. */
export const SegregationOfDuties = Type.Object(
  { kind: Type.Literal('segregationOfDuties'), approvalStateTag: Tag },
  options,
);

/** Transitions tagged `transitionTagA` and `transitionTagB` exist and name disjoint sets of actor roles. */
export const DifferentActors = Type.Object(
  { kind: Type.Literal('differentActors'), transitionTagA: Tag, transitionTagB: Tag },
  options,
);

/** A clock tagged `clockTag` starts in a state tagged `startTag` and stops in every state tagged `stopTag`. */
export const ClockCovers = Type.Object(
  { kind: Type.Literal('clockCovers'), clockTag: Tag, startTag: Tag, stopTag: Tag },
  options,
);

/** A transition leads from a state tagged `fromTag` to a state tagged `toTag`. */
export const TransitionExists = Type.Object(
  { kind: Type.Literal('transitionExists'), fromTag: Tag, toTag: Tag },
  options,
);

/** A transition or state entry (in a state tagged `stateTag` when given) creates a linked record of process `process`. */
export const CreatesLinkedRecord = Type.Object(
  { kind: Type.Literal('createsLinkedRecord'), process: ProcessKey, stateTag: Type.Optional(Tag) },
  options,
);

/** One assertion: the union of every kind, discriminated by `kind`. */
export const Assertion = Type.Union([
  StateExists,
  EveryPathPasses,
  FieldExists,
  FieldRequiredBefore,
  FieldRequiredOnEntry,
  FormCaptures,
  DecisionSets,
  EscalationFromOpen,
  NotifiesOnEntry,
  RoleExists,
  RoleResponsible,
  PeriodicReviewTimer,
  ApprovalRequired,
  SegregationOfDuties,
  DifferentActors,
  ClockCovers,
  TransitionExists,
  CreatesLinkedRecord,
]);
export type Assertion = Type.Static<typeof Assertion>;

/** The kind of an assertion. */
export type AssertionKind = Assertion['kind'];

/** The assertion of one kind. */
export type AssertionOf<K extends AssertionKind> = Extract<Assertion, { kind: K }>;
