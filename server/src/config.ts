import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from '@clauseflow/application';

/** Server settings, read from the environment by `readConfig`, overridable in `buildApp`. */
export interface ServerConfig {
  /** Largest request body in bytes (`CLAUSEFLOW_BODY_LIMIT`, default 1 MiB). */
  bodyLimit: number;
  /** Marks the session cookie `Secure` (`CLAUSEFLOW_SECURE_COOKIES=true`; set it behind HTTPS). */
  secureCookies: boolean;
  /** Session lifetime in ms (`CLAUSEFLOW_SESSION_HOURS`, default 12). */
  sessionTtlMs: number;
  /** Requests per window per signed-in user, or per IP address when anonymous (`CLAUSEFLOW_RATE_LIMIT`, default 600). */
  rateLimitMax: number;
  /** Requests per window per API token's user (`CLAUSEFLOW_TOKEN_RATE_LIMIT`, default 3000: 50 a second, for automation). */
  tokenRateLimitMax: number;
  /** Bearer token a metrics scraper sends to `GET /metrics` (`CLAUSEFLOW_METRICS_TOKEN`); admins may read it signed in. */
  metricsToken: string | undefined;
  /** Sign-in requests a minute from one address, whoever signs in (`CLAUSEFLOW_SIGN_IN_ADDRESS_LIMIT`, default 300): a bound on password spraying high enough for everyone behind one proxy. */
  signInAddressRateLimitMax: number;
  /** Password checks per account and address, and setup attempts per address, a minute (`CLAUSEFLOW_SIGN_IN_LIMIT`, default 20). */
  signInRateLimitMax: number;
  /** Rate-limit window in ms (default one minute). */
  rateLimitWindowMs: number;
  /** First run: the admin to create when no user exists (`CLAUSEFLOW_ADMIN_USERNAME` / `CLAUSEFLOW_ADMIN_PASSWORD`). */
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  /** Base URL used in the one-time setup link (`CLAUSEFLOW_PUBLIC_URL`). */
  publicUrl: string;
  /** Password hashing cost (tests lower it; each hash stores its own parameters). */
  scrypt: ScryptParams;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Reads the configuration from environment variables. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const host = env['HOST'] ?? '127.0.0.1';
  const port = env['PORT'] && env['PORT'] !== '0' ? env['PORT'] : '8080';
  return {
    bodyLimit: positive(env['CLAUSEFLOW_BODY_LIMIT'], 1 << 20),
    secureCookies: env['CLAUSEFLOW_SECURE_COOKIES'] === 'true',
    sessionTtlMs: positive(env['CLAUSEFLOW_SESSION_HOURS'], 12) * 3_600_000,
    rateLimitMax: positive(env['CLAUSEFLOW_RATE_LIMIT'], 600),
    tokenRateLimitMax: positive(env['CLAUSEFLOW_TOKEN_RATE_LIMIT'], 3000),
    metricsToken: env['CLAUSEFLOW_METRICS_TOKEN'] || undefined,
    signInAddressRateLimitMax: positive(env['CLAUSEFLOW_SIGN_IN_ADDRESS_LIMIT'], 300),
    signInRateLimitMax: positive(env['CLAUSEFLOW_SIGN_IN_LIMIT'], 20),
    rateLimitWindowMs: 60_000,
    adminUsername: env['CLAUSEFLOW_ADMIN_USERNAME'] || undefined,
    adminPassword: env['CLAUSEFLOW_ADMIN_PASSWORD'] || undefined,
    publicUrl: (env['CLAUSEFLOW_PUBLIC_URL'] ?? `http://${host}:${port}`).replace(/\/+$/, ''),
    scrypt: DEFAULT_SCRYPT_PARAMS,
  };
}
