import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { seedRecordWorld, type Caller, type Party } from '../records/testing/record-fixture.ts';
import { seedCast, type Cast } from '../processes/process-test-fixture.ts';
import { ApiClient } from './api-client.ts';
import { testApp, type TestClock } from './test-app.ts';
import type { AppOptions } from '../app.ts';

/** A test file's app on a database of its own (filled in before its tests run). */
export interface TestWorld {
  t: TestDatabase;
  app: FastifyInstance;
  clock: TestClock;
  /** The OpenAPI-checking client. */
  api: ApiClient;
}

/** How a world is opened: the app's options, and the clock's time before anything is seeded. */
export interface WorldOptions {
  at?: Date;
  app?: Partial<AppOptions>;
}

/**
 * Registers the hooks that open a database of its own, the app on it, the API client and what
 * `seed` adds, and close them after the file. The seeded members are on the returned object too.
 */
function useWorld<Seeded extends object>(
  label: string,
  options: WorldOptions,
  seed: (app: FastifyInstance) => Promise<Seeded>,
): TestWorld & Seeded {
  const world = {} as TestWorld & Seeded;
  beforeAll(async () => {
    world.t = await openTestDatabase(label);
    const built = await testApp(world.t.db, options.app);
    world.app = built.app;
    world.clock = built.clock;
    if (options.at) world.clock.current = options.at;
    world.api = await ApiClient.for(world.app);
    Object.assign(world, await seed(world.app));
  });
  afterAll(async () => {
    await world.app?.close();
    await world.t?.close();
  });
  return world;
}

/**
 * The record tests' world: a signed-in caller of each party (admin, owner, agents, requesters)
 * and the incident process published. No timer scheduler unless asked: tests fire timers themselves.
 */
export function useRecordWorld(label: string, options: WorldOptions = {}): TestWorld & { who: Record<Party, Caller> } {
  const records = { scheduler: false, ...options.app?.records };
  return useWorld(label, { ...options, app: { ...options.app, records } }, async (app) => ({
    who: await seedRecordWorld(app),
  }));
}

/** The process tests' world: the cast of signed-in users (admin, owner, agents, requesters). */
export function useCastWorld(label: string, options: WorldOptions = {}): TestWorld & { cast: Cast } {
  return useWorld(label, options, async (app) => ({ cast: await seedCast(app) }));
}
