import type { SlaClock } from '../format/clock.ts';
import type { Definition } from '../format/definition.ts';
import type { Timer } from '../format/effect.ts';
import type { State } from '../format/state.ts';
import type { Transition } from '../format/transition.ts';
import { compileDecision, type CompiledDecision } from './decision-table.ts';
import { formJsonSchema, formUiSchema, type FormUiSchema, type JsonSchema } from './form-schema.ts';
import { compileValidator, createAjv, type DataValidator } from './form-validator.ts';
import { buildMachine, machineConfig, type ProcessMachine } from './machine.ts';
import { CompiledRules } from './rule-engine.ts';
import { compileRuleSet, type CompiledRuleSet } from './rule-set.ts';

/** A form compiled for the designer, the portal and the runtime. */
export interface CompiledForm {
  id: string;
  /** The generated JSON Schema (draft 2020-12). */
  schema: JsonSchema;
  ui: FormUiSchema;
  validate: DataValidator;
}

/**
 * A definition version compiled once and reused for every step of every instance on it:
 * the xstate machine, the rule engines, the form validators and lookup tables.
 */
export interface CompiledProcess {
  definition: Definition;
  /** The xstate v5 machine made with `setup()`. */
  machine: ProcessMachine;
  /** Its config, as plain data. */
  machineConfig: Record<string, unknown>;
  states: ReadonlyMap<string, State>;
  transitions: ReadonlyMap<string, Transition>;
  /** state id -> event -> transitions in definition order. */
  outgoing: ReadonlyMap<string, ReadonlyMap<string, readonly Transition[]>>;
  /** state id -> its automatic transitions in definition order. */
  automatic: ReadonlyMap<string, readonly Transition[]>;
  decisions: ReadonlyMap<string, CompiledDecision>;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  /** Transition id -> the engine of its inline-condition guard. */
  conditionGuards: ReadonlyMap<string, CompiledRules>;
  forms: ReadonlyMap<string, CompiledForm>;
  /** Validates record data against the record schema. */
  validateRecord: DataValidator;
  /** Timer id -> its state and spec (for `scheduleTimer` effects). */
  timers: ReadonlyMap<string, { state: string; timer: Timer }>;
  clocks: ReadonlyMap<string, SlaClock>;
}

/** Compiles a (valid) definition. Build once per definition version; `step()` reuses it. */
export function compile(definition: Definition): CompiledProcess {
  const outgoing = new Map<string, Map<string, Transition[]>>();
  const automatic = new Map<string, Transition[]>();
  const conditionGuards = new Map<string, CompiledRules>();
  for (const t of definition.transitions) {
    const byEvent = outgoing.get(t.from) ?? new Map<string, Transition[]>();
    outgoing.set(t.from, byEvent);
    byEvent.set(t.event, [...(byEvent.get(t.event) ?? []), t]);
    if (t.automatic) automatic.set(t.from, [...(automatic.get(t.from) ?? []), t]);
    if (t.guard && 'condition' in t.guard) {
      const rule = { name: t.id, priority: 1, conditions: { all: [t.guard.condition] }, event: { type: 'guard' } };
      conditionGuards.set(t.id, new CompiledRules([rule]));
    }
  }
  const timers = new Map<string, { state: string; timer: Timer }>();
  for (const s of definition.states)
    for (const timer of s.timers ?? []) if (!timers.has(timer.id)) timers.set(timer.id, { state: s.id, timer });

  const ajv = createAjv();
  const record = definition.record.schema;
  const forms = new Map<string, CompiledForm>();
  for (const form of definition.forms) {
    const schema = formJsonSchema(form, record);
    forms.set(form.id, {
      id: form.id,
      schema,
      ui: formUiSchema(form, record),
      validate: compileValidator(ajv, schema),
    });
  }

  return {
    definition,
    machine: buildMachine(definition),
    machineConfig: machineConfig(definition),
    states: new Map(definition.states.map((s) => [s.id, s])),
    transitions: new Map(definition.transitions.map((t) => [t.id, t])),
    outgoing,
    automatic,
    decisions: new Map(definition.decisions.map((d) => [d.id, compileDecision(d)])),
    ruleSets: new Map(definition.ruleSets.map((r) => [r.id, compileRuleSet(r)])),
    conditionGuards,
    forms,
    validateRecord: compileValidator(ajv, record),
    timers,
    clocks: new Map(definition.clocks.map((c) => [c.id, c])),
  };
}
