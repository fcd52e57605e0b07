import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { seedRecordWorld, type Caller, type Party } from '../instances/testing/record-fixture.ts';
import { ApiClient } from './api-client.ts';
import { testApp, type TestClock } from './test-app.ts';
import type { AppOptions } from '../app.ts';

/** The app with signed-in users of each role, as a test file uses it (filled in before its tests run). */
export interface RecordWorld {
  t: TestDatabase;
  app: FastifyInstance;
  clock: TestClock;
  /** The OpenAPI-checking client. */
  api: ApiClient;
  /** A signed-in caller of each party (admin, owner, agent, requester, …), with the incident process published. */
  who: Record<Party, Caller>;
}

/**
 * The one shared fixture of the record tests: registers the hooks that open a database of its
 * own, the app on it (no timer scheduler unless asked: tests fire timers themselves), the API
 * client and the seeded users and incident process, and close them after the file.
 */
export function useRecordWorld(label: string, options: { at?: Date; app?: Partial<AppOptions> } = {}): RecordWorld {
  const world = {} as RecordWorld;
  beforeAll(async () => {
    world.t = await openTestDatabase(label);
    const { records, ...rest } = options.app ?? {};
    const built = await testApp(world.t.db, { ...rest, records: { scheduler: false, ...records } });
    world.app = built.app;
    world.clock = built.clock;
    if (options.at) world.clock.current = options.at;
    world.api = await ApiClient.for(world.app);
    world.who = await seedRecordWorld(world.app);
  });
  afterAll(async () => {
    await world.app?.close();
    await world.t?.close();
  });
  return world;
}
