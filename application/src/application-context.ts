import type { Db } from 'mongodb';

/** A pino-compatible logger: the application layer logs through whatever its host injects. */
export interface ApplicationLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** A logger that drops everything (the default when the host injects none). */
export const SILENT_LOGGER: ApplicationLogger = { info() {}, warn() {}, error() {} };

/** What every service of the application layer is opened with. */
export interface ApplicationContext {
  /** The database; only the application layer (and the runtime below it) touches its collections. */
  db: Db;
  /** The clock; tests inject one. */
  now: () => Date;
  logger: ApplicationLogger;
}
