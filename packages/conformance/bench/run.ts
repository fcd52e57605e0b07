/**
 * `pnpm --filter @clauseflow/conformance bench`: how long `check()` takes for the full
 * ISO/IEC 20000-1:2018 requirement set on a generated 200-state definition that claims every
 * process requirement (the designer runs it on every edit). Prints the median of N runs.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Definition } from '@clauseflow/definition';
import { check, type AssertionMap, type RequirementSet } from '../src/index.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 50);
const STATES = Number(process.env['BENCH_STATES'] ?? 200);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const requirementSet = read('../../../catalog/requirements/iso-iec-20000-1-2018.json') as RequirementSet;
const assertionMap = read('../../../catalog/assertions/iso-iec-20000-1-2018.assertions.json') as AssertionMap;

/** Every tag the map names, so each assertion has elements to walk. */
function tagsOfMap(): { states: string[]; fields: string[]; roles: string[] } {
  const states = new Set<string>();
  const fields = new Set<string>();
  const roles = new Set<string>();
  for (const list of Object.values(assertionMap.assertions)) {
    for (const a of list) {
      for (const [k, v] of Object.entries(a)) {
        if (typeof v !== 'string' || k === 'kind' || k === 'process') continue;
        if (/field/i.test(k)) fields.add(v);
        else if (/role/i.test(k)) roles.add(v);
        else states.add(v);
      }
      if (a.kind === 'formCaptures' || a.kind === 'decisionSets') {
        for (const t of a.kind === 'formCaptures' ? a.fieldTags : a.fromFieldTags) fields.add(t);
      }
    }
  }
  return { states: [...states], fields: [...fields], roles: [...roles] };
}

/** A 200-state process: a main chain with branches back and forward, tags spread over the states. */
function generate(n: number): Definition {
  const tags = tagsOfMap();
  const text = (en: string) => ({ en, zh: en });
  const fieldNames = tags.fields.map((t, i) => `field${i}`);
  const states: Definition['states'] = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    label: text(`State ${i}`),
    tags: [tags.states[i % tags.states.length]!, i % 3 === 0 ? 'open' : 'work'],
    kind: i === n - 1 ? 'final' : 'normal',
    actors: ['r0', `r${(i % tags.roles.length) + 1}`],
    form: i % 10 === 0 ? 'f0' : undefined,
    timers: i % 25 === 0 ? [{ id: `t${i}`, after: 'P1D', time: 'calendar', event: 'tick', repeat: true }] : undefined,
  }));
  const transitions: Definition['transitions'] = [];
  for (let i = 0; i < n - 1; i++) {
    transitions.push({
      id: `next${i}`,
      from: `s${i}`,
      event: 'next',
      to: `s${i + 1}`,
      label: text('Next'),
      form: 'f0',
    });
    if (i > 5) transitions.push({ id: `back${i}`, from: `s${i}`, event: 'back', to: `s${i - 5}`, label: text('Back') });
    if (i + 7 < n)
      transitions.push({ id: `skip${i}`, from: `s${i}`, event: 'skip', to: `s${i + 7}`, label: text('Skip') });
    transitions.push({
      id: `esc${i}`,
      from: `s${i}`,
      event: 'escalate',
      to: `s${i}`,
      label: text('Esc'),
      tags: ['escalation'],
    });
  }
  return {
    formatVersion: 1,
    key: 'bench',
    version: 1,
    title: text('Bench'),
    tags: [],
    claims: requirementSet.requirements.filter((r) => r.kind === 'process').map((r) => r.id),
    record: {
      schema: {
        type: 'object',
        properties: Object.fromEntries(
          fieldNames.map((name, i) => [name, { type: 'string', 'x-label': text(name), 'x-tags': [tags.fields[i]!] }]),
        ),
      },
    },
    roles: [
      { id: 'r0', label: text('Owner') },
      ...tags.roles.map((t, i) => ({ id: `r${i + 1}`, label: text(t), tags: [t] })),
    ],
    initialState: 's0',
    states,
    transitions,
    decisions: [
      {
        id: 'd0',
        label: text('Decision'),
        hitPolicy: 'first',
        inputs: fieldNames.slice(0, 20).map((field) => ({ id: field, field })),
        outputs: fieldNames.slice(20, 40).map((field) => ({ id: field, field })),
        rows: [],
        trigger: 'change',
      },
    ],
    ruleSets: [],
    forms: [
      {
        id: 'f0',
        label: text('Form'),
        sections: [
          {
            id: 'main',
            label: text('Main'),
            fields: fieldNames.slice(0, 100).map((field) => ({ field, required: true })),
          },
        ],
      },
    ],
    clocks: [],
    calendars: [],
  };
}

const definition = generate(STATES);
const processCount = requirementSet.requirements.filter((r) => r.kind === 'process').length;
for (let i = 0; i < 5; i++) check(definition, requirementSet, assertionMap);
const times: number[] = [];
let summary = check(definition, requirementSet, assertionMap).summary;
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  summary = check(definition, requirementSet, assertionMap).summary;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(
  `check(): ${median.toFixed(2)} ms median of ${RUNS} runs (p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(2)} ms)` +
    ` — ${STATES} states, ${definition.transitions.length} transitions, ${requirementSet.requirements.length} requirements` +
    ` (${processCount} process, all claimed); verdicts ${JSON.stringify(summary)}`,
);
