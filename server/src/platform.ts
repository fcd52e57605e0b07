import type {
  ApiTokenStore,
  AuthenticatedUser,
  ClauseFlow,
  DefinitionConformance,
  DocumentStore,
  RecordService,
  FirstRun,
  GroupStore,
  SessionStore,
  UserStore,
} from '@clauseflow/application';
import type { ServerConfig } from './config.ts';
import type { ServerMetrics } from './metrics/metrics.ts';
import type { DefinitionStore, TemplateCatalogue } from '@clauseflow/runtime';
import type { ProcessStore } from '@clauseflow/application';
import type { DisposalService } from '@clauseflow/application';

/**
 * What every resource plugin can use, as `app.platform`: the application (every use case), the
 * configuration, the injected clock and the metrics; the other members name application services.
 */
export interface Platform {
  /** The application layer (every use case); the members below are being folded into it (issue 11). */
  clauseflow: ClauseFlow;
  config: ServerConfig;
  /** The clock; tests inject one. */
  now: () => Date;
  users: UserStore;
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  groups: GroupStore;
  firstRun: FirstRun;
  metrics: ServerMetrics;
  /** Process settings: owners, per-process role grants, retired flag. */
  processes: ProcessStore;
  /** Definition drafts and published versions. */
  definitions: DefinitionStore;
  /** Imported template packs. */
  catalogue: TemplateCatalogue;
  /** The requirement set and assertions, loaded once. */
  conformance: DefinitionConformance;
  /** Records: the instance engine with its timers and outbox, work notes, record access. */
  records: RecordService;
  /** The documents' store (the use cases are `clauseflow.documents`); tests read it directly. */
  documents: DocumentStore;
  /** Record retention and disposal: disposal records, candidates, the removal of disposed records. */
  disposals: DisposalService;
  /** Every route registered so far (filled by the error-handler plugin; used for 405 and by tests). */
  routes: RegisteredRoute[];
}

/** A registered route. */
export interface RegisteredRoute {
  methods: string[];
  url: string;
  /** Left out of the OpenAPI document (`schema.hide`, or no schema at all). */
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    /** The signed-in caller, or null when anonymous (set by the authentication plugin). */
    user: AuthenticatedUser | null;
  }
  interface FastifyContextConfig {
    /** Set `csrf: false` on routes a cookie-authenticated caller may call without the CSRF header (sign-in). */
    csrf?: boolean;
    /** Set on `GET /metrics`: a bearer token there is the scraper's metrics token, not an API token. */
    metricsScrape?: boolean;
  }
}
