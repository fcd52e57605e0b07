import Type from 'typebox';
import { Id, IsoDuration, LocalizedText, Tags } from './common.ts';

/**
 * A named SLA clock. Its target is looked up by the value of a record field (typically the
 * priority a decision derived), with a default; it runs on a business calendar or around the clock.
 */
export const SlaClock = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    tags: Type.Optional(Tags),
    /** Calendar id; absent means calendar time (24x7). */
    calendar: Type.Optional(Id),
    target: Type.Object(
      {
        byField: Type.Optional(Id),
        values: Type.Optional(Type.Record(Type.String(), IsoDuration)),
        default: Type.Optional(IsoDuration),
      },
      { additionalProperties: false },
    ),
    /** Fractions of the target at which a warning is raised, e.g. [0.75]. */
    warnAt: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), { maxItems: 5, uniqueItems: true }),
    /** Events raised on the instance when the clock warns or breaches (optional transitions may use them). */
    warningEvent: Type.Optional(Id),
    breachEvent: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type SlaClock = Type.Static<typeof SlaClock>;

/** What entering a state does to a clock. */
export const ClockAction = Type.Object(
  { clock: Id, action: Type.Union([Type.Literal('start'), Type.Literal('pause'), Type.Literal('stop')]) },
  { additionalProperties: false },
);
export type ClockAction = Type.Static<typeof ClockAction>;
