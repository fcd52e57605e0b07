import Type from 'typebox';
import { Id, JsonValue, LocalizedText, Tags } from './common.ts';
import { Condition } from './condition.ts';
import { Effect } from './effect.ts';

/**
 * A guard: a decision's output compared with a value, a rule set's event, or an inline
 * condition in json-rules-engine syntax over the record's fields.
 */
export const Guard = Type.Union([
  Type.Object({ decision: Id, output: Id, equals: JsonValue }, { additionalProperties: false }),
  Type.Object({ ruleSet: Id, event: Id }, { additionalProperties: false }),
  Type.Object({ condition: Condition }, { additionalProperties: false }),
]);
export type Guard = Type.Static<typeof Guard>;

/** A transition between two states on an event. */
export const Transition = Type.Object(
  {
    id: Id,
    from: Id,
    event: Id,
    to: Id,
    label: LocalizedText,
    tags: Type.Optional(Tags),
    /** Roles that may trigger it; absent means any role that may act in the source state. */
    actors: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
    guard: Type.Optional(Guard),
    /** The data the actor must supply. */
    form: Type.Optional(Id),
    effects: Type.Optional(Type.Array(Effect, { maxItems: 50 })),
    /** Taken as soon as its guard holds on entering `from` or after the data changes (no actor). */
    automatic: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type Transition = Type.Static<typeof Transition>;
