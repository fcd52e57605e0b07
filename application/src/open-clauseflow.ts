import type { KeyObject } from 'node:crypto';
import type { Db } from 'mongodb';
import { DefinitionStore, TemplateCatalogue } from '@clauseflow/runtime';
import { DefinitionConformance } from './conformance/definition-conformance.ts';
import { PackService } from './packs/pack-service.ts';
import { ProcessAuthoring } from './processes/process-authoring.ts';
import { RecordService, type RecordServiceOptions } from './records/record-service.ts';
import { DisposalService } from './governance/disposal-service.ts';
import { evidencePackLines, type EvidenceRequest } from './governance/evidence-pack.ts';
import { openAccounts, type Accounts, type AccountsOptions } from './accounts/open-accounts.ts';
import { DocumentRegister } from './documents/document-register.ts';
import { DocumentStore } from './documents/document-store.ts';
import { ProcessStore } from './processes/process-store.ts';
import { openHealth, type Health } from './health/database-health.ts';
import { SILENT_LOGGER, type ApplicationContext, type ApplicationLogger } from './application-context.ts';

/** How the host (the HTTP server, the CLI, a test) opens the application. */
export interface ClauseFlowOptions {
  db: Db;
  /** The clock (default: the system clock); tests inject one. */
  now?: () => Date;
  /** Where the application logs (default: nowhere). */
  logger?: ApplicationLogger;
  /** Password cost, session lifetime and first run (default: none of first run's settings). */
  accounts?: AccountsOptions;
  /** When set, every imported template pack must be signed by this key. */
  packPublicKey?: KeyObject;
  /** The timer scheduler, the live-update timing and who is told of timer firings. */
  records?: RecordServiceOptions;
}

/**
 * The application: every use case of the platform, as services over the collections they own.
 * Hosts call these services and nothing below them; only these services touch the database.
 */
export interface ClauseFlow {
  readonly context: ApplicationContext;
  /** Users, sessions, API tokens, groups, first run. */
  readonly accounts: Accounts;
  /** Process settings: owners, per-process role grants, audience, retention, retired flag. */
  readonly processes: ProcessStore;
  /** Definition drafts and immutable published versions. */
  readonly definitions: DefinitionStore;
  /** Imported template packs: their templates and the version of each pack in use. */
  readonly catalogue: TemplateCatalogue;
  /** The ISO/IEC 20000-1:2018 requirement set and assertion map, loaded once. */
  readonly conformance: DefinitionConformance;
  /** Process authoring: drafts, validation, the publish gate, import, versions and diffs. */
  readonly authoring: ProcessAuthoring;
  /** Catalogue packs: verify, dry run, import, tailor, upgrade tailored copies. */
  readonly packs: PackService;
  /** Records: start, send, view, lists, references, notes, with the timer scheduler and the outbox. */
  readonly records: RecordService;
  /** Record retention and disposal: disposal records, candidates, the removal of disposed records. */
  readonly disposals: DisposalService;
  /** The auditor's evidence pack of a process, as NDJSON lines. */
  evidencePack(request: EvidenceRequest): AsyncGenerator<string>;
  /** The register of controlled documents (policies, plans, external documents). */
  readonly documents: DocumentRegister;
  /** Health checks (the database round trip). */
  readonly health: Health;
  /** Stops background work (timers, the outbox dispatcher); the database client stays the host's. */
  close(): Promise<void>;
}

/**
 * Opens the application once per process: builds every service in dependency order, creates
 * indexes, and runs start-up recovery (once, here, not in any host).
 */
export async function openClauseFlow(options: ClauseFlowOptions): Promise<ClauseFlow> {
  const context: ApplicationContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? SILENT_LOGGER,
  };
  const accounts = await openAccounts(context, options.accounts ?? {});
  const documents = new DocumentRegister(new DocumentStore(context.db, context.now), accounts.groups);
  await documents.store.init();
  const processes = new ProcessStore(context.db, context.now);
  const definitions = new DefinitionStore(context.db);
  await definitions.init();
  const catalogue = new TemplateCatalogue(context.db);
  await catalogue.init();
  const conformance = DefinitionConformance.load();
  // Opening the runtime runs its start-up recovery once, here, and starts the scheduler.
  const records = new RecordService(context.db, context.now, processes, context.logger, options.records);
  await records.init();
  const disposals = new DisposalService(context.db, context.now);
  await disposals.init();
  // A crash may have left disposals half done: finish them before serving.
  await disposals.resumeUnfinished();
  return {
    context,
    accounts,
    processes,
    definitions,
    catalogue,
    conformance,
    authoring: new ProcessAuthoring(definitions, catalogue, conformance, context.now),
    packs: new PackService(catalogue, definitions, processes, conformance, context.now, options.packPublicKey),
    records,
    disposals,
    evidencePack: (request) =>
      evidencePackLines({ records, definitions, catalogue, conformance, disposals: disposals.store }, request),
    documents,
    health: openHealth(options.db),
    close: () => records.close(),
  };
}
