import type { CompiledProcess } from './compile.ts';
import type { DataProblem } from './form-validator.ts';
import { VOTE_EVENT, type InstanceState, type ProcessEvent } from './instance-state.ts';

/**
 * The one rule for the data that moves a record (issue 22), used by `initialState()` and `step()`
 * and therefore by the engine, the simulator and the designer's simulation alike:
 *
 * - a start is checked against the start form (or the record schema when there is none);
 * - an event whose transition carries a form is checked against that form as the record will be
 *   after the event: the event's data over the record's current values of the form's fields, so
 *   a required field is satisfied by the record or by the event, and missing from both it is
 *   refused, whether the event carries `data` or not;
 * - an event without a form is checked against the record schema when it carries data.
 *
 * Exempt, because nobody can fill a form there: events raised by a timer, a vote (whose decided
 * outcome the system raises), and automatic transitions (taken inside a step, never sent). A
 * definition whose timer or automatic transition leads through a form with required fields is
 * reported by the validator instead (SYSTEM_TRANSITION_THROUGH_FORM).
 *
 * Problems carry JSON Pointers into the event's data (a missing field at its own name).
 */
export function eventDataProblems(
  compiled: CompiledProcess,
  state: InstanceState,
  event: Pick<ProcessEvent, 'type' | 'data' | 'timer'>,
): DataProblem[] | null {
  const data: unknown = event.data;
  if (data !== undefined && !isPlainObject(data)) return [notAnObject()];
  if (event.type === VOTE_EVENT || event.timer !== undefined) return null;
  const form = formOf(compiled, state.state, event.type);
  if (form) {
    const fields = Object.keys(form.schema['properties'] ?? {});
    const current: Record<string, unknown> = {};
    for (const field of fields) {
      const value = Object.hasOwn(state.data, field) ? state.data[field] : undefined;
      if (value !== undefined && value !== null) current[field] = value;
    }
    const validation = form.validate({ ...current, ...(data ?? {}) });
    return validation.valid ? null : validation.problems;
  }
  if (data === undefined) return null;
  const validation = compiled.validateRecord({ ...state.data, ...data });
  return validation.valid ? null : validation.problems;
}

/** Checks a start's data against the start form, or the record schema when there is none. */
export function startDataProblems(compiled: CompiledProcess, data: unknown): DataProblem[] | null {
  if (!isPlainObject(data)) return [notAnObject()];
  const startForm = compiled.definition.startForm;
  const form = startForm ? compiled.forms.get(startForm) : undefined;
  const validation = form ? form.validate(data) : compiled.validateRecord(data);
  return validation.valid ? null : validation.problems;
}

/** The form of the transition an event takes from a state (the first of its transitions with one). */
export function formOf(compiled: CompiledProcess, state: string, event: string) {
  const id = compiled.outgoing
    .get(state)
    ?.get(event)
    ?.find((t) => t.form)?.form;
  return id ? compiled.forms.get(id) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAnObject(): DataProblem {
  return { code: 'DATA_INVALID', path: '', keyword: 'type', message: 'must be an object', params: {} };
}
