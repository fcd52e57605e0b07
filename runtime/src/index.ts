import { DEFINITION_FORMAT_VERSION } from '@clauseflow/definition';

/** The definition format versions the runtime can run. */
export const RUNNABLE_DEFINITION_FORMATS: readonly number[] = [DEFINITION_FORMAT_VERSION];

// Definitions (drafts, immutable versions) and the template catalogue (packs, upgrades).
export * from './definitions/definition-store.ts';
export * from './catalogue/index.ts';

// The instance engine, its timers, scheduler and outbox; simulation on the pure core.
export * from './engine/index.ts';
export { simulate, type SimulationScript, type SimulationInput, type SimulationFrame } from './simulation/simulate.ts';
export { TestClock, systemClock, type Clock } from './clock.ts';
