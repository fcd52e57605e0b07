export { buildApp, PLATFORM_RESOURCE_PLUGINS, requestId, type AppOptions, type ResourcePlugin } from './app.ts';
export type { HealthReport } from './plugins/health.ts';
export type { Platform, RegisteredRoute } from './platform.ts';
export { readConfig, type ServerConfig } from './config.ts';
export {
  FIELD_ERROR_CODES,
  PROBLEM_CODES,
  problemTypeUri,
  type FieldErrorCode,
  type LocalizedText,
  type ProblemCode,
} from './errors/problem-codes.ts';
export { fieldError, pointerToken, ProblemError, type FieldError } from './errors/problem-error.ts';
export {
  PROBLEM_MEDIA_TYPE,
  ProblemDetailsSchema,
  problemResponses,
  type ProblemDetails,
} from './errors/problem-schema.ts';
export { currentUser, hasRole, requireRole, requireUser } from './auth/authorize.ts';
export {
  assertCanSeeRecord,
  canActOnRecord,
  canEditProcess,
  canSeeRecord,
  type ActorSide,
  type ProcessAccess,
  type RecordAccess,
} from '@clauseflow/application';
export {
  LOCALES,
  PLATFORM_ROLES,
  UserViewSchema,
  isDuplicateKey,
  type AuthenticatedUser,
  type Locale,
  type PlatformRole,
  type UserView,
} from '@clauseflow/application';
export { SIGNED_IN } from './auth/signed-in.ts';
export { createServerMetrics, type ServerMetrics } from './metrics/metrics.ts';
export { CSRF_HEADER, SESSION_COOKIE } from './plugins/authentication.ts';
