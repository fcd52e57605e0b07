import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser } from '../auth/authorize.ts';
import { dummyPasswordHash, verifyPassword } from '@clauseflow/application';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { LocaleSchema, UsernameSchema, UserViewSchema } from '@clauseflow/application';
import { userView } from '@clauseflow/application';
import { fieldError, ProblemError } from '../errors/problem-error.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/authentication.ts';

/** A password as accepted on input (length only: passphrases are welcome). */
export const PasswordSchema = Type.String({ minLength: 10, maxLength: 256 });

const SignInSchema = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

const SessionSchema = Type.Object(
  {
    user: UserViewSchema,
    via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
    csrfToken: Type.Optional(Type.String({ description: 'Send it in x-csrf-token on cookie-authenticated writes.' })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

const OwnChangesSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(LocaleSchema),
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    password: Type.Optional(PasswordSchema),
  },
  { additionalProperties: false, description: 'A new `password` needs the `currentPassword`.' },
);

const SetupSchema = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    username: UsernameSchema,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: PasswordSchema,
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

/** `POST/GET/PATCH/DELETE /api/session` (sign in, who am I, my own settings, sign out) and `POST /api/setup` (first admin). */
export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users, sessions, config, firstRun } = app.platform;
  const { signInAttempts } = app.platform.clauseflow.accounts;
  const signInLimit = {
    max: config.signInRateLimitMax,
    groupId: 'sign-in',
    keyGenerator: (request: { ip: string }) => `ip:${request.ip}`,
  };

  app.post(
    '/session',
    {
      config: { csrf: false, rateLimit: { ...signInLimit, max: config.signInAddressRateLimitMax } },
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        description:
          'Unknown user, wrong password and disabled account all answer the same 401. Password checks are counted per account and address (CLAUSEFLOW_SIGN_IN_LIMIT a minute, atomically): beyond that the pair is locked until the window ends (429 with Retry-After), while other accounts from the same address still sign in.',
        body: SignInSchema,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const attempts = `${request.body.username.toLowerCase()}|${request.ip}`;
      await signInAttempts.claim(attempts, config.signInRateLimitMax, config.rateLimitWindowMs);
      const user = await users.byUsername(request.body.username);
      const ok = await verifyPassword(
        request.body.password,
        user?.passwordHash ?? (await dummyPasswordHash(config.scrypt)),
      );
      if (!user || !ok || user.disabled) throw new ProblemError('UNAUTHENTICATED', 'Wrong username or password.');
      await signInAttempts.reset(attempts);
      const session = await sessions.create(user._id);
      setSessionCookie(reply, session.token, session.expiresAt, config.secureCookies);
      return {
        user: userView(user),
        via: 'session' as const,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in caller',
        security: SIGNED_IN,
        response: { 200: SessionSchema },
      },
    },
    async (request) => {
      const caller = currentUser(request);
      const user = await users.byId(caller.id);
      if (!user) throw new ProblemError('UNAUTHENTICATED');
      return { user: userView(user), via: caller.via, ...(caller.csrfToken ? { csrfToken: caller.csrfToken } : {}) };
    },
  );

  app.patch(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Change my own name, language or password',
        description:
          'Any signed-in user may change these on their own account. A new password needs the current one and ends every other session of the account (this one gets a new cookie).',
        security: [{ session: [] as string[] }],
        body: OwnChangesSchema,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const caller = currentUser(request);
      const { currentPassword, password, ...fields } = request.body;
      if (password !== undefined && currentPassword === undefined) {
        throw new ProblemError('VALIDATION_FAILED', 'A new password needs the current one.', {
          errors: [fieldError('MISSING_FIELD', '/currentPassword', 'Missing required field "currentPassword".')],
        });
      }
      if (password !== undefined && caller.via !== 'session') {
        throw new ProblemError('FORBIDDEN', 'Change the password signed in with it, not with an API token.');
      }
      if (currentPassword !== undefined && password !== undefined) {
        await users.confirmPassword(caller.id, currentPassword);
      }
      const user = await users.update(caller.id, { ...fields, ...(password === undefined ? {} : { password }) });
      if (password !== undefined) {
        await sessions.deleteForUser(caller.id);
        const session = await sessions.create(user._id);
        setSessionCookie(reply, session.token, session.expiresAt, config.secureCookies);
        return { user: userView(user), via: 'session' as const, csrfToken: session.csrfToken };
      }
      return { user: userView(user), via: caller.via, ...(caller.csrfToken ? { csrfToken: caller.csrfToken } : {}) };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        security: [{ session: [] as string[] }],
        response: { 204: Type.Null({ description: 'Signed out' }) },
      },
    },
    async (request, reply) => {
      currentUser(request);
      const token = request.cookies[SESSION_COOKIE];
      if (token) await sessions.delete(token);
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/setup',
    {
      config: { csrf: false, rateLimit: signInLimit },
      schema: {
        tags: ['session'],
        summary: 'First run: create the first admin with the one-time setup token',
        body: SetupSchema,
        response: { 201: UserViewSchema },
      },
    },
    async (request, reply) => {
      const { token, ...admin } = request.body;
      const user = await firstRun.redeem(token, admin);
      return reply.code(201).send(userView(user));
    },
  );
};
