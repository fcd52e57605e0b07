import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { pointer } from '../json-pointer.ts';

/** What raises an event that nobody sends by hand. */
type SystemRaiser = 'automatic' | 'timer' | 'approval' | 'clock';

/**
 * SYSTEM_TRANSITION_THROUGH_FORM: a transition the system takes (automatically, or on the event
 * of a timer, of a decided approval or of an SLA clock) carries a form with required fields.
 * Nobody fills a form there, so the runtime cannot enforce it (event-data.ts exempts such
 * events): the record may enter the target state without those fields. Give the system its own
 * event and transition without the form, or make sure the fields are required earlier.
 */
export function checkSystemTransitionsThroughForms(definition: Definition): Issue[] {
  const raisers = new Map<string, SystemRaiser>();
  const raise = (state: string, event: string, by: SystemRaiser) => {
    if (!raisers.has(`${state}\u0000${event}`)) raisers.set(`${state}\u0000${event}`, by);
  };
  for (const state of definition.states) {
    for (const timer of state.timers ?? []) raise(state.id, timer.event, 'timer');
    if (state.approval) {
      raise(state.id, state.approval.approvedEvent, 'approval');
      raise(state.id, state.approval.rejectedEvent, 'approval');
    }
  }
  const clockEvents = new Set(
    definition.clocks.flatMap((clock) => [clock.warningEvent, clock.breachEvent].filter((e) => e !== undefined)),
  );
  const requiredFields = new Map(
    definition.forms.map((form) => [
      form.id,
      form.sections.flatMap((section) => section.fields.filter((f) => f.required).map((f) => f.field)),
    ]),
  );

  const issues: Issue[] = [];
  definition.transitions.forEach((transition, i) => {
    if (transition.form === undefined) return;
    const fields = requiredFields.get(transition.form) ?? [];
    if (fields.length === 0) return;
    const by: SystemRaiser | undefined = transition.automatic
      ? 'automatic'
      : (raisers.get(`${transition.from}\u0000${transition.event}`) ??
        (clockEvents.has(transition.event) ? 'clock' : undefined));
    if (by === undefined) return;
    issues.push(
      createIssue('SYSTEM_TRANSITION_THROUGH_FORM', pointer('transitions', i, 'form'), {
        transition: transition.id,
        form: transition.form,
        raisedBy: by,
        fields: fields.join(', '),
      }),
    );
  });
  return issues;
}
