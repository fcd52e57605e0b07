import type { ApplicationContext } from '../application-context.ts';
import { ApiTokenStore } from './api-token-store.ts';
import { AttemptLimiter } from './attempt-limiter.ts';
import { FirstRun, type FirstRunConfig } from './first-run.ts';
import { GroupStore } from './group-store.ts';
import { RateLimitCounters } from './rate-limit-counters.ts';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './password.ts';
import { SessionStore } from './session-store.ts';
import { UserStore } from './user-store.ts';

/** How the accounts are set up by the host. */
export interface AccountsOptions {
  /** Password hashing cost (tests use a cheap one). */
  scrypt?: ScryptParams;
  /** How long a session lasts without use, in ms (default 12 h). */
  sessionTtlMs?: number;
  /** The first administrator from the environment, or the setup link's address (only hosts that run first run need it). */
  firstRun?: FirstRunConfig;
}

/** For hosts that never run first run (the CLI): no admin from the environment, no setup link address. */
const NO_FIRST_RUN_CONFIG: FirstRunConfig = { adminUsername: undefined, adminPassword: undefined, publicUrl: '' };

/** Users, sessions, API tokens, groups and first run: the accounts' collections and their rules. */
export interface Accounts {
  users: UserStore;
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  groups: GroupStore;
  firstRun: FirstRun;
  /** Request counters of the rate limits (sign-in and API), shared by every server process. */
  rateLimits: RateLimitCounters;
  /** Password checks per account and address, counted atomically (the sign-in lockout). */
  signInAttempts: AttemptLimiter;
}

/** Builds the account services and creates their indexes. */
export async function openAccounts(context: ApplicationContext, options: AccountsOptions): Promise<Accounts> {
  const { db, now } = context;
  const users = new UserStore(db, now, options.scrypt ?? DEFAULT_SCRYPT_PARAMS);
  const accounts: Accounts = {
    users,
    sessions: new SessionStore(db, now, options.sessionTtlMs ?? 12 * 3_600_000),
    apiTokens: new ApiTokenStore(db, now),
    groups: new GroupStore(db, now),
    firstRun: new FirstRun(db, users, options.firstRun ?? NO_FIRST_RUN_CONFIG, now),
    rateLimits: new RateLimitCounters(db, now),
    signInAttempts: new AttemptLimiter(db, now),
  };
  await accounts.users.init();
  await accounts.sessions.init();
  await accounts.apiTokens.init();
  await accounts.signInAttempts.init();
  return accounts;
}
