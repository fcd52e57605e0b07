import type { FastifyRequest } from 'fastify';
import { currentUser } from '../auth/authorize.ts';
import { canEditProcess } from '@clauseflow/application';
import type { AuthenticatedUser } from '@clauseflow/application';
import { ProblemError } from '../errors/problem-error.ts';
import { canSeeProcess, processAccess, type ProcessDocument, type ProcessStore } from '@clauseflow/application';

/** The caller and a process they may see. */
export interface VisibleProcess {
  user: AuthenticatedUser;
  process: ProcessDocument;
}

/**
 * The process the caller may see: 401 when anonymous, 404 when it does not exist or the caller
 * has no role in it (so keys cannot be probed).
 */
export async function visibleProcess(
  store: ProcessStore,
  request: FastifyRequest,
  key: string,
): Promise<VisibleProcess> {
  const user = currentUser(request);
  const process = await store.byKey(key);
  if (!process || !canSeeProcess(user, process)) throw new ProblemError('NOT_FOUND', `No process ${key}.`);
  return { user, process };
}

/** The process the caller may edit (admin or one of its owners): 404 when invisible, 403 when visible only. */
export async function editableProcess(
  store: ProcessStore,
  request: FastifyRequest,
  key: string,
): Promise<VisibleProcess> {
  const visible = await visibleProcess(store, request, key);
  if (!canEditProcess(visible.user, processAccess(visible.process))) {
    throw new ProblemError('FORBIDDEN', `Only an admin or an owner of process ${key} may change it.`);
  }
  return visible;
}
