import type { DefinitionIndex } from '../definition-index.ts';
import type { Evaluator } from '../evaluator.ts';
import { failure, pointer, type AssertionFailure } from '../result.ts';
import { isReachable } from '../paths.ts';
import { noStateWithTag, stateUnreachable } from '../tagged-elements.ts';

/** Does entering state `s` apply `action` to clock `clock` (a clock action, or an effect on entry or on an entering transition)? */
function acts(index: DefinitionIndex, s: number, clock: string, action: 'start' | 'stop'): boolean {
  const { definition } = index;
  const state = definition.states[s]!;
  if (state.clocks?.some((c) => c.clock === clock && c.action === action) === true) return true;
  const type = action === 'start' ? 'startClock' : 'stopClock';
  const has = (effects: readonly { type: string; clock?: string }[] | undefined): boolean =>
    effects?.some((e) => e.type === type && e.clock === clock) === true;
  if (has(state.onEntry)) return true;
  const entering = index.incoming[s]!.filter((t) => {
    const from = index.stateIndex.get(definition.transitions[t]!.from);
    return from !== undefined && isReachable(index, from);
  });
  return entering.length > 0 && entering.every((t) => has(definition.transitions[t]!.effects));
}

/**
 * A clock tagged `clockTag` is started in a state tagged `startTag` and stopped in every state
 * tagged `stopTag`. Of several such clocks one satisfying both suffices; otherwise the first is reported.
 */
export const clockCovers: Evaluator<'clockCovers'> = ({ clockTag, startTag, stopTag }, index) => {
  const { definition } = index;
  const clocks = index.clocksTagged(clockTag);
  if (clocks.length === 0) {
    return [failure('NO_CLOCK_WITH_TAG', '/clocks', { element: 'clock', tag: clockTag }, { tag: clockTag })];
  }
  const starts = index.statesTagged(startTag).filter((s) => isReachable(index, s));
  const stops = index.statesTagged(stopTag).filter((s) => isReachable(index, s));
  const missing = [startTag, stopTag].filter((tag, i) => (i === 0 ? starts : stops).length === 0);
  if (missing.length > 0) {
    return [...new Set(missing)].map((tag) => {
      const unreachable = index.statesTagged(tag)[0];
      return unreachable === undefined ? noStateWithTag(tag) : stateUnreachable(index, tag, unreachable);
    });
  }
  let first: AssertionFailure[] | undefined;
  for (const c of clocks) {
    const clock = definition.clocks[c]!.id;
    const failures: AssertionFailure[] = [];
    if (!starts.some((s) => acts(index, s, clock, 'start'))) {
      failures.push(
        failure(
          'CLOCK_NOT_STARTED',
          pointer('states', starts[0]!, 'clocks'),
          { element: 'clock-action', tag: startTag },
          { clock, tag: startTag },
        ),
      );
    }
    for (const s of stops) {
      if (acts(index, s, clock, 'stop')) continue;
      failures.push(
        failure(
          'CLOCK_NOT_STOPPED',
          pointer('states', s, 'clocks'),
          { element: 'clock-action', tag: stopTag },
          { clock, state: definition.states[s]!.id },
          pointer('states', s),
        ),
      );
    }
    if (failures.length === 0) return [];
    first ??= failures;
  }
  return first ?? [];
};
