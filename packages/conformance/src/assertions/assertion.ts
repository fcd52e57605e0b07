import Type, { type TLiteral, type TObject, type TProperties } from 'typebox';

/**
 * The assertion vocabulary: small, typed checks over a process definition, written as data.
 * Every assertion finds elements by semantic tag (states, transitions, roles, decisions and
 * clocks carry `tags`; record fields carry `x-tags`), never by id or label, so a process owner
 * may rename and restyle a tailored copy freely. Assertions hold on reachable states and paths only.
 */

const Tag = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$', description: 'kebab-case semantic tag' });
const ProcessKey = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' });
const Tags = Type.Array(Tag, { minItems: 1, maxItems: 16, uniqueItems: true });

/** The schema of one assertion kind: `kind`, its name, first; then its own properties, and no others. */
function kind<const K extends string, P extends TProperties>(
  name: K,
  properties: P,
): TObject<{ kind: TLiteral<K> } & P> {
  return Type.Object({ kind: Type.Literal(name), ...properties }, { additionalProperties: false });
}

/** A state tagged `tag` exists. */
export const StateExists = kind('stateExists', { tag: Tag });

/**
 * Every path from the initial state to a final state passes a state tagged `tag`; with `before`,
 * no state tagged `before` is reachable without passing a state tagged `tag` first.
 */
export const EveryPathPasses = kind('everyPathPasses', { tag: Tag, before: Type.Optional(Tag) });

/** The record has a field tagged `fieldTag`. */
export const FieldExists = kind('fieldExists', { fieldTag: Tag });

/**
 * On every path that leaves the states tagged `leavingStateTag` for good, a field tagged
 * `fieldTag` is required at or before the step that leaves (start form, a state passed, a
 * transition taken). Semantics per kind: packages/conformance/ASSERTIONS.md.
 */
export const FieldRequiredBefore = kind('fieldRequiredBefore', { fieldTag: Tag, leavingStateTag: Tag });

/**
 * On every path from the start to a state tagged `stateTag`, a field tagged `fieldTag` is
 * required at or before entering it (start form, a state passed, a transition taken).
 */
export const FieldRequiredOnEntry = kind('fieldRequiredOnEntry', { fieldTag: Tag, stateTag: Tag });

/** Some reachable form (start form included) captures fields tagged each of `fieldTags` (all required when `required`). */
export const FormCaptures = kind('formCaptures', { fieldTags: Tags, required: Type.Optional(Type.Boolean()) });

/** A decision table writes the field tagged `outputFieldTag` from inputs tagged each of `fromFieldTags`. */
export const DecisionSets = kind('decisionSets', {
  outputFieldTag: Tag,
  fromFieldTags: Type.Array(Tag, { maxItems: 16 }),
});

/**
 * From every non-final state tagged `openTag` an escalation is possible: a transition tagged
 * `escalationTag` (default `escalation`) leaves it, taken by an actor or raised by a timer or clock.
 */
export const EscalationFromOpen = kind('escalationFromOpen', { openTag: Tag, escalationTag: Type.Optional(Tag) });

/** Entering any state tagged `stateTag` notifies a role tagged `roleTag` (on entry, or on every entering transition). */
export const NotifiesOnEntry = kind('notifiesOnEntry', { stateTag: Tag, roleTag: Tag });

/** A role tagged `roleTag` exists. */
export const RoleExists = kind('roleExists', { roleTag: Tag });

/** A role tagged `roleTag` may act (or is assigned on entry) in every state tagged `stateTag`. */
export const RoleResponsible = kind('roleResponsible', { roleTag: Tag, stateTag: Tag });

/** A repeating timer exists (in a state tagged `stateTag` when given): reviews at planned intervals. */
export const PeriodicReviewTimer = kind('periodicReviewTimer', { stateTag: Type.Optional(Tag) });

/** Every visit to the states tagged `stateTag` passes one asking for an approval before leaving them for good. */
export const ApprovalRequired = kind('approvalRequired', { stateTag: Tag });

/** Every state tagged `approvalStateTag` asks for an approval that neither the requester nor the implementer may give. */
export const SegregationOfDuties = kind('segregationOfDuties', { approvalStateTag: Tag });

/** Transitions tagged `transitionTagA` and `transitionTagB` exist and name disjoint sets of actor roles. */
export const DifferentActors = kind('differentActors', { transitionTagA: Tag, transitionTagB: Tag });

/** A clock tagged `clockTag` starts in a state tagged `startTag` and stops in every state tagged `stopTag`. */
export const ClockCovers = kind('clockCovers', { clockTag: Tag, startTag: Tag, stopTag: Tag });

/** A transition leads from a state tagged `fromTag` to a state tagged `toTag`. */
export const TransitionExists = kind('transitionExists', { fromTag: Tag, toTag: Tag });

/** A transition or state entry (in a state tagged `stateTag` when given) creates a linked record of process `process`. */
export const CreatesLinkedRecord = kind('createsLinkedRecord', { process: ProcessKey, stateTag: Type.Optional(Tag) });

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
