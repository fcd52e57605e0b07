import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';
import { noFieldWithTag } from '../tagged-elements.ts';

/**
 * A decision table has an output writing a field tagged `outputFieldTag` and inputs reading
 * fields tagged each of `fromFieldTags`. When tables write the field but miss inputs, the one
 * closest to complete is named, with a pointer to its inputs.
 */
export const decisionSets: Evaluator<'decisionSets'> = ({ outputFieldTag, fromFieldTags }, index) => {
  const { definition } = index;
  const missingFields = [outputFieldTag, ...fromFieldTags].filter((tag) => index.fieldsTagged(tag).length === 0);
  if (missingFields.length > 0) {
    return missingFields.map((tag) => noFieldWithTag(tag));
  }
  const tagged = (field: string, tag: string): boolean => index.fieldTags(field).includes(tag);
  let best: { decision: number; missing: string[] } | undefined;
  for (const [d, decision] of definition.decisions.entries()) {
    if (!decision.outputs.some((o) => tagged(o.field, outputFieldTag))) continue;
    const missing = fromFieldTags.filter((tag) => !decision.inputs.some((i) => tagged(i.field, tag)));
    if (!best || missing.length < best.missing.length) best = { decision: d, missing };
  }
  if (!best) {
    return [
      failure(
        'NO_DECISION_SETS_FIELD',
        '/decisions',
        { element: 'decision', tag: outputFieldTag },
        { tag: outputFieldTag },
      ),
    ];
  }
  const { decision, missing } = best;
  return missing.map((tag): AssertionFailure =>
    failure(
      'DECISION_INPUT_MISSING',
      pointer('decisions', decision, 'inputs'),
      { element: 'decision-input', tag },
      { decision: definition.decisions[decision]!.id, output: outputFieldTag, tag },
    ),
  );
};
