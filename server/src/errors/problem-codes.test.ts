import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DomainError } from '@clauseflow/common';
import { storedData } from '@clauseflow/application/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { connectDatabase } from '@clauseflow/application';
import type { ResourcePlugin } from '../app.ts';
import { produceRecordProblems } from '../records/testing/problem-scenarios.ts';
import { produceProcessProblems } from '../processes/problem-scenarios.ts';
import { produceDocumentProblems } from '../documents/problem-scenarios.ts';
import { produceGovernanceProblems } from '../governance/testing/problem-scenarios.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { seedUser, signIn, testApp, type SignedIn } from '../test-support/test-app.ts';
import { FIELD_ERROR_CODES, PROBLEM_CODES, type FieldErrorCode, type ProblemCode } from './problem-codes.ts';

const producedCodes = new Set<ProblemCode>();
const producedFieldCodes = new Set<FieldErrorCode>();

/** A route that fails unexpectedly, to prove internal errors are rendered without leaking. */
const boomPlugin: ResourcePlugin = async (app) => {
  app.get('/test/boom', async () => {
    throw new TypeError('secret internal detail');
  });
  // What RecordService throws when the database stops answering mid-write (application/src/records/outcome-unknown.test.ts).
  app.post('/test/outcome-unknown', async () => {
    throw new DomainError('OUTCOME_UNKNOWN', 'Retry with the same Idempotency-Key.', { retryAfterSeconds: 2 });
  });
};

interface Case {
  name: string;
  code: ProblemCode;
  fieldCode?: FieldErrorCode;
  /** The JSON Pointer the first field error must name, where the case pins it. */
  path?: string;
  request: (ctx: { admin: SignedIn; requester: SignedIn; requesterId: string }) => InjectOptions;
}

const json = { 'content-type': 'application/json' };

const CASES: Case[] = [
  {
    name: 'malformed JSON',
    code: 'MALFORMED_JSON',
    request: () => ({ method: 'POST', url: '/api/session', headers: json, payload: '{"username": "a",' }),
  },
  {
    name: 'an empty body labelled JSON',
    code: 'MALFORMED_JSON',
    request: () => ({ method: 'POST', url: '/api/session', headers: json, payload: '' }),
  },
  {
    name: 'a wrong type',
    code: 'VALIDATION_FAILED',
    fieldCode: 'WRONG_TYPE',
    request: () => ({ method: 'POST', url: '/api/session', payload: { username: 42, password: 'x' } }),
  },
  {
    name: 'a number where a string is expected is not coerced',
    code: 'VALIDATION_FAILED',
    fieldCode: 'WRONG_TYPE',
    request: () => ({ method: 'POST', url: '/api/session', payload: { username: 'a', password: 12345678901 } }),
  },
  {
    name: 'an unknown field',
    code: 'VALIDATION_FAILED',
    fieldCode: 'UNKNOWN_FIELD',
    request: () => ({ method: 'POST', url: '/api/session', payload: { username: 'a', password: 'b', admin: true } }),
  },
  {
    name: 'a missing field',
    code: 'VALIDATION_FAILED',
    fieldCode: 'MISSING_FIELD',
    request: () => ({ method: 'POST', url: '/api/session', payload: { username: 'a' } }),
  },
  {
    name: 'a value outside the schema',
    code: 'VALIDATION_FAILED',
    fieldCode: 'INVALID_VALUE',
    request: ({ admin }) => ({
      method: 'POST',
      url: '/api/groups',
      headers: admin.headers,
      payload: { id: 'Bad Id!', name: { en: 'x', zh: 'x' } },
    }),
  },
  {
    name: 'a malformed path parameter',
    code: 'VALIDATION_FAILED',
    fieldCode: 'INVALID_VALUE',
    request: ({ admin }) => ({ method: 'GET', url: '/api/users/not-an-id', headers: admin.headers }),
  },
  {
    name: 'a $-operator in the body',
    code: 'FORBIDDEN_KEY',
    fieldCode: 'FORBIDDEN_KEY',
    request: () => ({ method: 'POST', url: '/api/session', payload: { username: { $ne: null }, password: 'x' } }),
  },
  {
    name: 'a dotted key deep in the body',
    code: 'FORBIDDEN_KEY',
    fieldCode: 'FORBIDDEN_KEY',
    request: ({ admin }) => ({
      method: 'POST',
      url: '/api/groups',
      headers: admin.headers,
      payload: { id: 'g', name: { en: 'x', zh: 'x', 'a.b': 'x' } },
    }),
  },
  {
    name: 'a $-operator in the query string',
    code: 'FORBIDDEN_KEY',
    fieldCode: 'FORBIDDEN_KEY',
    request: ({ admin }) => ({ method: 'GET', url: '/api/users?username[$ne]=x', headers: admin.headers }),
  },
  {
    name: 'a $-prefixed query key',
    code: 'FORBIDDEN_KEY',
    fieldCode: 'FORBIDDEN_KEY',
    request: ({ admin }) => ({ method: 'GET', url: '/api/users?$where=1', headers: admin.headers }),
  },
  {
    name: 'a lone surrogate in a body text',
    code: 'VALIDATION_FAILED',
    fieldCode: 'LONE_SURROGATE',
    path: '/name/en',
    request: ({ admin }) => ({
      method: 'POST',
      url: '/api/groups',
      headers: { ...admin.headers, ...json },
      payload: '{"id":"halves","name":{"en":"broken \\ud800 text","zh":"x"}}',
    }),
  },
  {
    name: 'a write whose outcome the database left unknown',
    code: 'OUTCOME_UNKNOWN',
    request: ({ admin }) => ({ method: 'POST', url: '/api/test/outcome-unknown', headers: admin.headers }),
  },
  {
    name: '__proto__ in the body',
    code: 'FORBIDDEN_PROTOTYPE_KEY',
    fieldCode: 'FORBIDDEN_PROTOTYPE_KEY',
    request: () => ({
      method: 'POST',
      url: '/api/session',
      headers: json,
      payload: '{"username":"a","password":"b","__proto__":{"isAdmin":true}}',
    }),
  },
  {
    name: 'constructor.prototype in the body',
    code: 'FORBIDDEN_PROTOTYPE_KEY',
    fieldCode: 'FORBIDDEN_PROTOTYPE_KEY',
    request: () => ({
      method: 'POST',
      url: '/api/session',
      headers: json,
      payload: '{"username":"a","password":"b","constructor":{"prototype":{"isAdmin":true}}}',
    }),
  },
  {
    name: '__proto__ in the query string',
    code: 'FORBIDDEN_PROTOTYPE_KEY',
    fieldCode: 'FORBIDDEN_PROTOTYPE_KEY',
    request: ({ admin }) => ({ method: 'GET', url: '/api/users?__proto__[x]=1', headers: admin.headers }),
  },
  {
    name: 'a malformed URL',
    code: 'BAD_REQUEST',
    request: () => ({ method: 'GET', url: '/api/users/%E0%A4%A' }),
  },
  {
    name: 'an anonymous call to a signed-in route',
    code: 'UNAUTHENTICATED',
    request: () => ({ method: 'GET', url: '/api/session' }),
  },
  {
    name: 'a wrong password',
    code: 'UNAUTHENTICATED',
    request: () => ({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: 'wrong-password' },
    }),
  },
  {
    name: 'a revoked or unknown bearer token',
    code: 'UNAUTHENTICATED',
    request: () => ({ method: 'GET', url: '/api/session', headers: { authorization: 'Bearer cft_unknown' } }),
  },
  {
    name: 'a cookie-authenticated write without the CSRF header',
    code: 'CSRF_TOKEN_INVALID',
    request: ({ admin }) => ({
      method: 'POST',
      url: '/api/groups',
      headers: { cookie: admin.cookie },
      payload: { id: 'nocsrf', name: { en: 'x', zh: 'x' } },
    }),
  },
  {
    name: 'a requester on an admin route',
    code: 'FORBIDDEN',
    request: ({ requester }) => ({ method: 'GET', url: '/api/users', headers: requester.headers }),
  },
  {
    name: 'an unknown route',
    code: 'NOT_FOUND',
    request: () => ({ method: 'GET', url: '/api/no-such-thing' }),
  },
  {
    name: 'an unknown user',
    code: 'NOT_FOUND',
    request: ({ admin }) => ({ method: 'GET', url: '/api/users/u_000000000000000000000000', headers: admin.headers }),
  },
  {
    name: 'a known path with another method',
    code: 'METHOD_NOT_ALLOWED',
    request: () => ({ method: 'PUT', url: '/health' }),
  },
  {
    name: 'a taken username',
    code: 'CONFLICT',
    request: ({ admin }) => ({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'admin', displayName: 'Again', password: 'long-enough-pw', roles: ['agent'] },
    }),
  },
  {
    name: 'setup after the first admin exists',
    code: 'SETUP_ALREADY_DONE',
    request: () => ({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'whatever', username: 'second', displayName: 'Second', password: 'long-enough-pw' },
    }),
  },
  {
    name: 'a stale If-Match',
    code: 'PRECONDITION_FAILED',
    request: ({ admin, requesterId }) => ({
      method: 'PATCH',
      url: `/api/users/${requesterId}`,
      headers: { ...admin.headers, 'if-match': '"999"' },
      payload: { displayName: 'Changed' },
    }),
  },
  {
    name: 'an oversized body',
    code: 'PAYLOAD_TOO_LARGE',
    request: () => ({
      method: 'POST',
      url: '/api/session',
      headers: json,
      payload: JSON.stringify({ username: 'x'.repeat(5000) }),
    }),
  },
  {
    name: 'a body that is not JSON',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    request: () => ({ method: 'POST', url: '/api/session', headers: { 'content-type': 'text/plain' }, payload: 'hi' }),
  },
  {
    name: 'a form-encoded body',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    request: () => ({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a&password=b',
    }),
  },
  {
    name: 'an unexpected failure',
    code: 'INTERNAL_ERROR',
    request: () => ({ method: 'GET', url: '/api/test/boom' }),
  },
];

describe('the problem-code catalogue and the error handler', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const ctx = {} as { admin: SignedIn; requester: SignedIn; requesterId: string };

  beforeAll(async () => {
    t = await openTestDatabase('problems');
    ({ app } = await testApp(t.db, { plugins: [boomPlugin], config: { bodyLimit: 4096 } }));
    await seedUser(app, 'admin', ['admin']);
    ctx.requesterId = await seedUser(app, 'requester', ['requester']);
    ctx.admin = await signIn(app, 'admin', 'admin-password');
    ctx.requester = await signIn(app, 'requester', 'requester-password');
    // Setup is done once an admin exists: redeem once through the API path used on first run.
    await app.platform.firstRun.run();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it.each(CASES)('given $name, then it answers $code as problem+json', async ({ code, fieldCode, path, request }) => {
    const before = await snapshot(app);
    const response = await app.inject(request(ctx));
    const body = expectProblem(response, PROBLEM_CODES[code].status, code);
    expect(body.instance.startsWith('/')).toBe(true);
    expect(body.requestId).toBe(response.headers['x-request-id']);
    if (fieldCode) {
      expect(body.errors?.[0]?.code).toBe(fieldCode);
      expect(body.errors?.[0]?.path).toMatch(/^(\/[^/]*)*$/);
      if (path !== undefined) expect(body.errors?.[0]?.path).toBe(path);
      producedFieldCodes.add(fieldCode);
    }
    if (PROBLEM_CODES[code].status < 500) expect(response.statusCode).toBeLessThan(500);
    else expect(body.detail).not.toContain('secret');
    if (response.statusCode < 500) expect(await snapshot(app)).toEqual(before);
    producedCodes.add(code);
  });

  it('given a 405, then the Allow header lists the methods the path has', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/ready' });
    expectProblem(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers['allow']).toBe('GET, HEAD');
  });

  it('given Accept-Language zh, then the title is in Chinese', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nowhere', headers: { 'accept-language': 'zh-CN' } });
    expect(expectProblem(response, 404, 'NOT_FOUND').title).toBe(PROBLEM_CODES.NOT_FOUND.title.zh);
  });

  it('given too many sign-in attempts from one address, then it answers 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await testApp(t.db, { config: { signInRateLimitMax: 2 } });
    const attempt = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/session',
        // An address of its own: counters live in the shared database, not in the app.
        remoteAddress: '192.0.2.44',
        payload: { username: 'nobody', password: 'nothing' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const response = await attempt();
    expectProblem(response, 429, 'RATE_LIMITED');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    producedCodes.add('RATE_LIMITED');
    await limited.app.close();
  });

  it('given the database is gone, then a request that needs it answers 503 SERVICE_UNAVAILABLE', async () => {
    const connection = await connectDatabase(t.uri, t.db.databaseName, { serverSelectionTimeoutMS: 500 });
    const { app: down } = await testApp(connection.db);
    await connection.close();
    const response: LightMyRequestResponse = await down.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: 'admin-password' },
    });
    expectProblem(response, 503, 'SERVICE_UNAVAILABLE');
    producedCodes.add('SERVICE_UNAVAILABLE');
    await down.close();
  });

  it('given definition, pack and upgrade problems, then each answers its code with coded errors', async () => {
    const produced = await produceProcessProblems(app, ctx.admin);
    for (const code of produced.codes) producedCodes.add(code);
    for (const code of produced.fieldCodes) producedFieldCodes.add(code);
  });

  it('given record problems (unpublished process, refused action, stale If-Match), then each answers its code', async () => {
    for (const code of await produceRecordProblems(app)) producedCodes.add(code);
  });

  it('given disposal problems (an open record, a retention not elapsed), then each answers its code', async () => {
    for (const code of await produceGovernanceProblems(app)) producedCodes.add(code);
  });

  it('given document register problems (no source, self-approval, not a draft, withdrawn), then each answers its code', async () => {
    for (const code of await produceDocumentProblems(app, ctx.admin)) producedCodes.add(code);
  });

  it('then every catalogue code is documented in English and Chinese and produced by a test above', () => {
    for (const [code, entry] of Object.entries(PROBLEM_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      for (const text of [entry.title, entry.description]) {
        expect(text.en.trim().length, code).toBeGreaterThan(0);
        expect(text.zh, code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    for (const [code, text] of Object.entries(FIELD_ERROR_CODES)) {
      expect(text.en.trim().length, code).toBeGreaterThan(0);
      expect(text.zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect([...producedCodes].sort()).toEqual(Object.keys(PROBLEM_CODES).sort());
    expect([...producedFieldCodes].sort()).toEqual(Object.keys(FIELD_ERROR_CODES).sort());
  });
});

/** Every stored account document, to prove refused requests change nothing. */
async function snapshot(app: FastifyInstance): Promise<unknown> {
  const stored = storedData(app.platform.clauseflow);
  const [users, groups, tokens] = await Promise.all([
    stored.all('users'),
    stored.all('groups'),
    stored.all('api_tokens'),
  ]);
  return { users, groups, tokens };
}
