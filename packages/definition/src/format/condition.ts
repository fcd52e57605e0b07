import Type from 'typebox';

/** json-rules-engine's built-in operators: the only ones a definition may use (no custom code). */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

const Operator = Type.Enum(OPERATORS);

/**
 * A condition in json-rules-engine syntax: `all` / `any` / `not` nesting over fact
 * comparisons. Facts are record field names (optionally with a JSON `path` into them).
 */
export const ConditionCyclic = Type.Cyclic(
  {
    Condition: Type.Union([
      Type.Ref('AllCondition'),
      Type.Ref('AnyCondition'),
      Type.Ref('NotCondition'),
      Type.Ref('FactCondition'),
    ]),
    AllCondition: Type.Object(
      { all: Type.Array(Type.Ref('Condition'), { maxItems: 100 }), name: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    AnyCondition: Type.Object(
      { any: Type.Array(Type.Ref('Condition'), { maxItems: 100 }), name: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    NotCondition: Type.Object(
      { not: Type.Ref('Condition'), name: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    FactCondition: Type.Object(
      {
        fact: Type.String({ minLength: 1, maxLength: 128 }),
        operator: Operator,
        value: Type.Unknown(),
        path: Type.Optional(Type.String({ pattern: '^\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+$' })),
      },
      { additionalProperties: false },
    ),
  },
  'Condition',
);

export type Condition = Type.Static<typeof ConditionCyclic>;
export type Operator = (typeof OPERATORS)[number];

/** A reference to the one Condition schema kept in the definition schema's `$defs`. */
export const Condition = Type.Unsafe<Condition>({ $ref: 'Condition' });
