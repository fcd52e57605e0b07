/* Benchmarks of the definition package. They print measured figures and assert nothing. */
import { createMachine, transition } from 'xstate';
import incidentJson from '../examples/incident.json' with { type: 'json' };
import * as definitionPackage from '../src/index.ts';
import {
  compile,
  initialState,
  machineConfig,
  machineSnapshot,
  step,
  type Definition,
  type InstanceState,
  type ProcessEvent,
} from '../src/index.ts';
import { generateDefinition } from './generate.ts';

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Median wall time (ms) of `runs` calls after `warmup` calls. */
function timeMs(fn: () => void, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

// (a) parse + validate + compile of a generated 1,000-state definition.
const big = generateDefinition(1000);
const parse = (
  definitionPackage as { parseDefinition?: (json: unknown) => { valid: boolean; definition?: Definition } }
).parseDefinition;
const text = JSON.stringify(big);
console.log(`definition bench — Node ${process.version}`);
console.log(
  `\n(a) generated definition: ${big.states.length} states, ${big.transitions.length} transitions, ${fmt(text.length / 1024)} KiB`,
);
if (parse) {
  const parsed = parse(JSON.parse(text));
  console.log(`    parseDefinition: valid=${parsed.valid}`);
  const tParse = timeMs(() => parse(JSON.parse(text)), 5);
  const tCompile = timeMs(() => compile(big), 5);
  const tBoth = timeMs(() => {
    const r = parse(JSON.parse(text));
    if (r.definition) compile(r.definition);
  }, 5);
  const tBare = timeMs(() => createMachine(machineConfig(big, { bare: true }) as never), 5);
  console.log(`    parse+validate:           ${fmt(tParse, 2)} ms (median of 5)`);
  console.log(`    compile:                  ${fmt(tCompile, 2)} ms`);
  console.log(`    parse+validate+compile:   ${fmt(tBoth, 2)} ms`);
  console.log(`    bare xstate createMachine: ${fmt(tBare, 2)} ms (same machine, no guards, no rules)`);
  console.log(`    ratio parse+validate+compile / bare: ${fmt(tBoth / tBare, 1)}x`);
} else {
  const tCompile = timeMs(() => compile(big), 5);
  const tBare = timeMs(() => createMachine(machineConfig(big, { bare: true }) as never), 5);
  console.log('    parseDefinition not available: compile alone is timed');
  console.log(
    `    compile: ${fmt(tCompile, 2)} ms; bare createMachine: ${fmt(tBare, 2)} ms; ratio ${fmt(tCompile / tBare)}x`,
  );
}

// (b) step() throughput on the incident example with its decision table.
const incident = incidentJson as unknown as Definition;
const compiled = compile(incident);
const agent = { id: 'alan', roles: ['agent'] };
const requester = { id: 'rita', roles: ['requester'] };
const started = await initialState(
  compiled,
  { title: 'Bench', impact: 'medium', urgency: 'low' },
  { actor: requester },
);
if (!started.ok) throw new Error(started.rejection.code);
const accepted = await step(compiled, started.state, { type: 'accept', actor: agent, data: { category: 'other' } });
if (!accepted.ok) throw new Error(accepted.rejection.code);

// in-progress -> waiting-for-customer -> in-progress, the reply changing urgency (re-running the decision).
const urgencies = ['low', 'medium'];
async function cycle(n: number, withData: boolean): Promise<number> {
  let state: InstanceState = accepted.ok ? accepted.state : started.state;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const event: ProcessEvent =
      i % 2 === 0
        ? { type: 'await-customer', actor: agent }
        : {
            type: 'customer-replied',
            actor: requester,
            ...(withData ? { data: { urgency: urgencies[Math.floor(i / 2) % 2] } } : {}),
          };
    const r = await step(compiled, state, event);
    if (!r.ok) throw new Error(`${r.rejection.code} at ${i}`);
    state = r.state;
  }
  return n / ((performance.now() - t0) / 1000);
}

function bareCycle(n: number): number {
  const bare = createMachine(machineConfig(incident, { bare: true }) as never);
  let snapshot = bare.resolveState({ value: 'in-progress', context: {} });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    [snapshot] = transition(bare, snapshot, { type: i % 2 === 0 ? 'await-customer' : 'customer-replied' });
  }
  return n / ((performance.now() - t0) / 1000);
}

const N = 20_000;
await cycle(2_000, true);
bareCycle(2_000);
const withDecision = await cycle(N, true);
const noChange = await cycle(N, false);
const bare = bareCycle(N);
machineSnapshot(compiled, 'in-progress');
console.log(`\n(b) step() on the incident example (${fmt(N, 0)} steps: await-customer / customer-replied)`);
console.log(`    step() with the decision re-evaluated every reply: ${fmt(withDecision, 0)} steps/s`);
console.log(`    step() with no data change (no rule evaluation):   ${fmt(noChange, 0)} steps/s`);
console.log(`    bare xstate transition(), same machine, no rules:   ${fmt(bare, 0)} steps/s`);
console.log(
  `    ratio step() with decision / bare: ${fmt(withDecision / bare, 3)} (${fmt(bare / withDecision, 1)}x slower)`,
);
console.log(`    ratio step() no change / bare:     ${fmt(noChange / bare, 3)} (${fmt(bare / noChange, 1)}x slower)`);
