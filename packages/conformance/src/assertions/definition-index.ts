import type { Definition, Effect, Form } from '@clauseflow/definition';

/** Where a record field sits on a form, and whether it is required there. */
export interface FormFieldSlot {
  section: number;
  index: number;
  required: boolean;
}

/**
 * Lookup tables over one definition, built in one linear pass so every evaluator can find
 * elements by tag and walk the state graph without rescanning the definition.
 */
export interface DefinitionIndex {
  definition: Definition;
  /** State id -> index in `states`. */
  stateIndex: ReadonlyMap<string, number>;
  /** Form id -> index in `forms`. */
  formIndex: ReadonlyMap<string, number>;
  /** Per state index: indexes of the transitions leaving it (unknown source states are skipped). */
  outgoing: readonly (readonly number[])[];
  /** Per state index: indexes of the transitions entering it. */
  incoming: readonly (readonly number[])[];
  /** Index of the initial state, or -1 when it does not exist. */
  initial: number;
  /** Per form index: record field -> its slot on the form. */
  formFields: readonly ReadonlyMap<string, FormFieldSlot>[];
  statesTagged(tag: string): readonly number[];
  transitionsTagged(tag: string): readonly number[];
  /** Names of record fields tagged `tag`, in schema order. */
  fieldsTagged(tag: string): readonly string[];
  /** Ids of roles tagged `tag`. */
  rolesTagged(tag: string): readonly string[];
  decisionsTagged(tag: string): readonly number[];
  clocksTagged(tag: string): readonly number[];
  /** The tags of a record field. */
  fieldTags(field: string): readonly string[];
}

const NONE: readonly never[] = [];

function group<T>(items: readonly T[], tagsOf: (item: T) => readonly string[] | undefined): Map<string, number[]> {
  const map = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const tag of tagsOf(item) ?? NONE) {
      const list = map.get(tag);
      if (list) list.push(i);
      else map.set(tag, [i]);
    }
  });
  return map;
}

function slotsOf(form: Form): Map<string, FormFieldSlot> {
  const slots = new Map<string, FormFieldSlot>();
  form.sections.forEach((section, s) =>
    section.fields.forEach((f, i) => {
      const known = slots.get(f.field);
      // A field on two sections counts as required when either requires it.
      if (!known || (!known.required && f.required === true)) {
        slots.set(f.field, { section: s, index: i, required: f.required === true });
      }
    }),
  );
  return slots;
}

/** Builds the index of a definition in time linear in its size. */
export function indexDefinition(definition: Definition): DefinitionIndex {
  const stateIndex = new Map<string, number>();
  definition.states.forEach((s, i) => stateIndex.set(s.id, i));
  const formIndex = new Map<string, number>();
  definition.forms.forEach((f, i) => formIndex.set(f.id, i));
  const outgoing: number[][] = definition.states.map(() => []);
  const incoming: number[][] = definition.states.map(() => []);
  definition.transitions.forEach((t, i) => {
    const from = stateIndex.get(t.from);
    const to = stateIndex.get(t.to);
    if (from !== undefined) outgoing[from]!.push(i);
    if (to !== undefined) incoming[to]!.push(i);
  });
  const properties = Object.entries(definition.record.schema.properties);
  const fieldTagMap = new Map<string, readonly string[]>();
  const fieldsByTag = new Map<string, string[]>();
  for (const [name, schema] of properties) {
    const tags = Array.isArray(schema['x-tags']) ? schema['x-tags'] : NONE;
    fieldTagMap.set(name, tags);
    for (const tag of tags) {
      const list = fieldsByTag.get(tag);
      if (list) list.push(name);
      else fieldsByTag.set(tag, [name]);
    }
  }
  const statesByTag = group(definition.states, (s) => s.tags);
  const transitionsByTag = group(definition.transitions, (t) => t.tags);
  const rolesByTag = group(definition.roles, (r) => r.tags);
  const decisionsByTag = group(definition.decisions, (d) => d.tags);
  const clocksByTag = group(definition.clocks, (c) => c.tags);
  return {
    definition,
    stateIndex,
    formIndex,
    outgoing,
    incoming,
    initial: stateIndex.get(definition.initialState) ?? -1,
    formFields: definition.forms.map(slotsOf),
    statesTagged: (tag) => statesByTag.get(tag) ?? NONE,
    transitionsTagged: (tag) => transitionsByTag.get(tag) ?? NONE,
    fieldsTagged: (tag) => fieldsByTag.get(tag) ?? NONE,
    rolesTagged: (tag) => (rolesByTag.get(tag) ?? NONE).map((i) => definition.roles[i]!.id),
    decisionsTagged: (tag) => decisionsByTag.get(tag) ?? NONE,
    clocksTagged: (tag) => clocksByTag.get(tag) ?? NONE,
    fieldTags: (field) => fieldTagMap.get(field) ?? NONE,
  };
}

/** Every effect that runs on entering state `state`: its onEntry and the effects of the transitions into it. */
export function* effectsOnEntry(index: DefinitionIndex, state: number): Generator<Effect> {
  const { definition } = index;
  yield* definition.states[state]?.onEntry ?? NONE;
  for (const t of index.incoming[state] ?? NONE) yield* definition.transitions[t]?.effects ?? NONE;
}

/** A state's label for explanations: its English label and id. */
export function stateName(index: DefinitionIndex, state: number): string {
  return index.definition.states[state]?.id ?? String(state);
}
