export {
  openDatabaseServer,
  DEFAULT_EMBEDDED_PORT,
  type DatabaseServer,
  type DatabaseServerOptions,
} from './database-server.ts';
export {
  ensureFerretDbBinary,
  checkGoToolchain,
  FerretDbInstallError,
  FERRETDB_BUILD,
  FERRETDB_VERSION,
} from './ferretdb-binary.ts';
export {
  startFerretDb,
  freePort,
  type FerretDbBackend,
  type FerretDbOptions,
  type RunningFerretDb,
} from './ferretdb-server.ts';
export {
  findPostgresBinaries,
  startPostgresCluster,
  type PostgresBinaries,
  type PostgresCluster,
  type PostgresClusterOptions,
} from './postgres-cluster.ts';
export { repoRoot, dataDir, toolsBinDir, machineCacheDir } from './repo-paths.ts';
