import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRecordWorld } from '../test-support/test-world.ts';
import { incidentData, TRIAGE, type Caller, type Party } from './testing/record-fixture.ts';
import { SseClient } from './testing/sse-client.ts';

describe('record stream: Server-Sent Events of changes the caller may see', () => {
  const world = useRecordWorld('record_stream', {
    app: { records: { pollMs: 10, heartbeatMs: 40, authCheckMs: 20 } },
  });
  let base: string;
  const clients: SseClient[] = [];

  const open = async (headers: Record<string, string>) => {
    const client = await SseClient.open(`${base}/api/records/stream`, headers);
    clients.push(client);
    return client;
  };
  const start = async (caller: Caller, title: string) => {
    world.clock.advance(1000);
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/processes/incident/records',
      headers: caller.headers,
      payload: { data: incidentData(title) },
    });
    return response.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    base = await world.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
  });

  it('given streams of every party, when a requester raises a record and an agent works it, then only those who may see it get its changes', async () => {
    const streams = {} as Record<Party, SseClient>;
    for (const party of Object.keys(world.who) as Party[]) streams[party] = await open(world.who[party].headers);
    const id = await start(world.who.requester, 'Stream me');
    world.clock.advance(1000);
    await world.app.inject({
      method: 'POST',
      url: `/api/records/${id}/events`,
      headers: world.who.agent.headers,
      payload: { type: 'accept', data: TRIAGE },
    });
    const sawBoth = (c: SseClient) => c.records().some((r) => r.id === id && r.seq === 2);
    for (const party of ['admin', 'owner', 'agent', 'requester'] as const) await streams[party].until(sawBoth);
    expect(streams.agent.records().find((r) => r.id === id && r.seq === 2)).toMatchObject({ state: 'in-progress' });

    // A later record of their own reaches the others: by then the first one would have too.
    const marker = await start(world.who.otherRequester, 'Marker');
    await streams.otherRequester.until((c) => c.records().some((r) => r.id === marker));
    expect(streams.otherRequester.records().map((r) => r.id)).toEqual([marker]);
    await streams.admin.until((c) => c.records().some((r) => r.id === marker));
    await streams.otherAgent.until((c) => c.comments.includes('keep-alive'));
    expect(streams.otherAgent.records().filter((r) => r.id === id)).toEqual([]);
    expect(streams.requester.records().filter((r) => r.id === marker)).toEqual([]);
  });

  it('given an event id, when the stream is reopened with Last-Event-ID, then it resumes with the changes after it', async () => {
    const first = await open(world.who.agent.headers);
    const a = await start(world.who.requester, 'Resume A');
    await first.until((c) => c.records().some((r) => r.id === a));
    const lastId = first.events.find((e) => e.data.includes(a))?.id;
    expect(lastId).toMatch(/^\d+:1:i_/);
    first.close();
    const b = await start(world.who.requester, 'Resume B');
    const resumed = await open({ ...world.who.agent.headers, 'last-event-id': lastId! });
    await resumed.until((c) => c.records().some((r) => r.id === b));
    expect(resumed.records().filter((r) => r.id === a)).toEqual([]);
  });

  it('given no credentials, then the stream answers 401; heartbeats are comments', async () => {
    const anonymous = await open({});
    expect(anonymous.status).toBe(401);
    const agent = await open(world.who.agent.headers);
    expect(agent.status).toBe(200);
    await agent.until((c) => c.comments.includes('keep-alive'));
  });

  it('given open streams, when the session ends, the token is revoked or the user is disabled, then each stream ends within seconds', async () => {
    const { users, apiTokens } = world.app.platform;
    // A session: sign in as a fresh requester, stream with the cookie, sign out.
    const leaver = await users.create({
      username: 'leaver',
      displayName: 'Leaver',
      password: 'leaver-password',
      roles: ['requester'],
    });
    const signIn = await world.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'leaver', password: 'leaver-password' },
    });
    const { csrfToken } = signIn.json<{ csrfToken: string }>();
    const cookie = `cf_session=${signIn.cookies.find((c) => c.name === 'cf_session')!.value}`;
    const bySession = await open({ cookie });
    expect(bySession.status).toBe(200);
    await world.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': csrfToken } });
    await bySession.until((c) => c.ended);
    expect(bySession.events.at(-1)?.event).toBe('signed-out');

    // A token: revoked by its owner.
    const token = await apiTokens.create({ name: 'script', userId: leaver._id, createdBy: leaver._id });
    const byToken = await open({ authorization: `Bearer ${token.secret}` });
    expect(byToken.status).toBe(200);
    await apiTokens.revoke(token.token._id);
    await byToken.until((c) => c.ended);

    // A disabled user: the token still exists, the user does not sign in any more.
    const second = await apiTokens.create({ name: 'script-2', userId: leaver._id, createdBy: leaver._id });
    const byDisabled = await open({ authorization: `Bearer ${second.secret}` });
    expect(byDisabled.status).toBe(200);
    await users.update(leaver._id, { disabled: true });
    await byDisabled.until((c) => c.ended);

    // Everyone else's stream stays open.
    const agent = await open(world.who.agent.headers);
    await world.app.inject({ method: 'GET', url: '/health' });
    expect(agent.ended).toBe(false);
  });
});
