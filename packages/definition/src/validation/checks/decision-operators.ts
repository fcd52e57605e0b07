import type { Operator } from '../../format/condition.ts';

/**
 * Whether a decision cell matches a fact value, with json-rules-engine's semantics for its
 * built-in operators (strict equality; `in`/`notIn` over an array value; `contains`/`doesNotContain`
 * over an array fact; numeric comparisons only between numbers).
 */
export function cellMatches(operator: Operator, fact: unknown, value: unknown): boolean {
  switch (operator) {
    case 'equal':
      return fact === value;
    case 'notEqual':
      return fact !== value;
    case 'in':
      return Array.isArray(value) && value.includes(fact);
    case 'notIn':
      return Array.isArray(value) && !value.includes(fact);
    case 'contains':
      return Array.isArray(fact) && fact.includes(value);
    case 'doesNotContain':
      return Array.isArray(fact) && !fact.includes(value);
    default:
      if (typeof fact !== 'number' || typeof value !== 'number') return false;
      if (operator === 'lessThan') return fact < value;
      if (operator === 'lessThanInclusive') return fact <= value;
      if (operator === 'greaterThan') return fact > value;
      return fact >= value;
  }
}
