import type { Evaluator } from '../evaluator.ts';
import { failure } from '../result.ts';

/** A role tagged R exists; the fix belongs in `/roles`. */
export const roleExists: Evaluator<'roleExists'> = ({ roleTag }, index) =>
  index.rolesTagged(roleTag).length > 0
    ? []
    : [failure('NO_ROLE_WITH_TAG', '/roles', { element: 'role', tag: roleTag }, { tag: roleTag })];
