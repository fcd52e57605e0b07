import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../app.ts';
import type { FirstRunOutcome } from '@clauseflow/application';
import type { PlatformRole } from '@clauseflow/application';
import { CSRF_HEADER, SESSION_COOKIE } from '../plugins/authentication.ts';

/** Cheap scrypt parameters for tests (each hash stores its own, so this changes nothing else). */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1, keyLength: 32 };

/** A settable clock for tests. */
export class TestClock {
  constructor(public current = new Date('2026-03-01T09:00:00Z')) {}
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

let webRoot: string | undefined;

/** A folder with a tiny index.html, standing in for designer/dist. */
export function testWebRoot(): string {
  if (!webRoot) {
    webRoot = mkdtempSync(join(tmpdir(), 'cf-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ClauseFlow</title><h1>ClauseFlow</h1>');
  }
  return webRoot;
}

/** An app on `db` with an injected clock, cheap hashing, an empty environment, and the first-run outcome kept. */
export async function testApp(
  db: AppOptions['db'],
  options: Partial<AppOptions> = {},
): Promise<{ app: FastifyInstance; clock: TestClock; firstRun: FirstRunOutcome }> {
  const clock = new TestClock();
  let firstRun: FirstRunOutcome = { kind: 'users-exist' };
  const app = await buildApp({
    db,
    webRoot: testWebRoot(),
    env: {},
    now: clock.now,
    onFirstRun: (outcome) => (firstRun = outcome),
    ...options,
    config: { scrypt: TEST_SCRYPT, ...options.config },
  });
  return { app, clock, firstRun };
}

/** A signed-in browser-like caller: the session cookie plus its CSRF token. */
export interface SignedIn {
  userId: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated write. */
  headers: Record<string, string>;
}

/** The session cookie's value from a sign-in response. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return cookie.value;
}

/** Signs in through the API. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ user: { id: string }; csrfToken: string }>();
  const cookie = `${SESSION_COOKIE}=${sessionCookie(response)}`;
  return {
    userId: body.user.id,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, [CSRF_HEADER]: body.csrfToken },
  };
}

/** Creates a user directly in the store (no HTTP) and returns its id. */
export async function seedUser(
  app: FastifyInstance,
  username: string,
  roles: PlatformRole[],
  groups: string[] = [],
): Promise<string> {
  const user = await app.platform.users.create({
    username,
    displayName: username,
    password: `${username}-password`,
    roles,
    groups,
  });
  return user._id;
}
