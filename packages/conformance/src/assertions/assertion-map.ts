import Type from 'typebox';
import { Assertion } from './assertion.ts';

/**
 * Which assertions prove each `process` requirement of a requirement set: requirement id ->
 * assertions, all of which must hold. Kept as data beside the requirement set
 * (`catalog/assertions/<set id>.assertions.json`).
 */
export const AssertionMap = Type.Object(
  {
    /** Id of the requirement set the map is for. */
    requirementSet: Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    assertions: Type.Record(Type.String({ maxLength: 64 }), Type.Array(Assertion, { minItems: 1, maxItems: 32 })),
  },
  { additionalProperties: false },
);
export type AssertionMap = Type.Static<typeof AssertionMap>;
