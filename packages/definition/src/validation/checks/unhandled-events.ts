import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { pointer } from '../json-pointer.ts';

/**
 * UNHANDLED_EVENT: the events a state's timers and approval raise must be handled by some
 * transition from that state, or they do nothing. (Clock warning and breach events are
 * optional hooks and are not checked.)
 */
export function checkUnhandledEvents(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const handled = new Set(definition.transitions.map((t) => `${t.from}\u0000${t.event}`));
  const expect = (state: string, event: string, path: string): void => {
    if (!handled.has(`${state}\u0000${event}`)) issues.push(createIssue('UNHANDLED_EVENT', path, { state, event }));
  };
  definition.states.forEach((state, i) => {
    state.timers?.forEach((timer, j) => expect(state.id, timer.event, pointer('states', i, 'timers', j, 'event')));
    if (state.approval !== undefined) {
      expect(state.id, state.approval.approvedEvent, pointer('states', i, 'approval', 'approvedEvent'));
      expect(state.id, state.approval.rejectedEvent, pointer('states', i, 'approval', 'rejectedEvent'));
    }
  });
  return issues;
}
