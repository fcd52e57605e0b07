import type { Evaluator } from '../evaluator.ts';
import { failure } from '../result.ts';

/** The record has a field tagged F; the fix belongs in `/record/schema/properties`. */
export const fieldExists: Evaluator<'fieldExists'> = ({ fieldTag }, index) =>
  index.fieldsTagged(fieldTag).length > 0
    ? []
    : [
        failure(
          'NO_FIELD_WITH_TAG',
          '/record/schema/properties',
          { element: 'field', tag: fieldTag },
          { tag: fieldTag },
        ),
      ];
