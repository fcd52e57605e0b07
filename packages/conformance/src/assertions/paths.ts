import type { DefinitionIndex } from './definition-index.ts';

/**
 * The state graph as paths from the start: which states a record can reach, and whether a field
 * is required on every path up to a point. Behaviour assertions hold on reachable paths only, so
 * an unreachable state neither satisfies nor breaks them, and a requirement may be met anywhere
 * on the way (a state split, a triage step, a detour and back) rather than on one named form.
 */

const reachableCache = new WeakMap<DefinitionIndex, Uint8Array>();
const endsCache = new WeakMap<DefinitionIndex, { from: Int32Array; to: Int32Array }>();

/** Per transition: the indexes of its source and target states (-1 when unknown), computed once per index. */
function ends(index: DefinitionIndex): { from: Int32Array; to: Int32Array } {
  let known = endsCache.get(index);
  if (known) return known;
  const of = (id: string) => index.stateIndex.get(id) ?? -1;
  const { transitions } = index.definition;
  known = { from: Int32Array.from(transitions, (t) => of(t.from)), to: Int32Array.from(transitions, (t) => of(t.to)) };
  endsCache.set(index, known);
  return known;
}

/** Index of the source state of transition `t`, or -1 when it names an unknown state. */
export const sourceOf = (index: DefinitionIndex, t: number): number => ends(index).from[t]!;

/** Index of the target state of transition `t`, or -1 when it names an unknown state. */
export const targetOf = (index: DefinitionIndex, t: number): number => ends(index).to[t]!;

/** Targets of the transitions leaving state `s` (unknown targets skipped). */
function* successors(index: DefinitionIndex, s: number): Generator<number> {
  const { to } = ends(index);
  for (const t of index.outgoing[s]!) if (to[t]! >= 0) yield to[t]!;
}

/**
 * Per state: 1 when some path of transitions (taken by actors, timers, clocks or automatically:
 * all are transitions) leads to it from the initial state. Computed once per index.
 */
export function reachableStates(index: DefinitionIndex): Uint8Array {
  let reach = reachableCache.get(index);
  if (reach) return reach;
  reach = new Uint8Array(index.definition.states.length);
  if (index.initial >= 0) {
    reach[index.initial] = 1;
    const queue = [index.initial];
    for (let head = 0; head < queue.length; head++) {
      for (const to of successors(index, queue[head]!)) {
        if (reach[to] === 1) continue;
        reach[to] = 1;
        queue.push(to);
      }
    }
  }
  reachableCache.set(index, reach);
  return reach;
}

/** Is state `s` reachable from the initial state? */
export const isReachable = (index: DefinitionIndex, s: number): boolean => reachableStates(index)[s] === 1;

/** Whether something (a required field, an approval) happened on every path, per state and per transition. */
export interface RequiredOnPaths {
  /** It happened at or before entering state `s`, on every path into it. */
  onEntry(s: number): boolean;
  /** It happened at or before taking transition `t` (on `t` itself included), on every path to it. */
  byTransition(t: number): boolean;
}

/** What counts as the thing happening: at the start, in a state passed, or on a transition taken. */
export interface PathEvent {
  atStart: boolean;
  inState(s: number): boolean;
  onTransition(t: number): boolean;
  /** When given, only a visit to these states counts: entering one from outside starts afresh. */
  visit?: Uint8Array;
}

/**
 * Must-analysis over reachable paths: the event counts at a point when it happened on every
 * path from the start to it (a state counts once the record has been in it). Greatest fixpoint
 * with a worklist, so loops (a detour and back) neither help nor hurt: O(S + T) predicate calls.
 */
export function happenedOnPaths(index: DefinitionIndex, event: PathEvent): RequiredOnPaths {
  const reach = reachableStates(index);
  const entry = Uint8Array.from(reach);
  const out = (s: number): boolean => entry[s] === 1 || event.inState(s);
  const { from: sources } = ends(index);
  const byTransition = (t: number): boolean => {
    const from = sources[t]!;
    return (from >= 0 && out(from)) || event.onTransition(t);
  };
  const { visit } = event;
  const holds = (s: number): boolean =>
    (s !== index.initial || event.atStart) &&
    index.incoming[s]!.every((t) => {
      const from = sources[t]!;
      if (from < 0 || reach[from] !== 1) return true;
      if (visit && visit[s] === 1 && visit[from] !== 1) return event.onTransition(t);
      return byTransition(t);
    });
  const queue: number[] = [];
  reach.forEach((r, s) => r === 1 && queue.push(s));
  while (queue.length > 0) {
    const s = queue.pop()!;
    if (entry[s] !== 1 || holds(s)) continue;
    entry[s] = 0;
    for (const to of successors(index, s)) if (entry[to] === 1) queue.push(to);
  }
  return { onEntry: (s) => entry[s] === 1, byTransition };
}

/**
 * Where a field is required on every path: the start form, the form of a state passed (filled
 * in before leaving it) or the form of a transition taken requires it.
 */
export function requiredOnPaths(
  index: DefinitionIndex,
  requires: (form: string | undefined) => boolean,
): RequiredOnPaths {
  const { definition } = index;
  // Each form is looked up once, however many states and transitions use it.
  const known = new Map<string | undefined, boolean>();
  const once = (form: string | undefined): boolean => {
    let answer = known.get(form);
    if (answer === undefined) known.set(form, (answer = requires(form)));
    return answer;
  };
  return happenedOnPaths(index, {
    atStart: once(definition.startForm),
    inState: (s) => once(definition.states[s]!.form),
    onTransition: (t) => once(definition.transitions[t]!.form),
  });
}

/**
 * Per state: 1 when a record there has left the states tagged `tag` for good. A state not so
 * tagged is beyond them when it can reach a final state without passing one, or cannot reach
 * one at all; any other untagged state is a sub-step (every way on leads back, e.g. a hand-off
 * to a vendor during analysis). Without a final state every untagged state is beyond.
 */
export function beyondTagged(index: DefinitionIndex, tag: string): Uint8Array {
  let byTag = beyondCache.get(index);
  if (!byTag) beyondCache.set(index, (byTag = new Map<string, Uint8Array>()));
  let beyond = byTag.get(tag);
  if (!beyond) byTag.set(tag, (beyond = computeBeyond(index, tag)));
  return beyond;
}

const beyondCache = new WeakMap<DefinitionIndex, Map<string, Uint8Array>>();

function computeBeyond(index: DefinitionIndex, tag: string): Uint8Array {
  const { definition } = index;
  const n = definition.states.length;
  const tagged = new Uint8Array(n);
  for (const s of index.statesTagged(tag)) tagged[s] = 1;
  const backwards = (seeds: number[], through: (s: number) => boolean): Uint8Array => {
    const seen = new Uint8Array(n);
    for (const s of seeds) seen[s] = 1;
    for (let head = 0; head < seeds.length; head++) {
      for (const t of index.incoming[seeds[head]!]!) {
        const from = sourceOf(index, t);
        if (from < 0 || seen[from] === 1 || !through(from)) continue;
        seen[from] = 1;
        seeds.push(from);
      }
    }
    return seen;
  };
  const finals = definition.states.flatMap((s, i) => (s.kind === 'final' && tagged[i] !== 1 ? [i] : []));
  const anyFinal = definition.states.some((s) => s.kind === 'final');
  const toFinal = backwards(finals, (s) => tagged[s] !== 1);
  const backToTag = backwards([...index.statesTagged(tag)], () => true);
  return Uint8Array.from(tagged, (isTagged, s) =>
    isTagged === 0 && (!anyFinal || toFinal[s] === 1 || backToTag[s] !== 1) ? 1 : 0,
  );
}

/**
 * Indexes of the forms that count as reachable: the start form and any form a reachable state
 * or transition uses, or that no state or transition uses at all (it may be shown elsewhere).
 * A form used only by unreachable elements is never filled in.
 */
export function liveForms(index: DefinitionIndex): Set<number> {
  const { definition } = index;
  const reach = reachableStates(index);
  const used = new Set<number>();
  const live = new Set<number>();
  const mark = (form: string | undefined, isLive: boolean): void => {
    const f = form === undefined ? undefined : index.formIndex.get(form);
    if (f === undefined) return;
    used.add(f);
    if (isLive) live.add(f);
  };
  mark(definition.startForm, true);
  definition.states.forEach((s, i) => mark(s.form, reach[i] === 1));
  for (const t of definition.transitions) {
    const from = index.stateIndex.get(t.from);
    mark(t.form, from !== undefined && reach[from] === 1);
  }
  definition.forms.forEach((_, f) => used.has(f) || live.add(f));
  return live;
}
