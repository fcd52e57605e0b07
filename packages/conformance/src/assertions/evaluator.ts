import type { AssertionKind, AssertionOf } from './assertion.ts';
import type { DefinitionIndex } from './definition-index.ts';
import type { AssertionFailure } from './result.ts';

/** Evaluates one kind of assertion against an indexed definition; an empty list means it holds. */
export type Evaluator<K extends AssertionKind> = (
  assertion: AssertionOf<K>,
  index: DefinitionIndex,
) => AssertionFailure[];
