import { setup } from 'xstate';
import type { Definition } from '../format/definition.ts';

/**
 * The event the machine sees: the definition's event type plus the ids of the transitions whose
 * guards were found to hold (rules are evaluated, asynchronously, before stepping).
 */
export interface MachineEvent {
  type: string;
  enabled?: readonly string[];
}

/** Parameters of the named actions: markers that `step()` turns into effects, in xstate's order. */
export type MarkerParams =
  { kind: 'enter'; state: string } | { kind: 'exit'; state: string } | { kind: 'take'; transition: string };

/** Options for building the machine config. */
export interface MachineConfigOptions {
  /** Without guards and markers: a bare machine, for measuring xstate alone. */
  bare?: boolean;
}

/**
 * The xstate machine config of a definition, as plain data: guards and actions are referenced
 * by name (`outcome`, `marker`) with JSON params, and bound in `setup()`.
 */
export function machineConfig(definition: Definition, options: MachineConfigOptions = {}): Record<string, unknown> {
  const bare = options.bare === true;
  const marker = (params: MarkerParams): { type: 'marker'; params: MarkerParams }[] =>
    bare ? [] : [{ type: 'marker', params }];
  const outgoing = new Map<string, Map<string, unknown[]>>();
  for (const t of definition.transitions) {
    const byEvent = outgoing.get(t.from) ?? new Map<string, unknown[]>();
    outgoing.set(t.from, byEvent);
    const list = byEvent.get(t.event) ?? [];
    byEvent.set(t.event, list);
    list.push({
      target: t.to,
      ...(bare ? {} : { guard: { type: 'outcome', params: { transition: t.id } } }),
      actions: marker({ kind: 'take', transition: t.id }),
    });
  }
  const states: Record<string, unknown> = {};
  for (const s of definition.states) {
    const on = Object.fromEntries(outgoing.get(s.id) ?? []);
    states[s.id] = {
      ...(s.kind === 'final' ? { type: 'final' } : { on }),
      entry: marker({ kind: 'enter', state: s.id }),
      exit: marker({ kind: 'exit', state: s.id }),
    };
  }
  return { id: definition.key, initial: definition.initialState, context: {}, states };
}

/** Builds the xstate v5 machine with `setup()`: the one guard reads precomputed outcomes from the event. */
export function buildMachine(definition: Definition, options: MachineConfigOptions = {}) {
  return setup({
    types: { context: {}, events: {} as MachineEvent },
    guards: {
      outcome: ({ event }, params: { transition: string }) => event.enabled?.includes(params.transition) === true,
    },
    actions: {
      // Never executed: `transition()` is pure and returns the markers for `step()` to interpret.
      marker: (_args, _params: MarkerParams) => undefined,
    },
  }).createMachine(machineConfig(definition, options) as never);
}

/** The machine type `compile()` produces. */
export type ProcessMachine = ReturnType<typeof buildMachine>;
