import type { Evaluator } from '../evaluator.ts';
import { noFieldWithTag } from '../tagged-elements.ts';

/** The record has a field tagged F; the fix belongs in `/record/schema/properties`. */
export const fieldExists: Evaluator<'fieldExists'> = ({ fieldTag }, index) =>
  index.fieldsTagged(fieldTag).length > 0 ? [] : [noFieldWithTag(fieldTag)];
