import type { FastifyInstance, InjectOptions } from 'fastify';
import { incidentData, TRIAGE, type Caller } from '../../records/testing/record-fixture.ts';

/** Injects a request that must succeed (2xx); returns the JSON body. */
export async function ok<T = Record<string, unknown>>(app: FastifyInstance, request: InjectOptions): Promise<T> {
  const response = await app.inject(request);
  if (response.statusCode >= 300) {
    throw new Error(
      `${String(request.method)} ${JSON.stringify(request.url)}: ${response.statusCode} ${response.body}`,
    );
  }
  return response.json<T>();
}

/** Starts an incident of `processKey` as `requester` and returns its id. */
export async function openRecord(
  app: FastifyInstance,
  requester: Caller,
  title: string,
  processKey = 'incident',
): Promise<string> {
  const started = await ok<{ id: string }>(app, {
    method: 'POST',
    url: `/api/processes/${processKey}/records`,
    headers: requester.headers,
    payload: { data: incidentData(title) },
  });
  return started.id;
}

/**
 * Takes an incident through triage, resolution and closure (a final state), with a work note
 * on the way; returns its id.
 */
export async function closedRecord(
  app: FastifyInstance,
  who: { requester: Caller; agent: Caller },
  title: string,
  processKey = 'incident',
): Promise<string> {
  const id = await openRecord(app, who.requester, title, processKey);
  const send = (payload: object) =>
    ok(app, { method: 'POST', url: `/api/records/${id}/events`, headers: who.agent.headers, payload });
  await send({ type: 'accept', data: TRIAGE });
  await ok(app, {
    method: 'POST',
    url: `/api/records/${id}/notes`,
    headers: who.agent.headers,
    payload: { text: `Working on ${title}` },
  });
  await send({ type: 'resolve', data: { resolution: 'Restarted the service', closureCode: 'solved' } });
  await send({ type: 'close' });
  return id;
}
