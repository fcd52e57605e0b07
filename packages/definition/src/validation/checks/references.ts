import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';
import { forEachEffect } from './visit.ts';

/**
 * UNKNOWN_STATE, UNKNOWN_ROLE, UNKNOWN_FORM, UNKNOWN_CLOCK, UNKNOWN_CALENDAR and UNKNOWN_TIMER:
 * every reference by id names an element the definition defines. Each issue points at the
 * reference itself.
 */
export function checkReferences(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  const ids = <T extends { id: string }>(items: readonly T[]) => new Set(items.map((item) => item.id));
  const states = ids(definition.states);
  const roles = ids(definition.roles);
  const forms = ids(definition.forms);
  const clocks = ids(definition.clocks);
  const calendars = ids(definition.calendars);
  const timers = new Set(definition.states.flatMap((state) => (state.timers ?? []).map((timer) => timer.id)));

  const expect = (
    known: Set<string>,
    code: 'UNKNOWN_STATE' | 'UNKNOWN_ROLE' | 'UNKNOWN_FORM' | 'UNKNOWN_CLOCK' | 'UNKNOWN_CALENDAR' | 'UNKNOWN_TIMER',
    id: string | undefined,
    path: string,
  ): void => {
    if (id !== undefined && !known.has(id)) issues.push(createIssue(code, path, { id }));
  };

  expect(states, 'UNKNOWN_STATE', definition.initialState, '/initialState');
  expect(forms, 'UNKNOWN_FORM', definition.startForm, '/startForm');

  definition.states.forEach((state, i) => {
    const base = pointer('states', i);
    state.actors?.forEach((role, j) => expect(roles, 'UNKNOWN_ROLE', role, childPointer(base, 'actors', j)));
    expect(forms, 'UNKNOWN_FORM', state.form, childPointer(base, 'form'));
    state.clocks?.forEach((action, j) =>
      expect(clocks, 'UNKNOWN_CLOCK', action.clock, childPointer(base, 'clocks', j, 'clock')),
    );
    state.timers?.forEach((timer, j) =>
      expect(calendars, 'UNKNOWN_CALENDAR', timer.calendar, childPointer(base, 'timers', j, 'calendar')),
    );
    state.approval?.approvers.roles?.forEach((role, j) =>
      expect(roles, 'UNKNOWN_ROLE', role, childPointer(base, 'approval', 'approvers', 'roles', j)),
    );
  });

  definition.transitions.forEach((transition, i) => {
    const base = pointer('transitions', i);
    expect(states, 'UNKNOWN_STATE', transition.from, childPointer(base, 'from'));
    expect(states, 'UNKNOWN_STATE', transition.to, childPointer(base, 'to'));
    transition.actors?.forEach((role, j) => expect(roles, 'UNKNOWN_ROLE', role, childPointer(base, 'actors', j)));
    expect(forms, 'UNKNOWN_FORM', transition.form, childPointer(base, 'form'));
  });

  definition.clocks.forEach((clock, i) =>
    expect(calendars, 'UNKNOWN_CALENDAR', clock.calendar, pointer('clocks', i, 'calendar')),
  );

  forEachEffect(definition, (effect, path) => {
    switch (effect.type) {
      case 'assign':
        expect(roles, 'UNKNOWN_ROLE', effect.role, childPointer(path, 'role'));
        break;
      case 'notify':
        expect(roles, 'UNKNOWN_ROLE', effect.role, childPointer(path, 'role'));
        break;
      case 'startClock':
      case 'pauseClock':
      case 'stopClock':
        expect(clocks, 'UNKNOWN_CLOCK', effect.clock, childPointer(path, 'clock'));
        break;
      case 'scheduleTimer':
      case 'cancelTimer':
        expect(timers, 'UNKNOWN_TIMER', effect.timer, childPointer(path, 'timer'));
        break;
      default:
        break;
    }
  });
  return issues;
}
