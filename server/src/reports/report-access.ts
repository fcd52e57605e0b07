import type { FastifyRequest } from 'fastify';
import { canActOnRecord } from '@clauseflow/application';
import { ProblemError } from '../errors/problem-error.ts';
import { visibleProcess, type VisibleProcess } from '../processes/process-access.ts';
import { processAccess, type ProcessStore } from '@clauseflow/application';

/**
 * The process whose service reports the caller may read: admin, an owner of the process (with
 * the process-owner role), or an agent in a group granted one of its agent-side roles — the
 * people who see every record of the process. A process the caller has no role in answers 404
 * (keys cannot be probed); one they see only as a requester answers 403, because a report
 * counts records they may not read.
 */
export async function reportableProcess(
  store: ProcessStore,
  request: FastifyRequest,
  key: string,
): Promise<VisibleProcess> {
  const visible = await visibleProcess(store, request, key);
  const works = canActOnRecord(
    visible.user,
    { raisedBy: '', namedUsers: [], process: processAccess(visible.process) },
    'agent',
  );
  if (!works) {
    throw new ProblemError('FORBIDDEN', `Only those who work process ${key} may read its service reports.`);
  }
  return visible;
}
