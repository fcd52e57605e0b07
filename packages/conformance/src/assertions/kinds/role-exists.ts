import type { Evaluator } from '../evaluator.ts';
import { noRoleWithTag } from '../tagged-elements.ts';

/** A role tagged R exists; the fix belongs in `/roles`. */
export const roleExists: Evaluator<'roleExists'> = ({ roleTag }, index) =>
  index.rolesTagged(roleTag).length > 0 ? [] : [noRoleWithTag(roleTag)];
