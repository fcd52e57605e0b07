import Type from 'typebox';
import { Id, JsonValue, LocalizedText, Tags } from './common.ts';
import { Condition, OPERATORS } from './condition.ts';

const Operator = Type.Enum(OPERATORS);

/** One cell of a decision-table row: an operator and a value; an absent input matches anything. */
export const DecisionCell = Type.Object({ operator: Operator, value: JsonValue }, { additionalProperties: false });
export type DecisionCell = Type.Static<typeof DecisionCell>;

/**
 * A decision table. Inputs read record fields; outputs write derived fields. Hit policies:
 * `first` (first matching row), `unique` (exactly one row may match), `priority` (the matching
 * row with the highest `priority`), `collect` (all matching rows; outputs become lists).
 */
export const DecisionTable = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    tags: Type.Optional(Tags),
    hitPolicy: Type.Union([
      Type.Literal('first'),
      Type.Literal('unique'),
      Type.Literal('priority'),
      Type.Literal('collect'),
    ]),
    inputs: Type.Array(
      Type.Object(
        {
          id: Id,
          field: Id,
          label: Type.Optional(LocalizedText),
          /** The values the input can take; enables gap and overlap analysis. */
          values: Type.Optional(Type.Array(JsonValue, { maxItems: 100 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    outputs: Type.Array(
      Type.Object({ id: Id, field: Id, label: Type.Optional(LocalizedText) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 20 },
    ),
    rows: Type.Array(
      Type.Object(
        {
          id: Id,
          when: Type.Record(Type.String(), DecisionCell),
          then: Type.Record(Type.String(), JsonValue),
          priority: Type.Optional(Type.Integer()),
          description: Type.Optional(LocalizedText),
        },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
    /** `change`: re-evaluated whenever record data changes; `explicit`: only by an evaluateDecision effect. */
    trigger: Type.Union([Type.Literal('change'), Type.Literal('explicit')]),
  },
  { additionalProperties: false },
);
export type DecisionTable = Type.Static<typeof DecisionTable>;

/** A raw json-rules-engine rule set; a rule's event may set fields when it fires. */
export const RuleSet = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    tags: Type.Optional(Tags),
    rules: Type.Array(
      Type.Object(
        {
          id: Id,
          conditions: Condition,
          event: Type.Object(
            { type: Id, params: Type.Optional(Type.Record(Type.String(), JsonValue)) },
            { additionalProperties: false },
          ),
          priority: Type.Optional(Type.Integer({ minimum: 1 })),
          /** Fields set when the rule fires: field -> value. */
          set: Type.Optional(Type.Record(Type.String(), JsonValue)),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type RuleSet = Type.Static<typeof RuleSet>;
