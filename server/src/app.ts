import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from 'mongodb';
import {
  openClauseFlow,
  packPublicKey,
  type FirstRunOutcome,
  type RecordServiceOptions,
} from '@clauseflow/application';
import { readConfig, type ServerConfig } from './config.ts';
import { buildValidator } from './http/validator-compiler.ts';
import { createServerMetrics, type ServerMetrics } from './metrics/metrics.ts';
import type { Platform } from './platform.ts';
import { authenticationPlugin } from './plugins/authentication.ts';
import { errorHandlerPlugin, sendProblem } from './plugins/error-handler.ts';
import { ProblemError } from './errors/problem-error.ts';
import { healthPlugin } from './plugins/health.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { readyPlugin } from './plugins/ready.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { appShell, webAppPlugin } from './plugins/web-app.ts';
import { apiTokenRoutes } from './accounts/api-token-routes.ts';
import { groupRoutes } from './accounts/group-routes.ts';
import { sessionRoutes } from './accounts/session-routes.ts';
import { userRoutes } from './accounts/user-routes.ts';
import { definitionRoutes } from './processes/definition-routes.ts';
import { packRoutes } from './packs/pack-routes.ts';
import { processRoutes } from './processes/process-routes.ts';
import { instanceRoutes } from './records/instance-routes.ts';
import { recordReferenceRoutes } from './records/record-reference-routes.ts';
import { instanceStreamRoutes } from './records/instance-stream.ts';
import { documentRoutes } from './documents/document-routes.ts';
import { portalRoutes } from './portal/portal-routes.ts';
import { disposedRecordGuard } from './governance/disposed-record-guard.ts';
import { evidenceRoutes } from './governance/evidence-routes.ts';
import { retentionRoutes } from './governance/retention-routes.ts';
import { reportRoutes } from './reports/report-routes.ts';

/**
 * A resource plugin: one encapsulated plugin per resource, registered under `/api`, typed by
 * TypeBox, with `app.platform` for its services and `request.user` for the caller.
 */
export type ResourcePlugin = FastifyPluginAsyncTypebox;

/** The platform's own resource plugins, in registration order. */
export const PLATFORM_RESOURCE_PLUGINS: readonly ResourcePlugin[] = [
  sessionRoutes,
  userRoutes,
  groupRoutes,
  apiTokenRoutes,
  processRoutes,
  definitionRoutes,
  packRoutes,
  instanceRoutes,
  recordReferenceRoutes,
  instanceStreamRoutes,
  documentRoutes,
  portalRoutes,
  disposedRecordGuard,
  retentionRoutes,
  evidenceRoutes,
  reportRoutes,
];

export interface AppOptions {
  db: Db;
  /** Folder of the built web app. */
  webRoot: string;
  logger?: FastifyServerOptions['logger'];
  /** Environment to read the configuration from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Overrides of the configuration read from `env`. */
  config?: Partial<ServerConfig>;
  /** The clock (tests inject one). */
  now?: () => Date;
  /** More resource plugins, registered under `/api` after the platform's own. */
  plugins?: readonly ResourcePlugin[];
  /** The record API's wiring: timer scheduler and live-update timing. */
  records?: RecordServiceOptions;
  /** Called with what first run did (by default a setup link is logged at warn level). */
  onFirstRun?: (outcome: FirstRunOutcome) => void;
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** `x-request-id` when it is sane (1–128 of `A-Za-z0-9._:-`), else a fresh UUID. */
export function requestId(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** The composition root: one encapsulated plugin per concern. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const config: ServerConfig = { ...readConfig(options.env ?? process.env), ...options.config };
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimit,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    genReqId: requestId,
    // Errors Fastify raises before routing (a malformed URL) become problems too.
    frameworkErrors: (error, request, reply) =>
      void sendProblem(new ProblemError('BAD_REQUEST', error.message), request, reply),
    schemaController: { compilersFactory: { buildValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The application layer, opened once: it owns the collections and runs its start-up work.
  const metrics: ServerMetrics = createServerMetrics();
  const clauseflow = await openClauseFlow({
    db: options.db,
    now,
    logger: app.log,
    records: {
      ...options.records,
      observer: {
        eventApplied: (process, event) => metrics.eventsApplied.inc({ process, event }),
        timerFired: (kind) => metrics.timersFired.inc({ kind }),
        slaBreached: (process, clock) => metrics.slaBreaches.inc({ process, clock }),
      },
    },
    accounts: { scrypt: config.scrypt, sessionTtlMs: config.sessionTtlMs, firstRun: config },
    packPublicKey: packPublicKey((options.env ?? process.env)['CLAUSEFLOW_PACK_PUBLIC_KEY']),
  });
  metrics.countDueTimers = () => clauseflow.records.dueTimerCount();
  const platform: Platform = {
    clauseflow,
    config,
    now,
    ...clauseflow.accounts,
    metrics,
    processes: clauseflow.processes,
    definitions: clauseflow.definitions,
    catalogue: clauseflow.catalogue,
    conformance: clauseflow.conformance,
    records: clauseflow.records,
    documents: clauseflow.documents.store,
    disposals: clauseflow.disposals,
    routes: [],
  };
  app.decorate('platform', platform);
  app.addHook('onClose', async () => clauseflow.close());
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(errorHandlerPlugin, { appShell: appShell(options.webRoot) });
  await app.register(securityHeadersPlugin);
  await app.register(openapiPlugin);
  await app.register(authenticationPlugin);
  await app.register(metricsPlugin);
  await app.register(healthPlugin, { health: clauseflow.health });
  await app.register(readyPlugin);
  await app.register(webAppPlugin, { webRoot: options.webRoot });
  // Everything registered from here on is rate limited.
  await app.register(rateLimitPlugin);
  await app.register(
    async (api) => {
      for (const plugin of [...PLATFORM_RESOURCE_PLUGINS, ...(options.plugins ?? [])]) await api.register(plugin);
    },
    { prefix: '/api' },
  );

  const outcome = await platform.firstRun.run();
  if (options.onFirstRun) options.onFirstRun(outcome);
  else if (outcome.kind === 'setup-link') {
    app.log.warn(
      { setupUrl: outcome.url },
      'No user exists yet: open this one-time link to create the first admin (or set CLAUSEFLOW_ADMIN_USERNAME and CLAUSEFLOW_ADMIN_PASSWORD)',
    );
  } else if (outcome.kind === 'admin-from-env') app.log.info({ username: outcome.username }, 'created the first admin');
  return app;
}
