/**
 * Where the runtime reports what it survives (a linked record not created, a failing
 * `onProjected` hook, a timer that failed to fire): object first, then message — the shape of
 * pino's and Fastify's logger, so a server passes `app.log` as it is.
 */
export interface EngineLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  info?(obj: object, msg: string): void;
}

/** The default logger: says nothing (a library does not write to the console by itself). */
export const silentLogger: EngineLogger = {
  warn: () => undefined,
  error: () => undefined,
};
