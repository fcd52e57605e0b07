import Type from 'typebox';
import { Id, IsoDuration, JsonValue, LocalizedText } from './common.ts';

/** Where a set-field effect takes its value from. */
const ValueSource = Type.Union([
  Type.Object({ value: JsonValue }, { additionalProperties: false }),
  Type.Object({ decision: Id, output: Id }, { additionalProperties: false }),
  Type.Object({ field: Id }, { additionalProperties: false }),
  Type.Object({ now: Type.Literal(true) }, { additionalProperties: false }),
  Type.Object({ actor: Type.Literal(true) }, { additionalProperties: false }),
]);

/** The closed vocabulary of effects. Each is data; definitions never contain code. */
export const Effect = Type.Union([
  Type.Object({ type: Type.Literal('setField'), field: Id, from: ValueSource }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('assign'), role: Type.Optional(Id), user: Type.Optional(Type.String({ maxLength: 128 })) },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('startClock'), clock: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('pauseClock'), clock: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('stopClock'), clock: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('scheduleTimer'), timer: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('cancelTimer'), timer: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('notify'), role: Id, message: LocalizedText }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('createLinkedRecord'),
      process: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
      link: Id,
      /** Target field -> source field of this record. */
      copy: Type.Optional(Type.Record(Type.String(), Id)),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('appendWorkNote'), text: LocalizedText }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('evaluateDecision'), decision: Id }, { additionalProperties: false }),
]);
export type Effect = Type.Static<typeof Effect>;
export type EffectType = Effect['type'];

/**
 * A timer of a state: raises `event` after a duration from entering the state, or at the
 * date-time held in a record field; in business time on a calendar or in calendar time.
 */
export const Timer = Type.Object(
  {
    id: Id,
    after: Type.Optional(IsoDuration),
    deadlineField: Type.Optional(Id),
    time: Type.Union([Type.Literal('business'), Type.Literal('calendar')]),
    calendar: Type.Optional(Id),
    event: Id,
    /** Re-arm after firing (periodic reviews). */
    repeat: Type.Optional(Type.Boolean()),
  },
  // A timer needs a duration or a deadline field. Each branch names its property so that ajv's
  // strict mode (strictRequired) accepts the schema.
  {
    additionalProperties: false,
    anyOf: [
      { properties: { after: {} }, required: ['after'] },
      { properties: { deadlineField: {} }, required: ['deadlineField'] },
    ],
  },
);
export type Timer = Type.Static<typeof Timer>;
